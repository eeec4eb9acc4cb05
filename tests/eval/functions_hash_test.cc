// Hash functions against the standard test vectors (RFC 1321, FIPS 180-4
// examples, block-boundary lengths) and Terraform's documentation; uuidv5;
// the impure uuid/bcrypt.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "eval/functions.h"

namespace tfguard::eval {
namespace {

FunctionResult call(std::string_view name, std::vector<Value> args) {
  static FunctionContext ctx;
  const FunctionSpec* spec = findFunction(name);
  if (spec == nullptr) {
    ADD_FAILURE() << "no function " << name;
    return FunctionResult::fail("no such function");
  }
  return callFunction(*spec, args, ctx);
}

std::string str(const FunctionResult& r) {
  EXPECT_TRUE(r.ok()) << r.error;
  EXPECT_TRUE(r.value.isKnown());
  return r.ok() && r.value.isKnown() && !r.value.isNull() ? r.value.asString()
                                                          : std::string("<none>");
}

std::string hash(std::string_view fn, std::string input) {
  return str(call(fn, {Value::string(std::move(input))}));
}

struct Vector {
  std::string input;
  const char* md5;
  const char* sha1;
  const char* sha256;
  const char* sha512;
};

TEST(Hashes, StandardVectors) {
  const std::vector<Vector> vectors = {
      {"", "d41d8cd98f00b204e9800998ecf8427e", "da39a3ee5e6b4b0d3255bfef95601890afd80709",
       "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
       "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877"
       "eec2f63b931bd4741"
       "7a81a538327af927da3e"},
      {"abc", "900150983cd24fb0d6963f7d28e17f72", "a9993e364706816aba3e25717850c26c9cd0d89d",
       "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
       "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3f"
       "eebbd454d4423643c"
       "e80e2a9ac94fa54ca49f"},
      {"message digest", "f96b697d7cb7938d525a2f31aaf161d0",
       "c12252ceda8be8994d5fa0290a47231c1d16aae3",
       "f7846f55cf23e14eebeab5b4e1550cad5b509e3348fbc4efa3a1413d393cb650",
       "107dbf389d9e9f71a3a95f6c055b9251bc5268c2be16d6c13492ea45b0199f3309e16455ab1e96118e8a905d559"
       "7b72038ddb372a898"
       "26046de66687bb420e7c"},
      {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
       "8215ef0796a20bcaaae116d3876c664a", "84983e441c3bd26ebaae4aa1f95129e5e54670f1",
       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
       "204a8fc6dda82f0a0ced7beb8e08a41657c16ef468b228a8279be331a703c33596fd15c13b1b07f9aa1d3bea577"
       "89ca031ad85c7a71d"
       "d70354ec631238ca3445"},
      {"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmn"
       "opqrsmnopqrstnopqrs"
       "tu",
       "03dd8807a93175fb062dfb55dc7d359c", "a49b2446a02c645bf419f995b67091253a04a259",
       "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1",
       "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018501d289e4900f7e4331b99dec4b"
       "5433ac7d329eeb6dd"
       "26545e96e55b874be909"},
      // Lengths around the padding boundaries of 64- and 128-byte blocks.
      {std::string(55, 'x'), "04364420e25c512fd958a70738aa8f72",
       "cef734ba81a024479e09eb5a75b6ddae62e6abf1",
       "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072",
       "db9981645857e59805132f7699e78bbcf39f69380a41aac8e6fa158a0593f2017ffe48764687aa855dae3023fcc"
       "eefd51a1551d57730"
       "423df18503e80ba381ba"},
      {std::string(56, 'x'), "668a72d5ba17f08e62dabcafad6db14b",
       "901305367c259952f4e7af8323f480d59f81335b",
       "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e",
       "a9436ec7761f9f0d5fa48e652d72b54622f763b36106e6551900b32f6cd7f4d88dbeaadeb866d7f5311663eda3b"
       "bcda04ffb5a8e6779"
       "e14b84e95da5327c083e"},
      {std::string(64, 'x'), "c1bb4f81d892b2d57947682aeb252456",
       "bb2fa3ee7afb9f54c6dfb5d021f14b1ffe40c163",
       "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c",
       "791c91ff44685987a5c01d2811eede6f3a28d65e43709953c295931afc4941251e3a5dccbacabaf01dd729589b1"
       "c4d47da93f6991c41"
       "4f21188fb8449a2d1064"},
      {std::string(111, 'x'), "acdfbe7d162f80a5133e9b10dac869b2",
       "ebcb0b3e48c9ef45a6cea955e622bad8c29ff4e7",
       "5ba60613dba318e9ed9020301e5dc59c721c19d82862e4d03718708aa75d2bad",
       "9a2a120825c2319867758ec277924f6faa254968bf752046dacdd948d8ad299b10359fd04bfd7d3810b5fa1b16a"
       "294236138baff981c"
       "bb85248478053ac4d3dd"},
      {std::string(112, 'x'), "26382a8d1f5cdb7bce4d4a8f01920656",
       "27fa638e78d8524dae129c782bb9042f0caed9f9",
       "87bf6e70ecc829aa717756ac6797b82de8b30fca1281ea1659df31949839fc6b",
       "a3722b515ef40c910f2419f6e0da8ca51d410114ce6272faae64045f9e9f630e7fa8dd5a3243c9860b899d148c3"
       "da4bc0f9e07454542"
       "604d030bb55531fe0d5b"},
      {std::string(128, 'x'), "d69cb61a6ee87200676eb0d4b90edbcb",
       "150fa3fbdc899bd0b8f95a9fb6027f564d953762",
       "24da1b81d0b16df6428eee73c69fcb2a93c76bc6df706f0c6670fe6bfe800464",
       "e2e22f8422b54b06e35c3ea30a383d1de7a8fbc27992923074103117020d8dd7024c3ecf7d6d1a15a6de5a75ff3"
       "2fb486b9e8ced4c02"
       "ffe05822bf2cb734d0e0"},
      {std::string(1000000, 'a'), "7707d6ae4e027c70eea2a935c2296f21",
       "34aa973cd4c4daa4f61eeb2bdbad27316534016f",
       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
       "e718483d0ce769644e2e42c7bc15b4638e1f98b13b2044285632a803afa973ebde0ff244877ea60a4cb0432ce57"
       "7c31beb009c5c2c49"
       "aa2e4eadb217ad8cc09b"},
  };
  for (const Vector& v : vectors) {
    SCOPED_TRACE(v.input.size() > 80 ? std::to_string(v.input.size()) + " bytes" : v.input);
    EXPECT_EQ(hash("md5", v.input), v.md5);
    EXPECT_EQ(hash("sha1", v.input), v.sha1);
    EXPECT_EQ(hash("sha256", v.input), v.sha256);
    EXPECT_EQ(hash("sha512", v.input), v.sha512);
  }
  EXPECT_EQ(
      hash("md5",
           "12345678901234567890123456789012345678901234567890123456789012345678901234567890"),
      "57edf4a22be3c955ac49da2e2107b67a");
}

TEST(Hashes, DocumentationExamples) {
  EXPECT_EQ(hash("md5", "hello world"), "5eb63bbbe01eeed093cb22bb8f5acdc3");
  EXPECT_EQ(hash("sha1", "hello world"), "2aae6c35c94fcfb415dbe95f408b9ce91ee846ed");
  EXPECT_EQ(hash("sha256", "hello world"),
            "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9");
  EXPECT_EQ(hash("sha512", "hello world"),
            "309ecc489c12d6eb4cc40f50c902f2b4d0ed77ee511a7c7a9bcd3ca86d4cd86f989dd35bc5ff499670da34"
            "255b45b0cfd830e8"
            "1f605dcf7dc5542e93ae9cd76f");
  EXPECT_EQ(hash("base64sha256", "hello world"), "uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek=");
  EXPECT_EQ(
      hash("base64sha512", "hello world"),
      "MJ7MSJwS1utMxA9QyQLytNDtd+5RGnx6m808qG1M2G+YndNbxf9JlnDaNCVbRbDP2DDoH2Bdz33FVC6TrpzXbw==");
  // Strings are hashed as UTF-8.
  EXPECT_EQ(hash("md5", "é"), "66ddcd97cfdeabb2f6fb8a999b4bc76f");
}

TEST(Uuid, V5DocumentationExamples) {
  auto v5 = [](std::string ns, std::string name) {
    return str(call("uuidv5", {Value::string(std::move(ns)), Value::string(std::move(name))}));
  };
  EXPECT_EQ(v5("dns", "www.terraform.io"), "a5008fae-b28c-5ba5-96cd-82b4c53552d6");
  EXPECT_EQ(v5("url", "https://www.terraform.io/"), "9db6f67c-dd95-5ea0-aa5b-e70e5c5f7cf5");
  EXPECT_EQ(v5("oid", "1.3.6.1.4"), "af9d40a5-7a36-5c07-b23a-851cd99fbfa5");
  EXPECT_EQ(v5("x500", "CN=Example,C=GB"), "84e09961-4aa4-57f8-95b7-03edb1073253");
  EXPECT_EQ(v5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "www.terraform.io"),
            "a5008fae-b28c-5ba5-96cd-82b4c53552d6");
  EXPECT_EQ(v5("743ac3c0-3bf7-4a5b-9e6c-59360447c757", "LIBS:diskfont.library"),
            "ede1a974-df7e-5f17-84b9-76208818b2c8");
  // The other spellings google/uuid accepts.
  EXPECT_EQ(v5("{6ba7b810-9dad-11d1-80b4-00c04fd430c8}", "www.terraform.io"),
            "a5008fae-b28c-5ba5-96cd-82b4c53552d6");
  EXPECT_EQ(v5("urn:uuid:6ba7b810-9dad-11d1-80b4-00c04fd430c8", "www.terraform.io"),
            "a5008fae-b28c-5ba5-96cd-82b4c53552d6");
  EXPECT_EQ(v5("6ba7b8109dad11d180b400c04fd430c8", "www.terraform.io"),
            "a5008fae-b28c-5ba5-96cd-82b4c53552d6");
}

TEST(Uuid, V5Errors) {
  FunctionResult r = call("uuidv5", {Value::string("nope"), Value::string("x")});
  EXPECT_EQ(r.error, "uuidv5() doesn't support namespace nope (invalid UUID length: 4)");
  r = call("uuidv5", {Value::string("6ba7b810-9dad-11d1-80b4-00c04fd430cZ"), Value::string("x")});
  EXPECT_EQ(r.error,
            "uuidv5() doesn't support namespace 6ba7b810-9dad-11d1-80b4-00c04fd430cZ (invalid UUID "
            "format)");
}

TEST(Uuid, ImpureFunctionsAreUnknown) {
  FunctionResult u = call("uuid", {});
  ASSERT_TRUE(u.ok());
  EXPECT_FALSE(u.value.isKnown());
  EXPECT_EQ(u.value.type(), Type::string());
  FunctionResult b = call("bcrypt", {Value::string("secret"), Value::number(10)});
  ASSERT_TRUE(b.ok());
  EXPECT_FALSE(b.value.isKnown());
  EXPECT_EQ(
      call("bcrypt", {Value::string("s"), Value::number(40)}).error,
      "error occured generating password crypto/bcrypt: cost 40 is outside allowed range (4,31)");
  EXPECT_EQ(call("bcrypt", {Value::string("s"), Value::number(10), Value::number(11)}).error,
            "bcrypt() takes no more than two arguments");
  FunctionResult rsa = call(
      "rsadecrypt", {Value::string("aGVsbG8="), Value::string("-----BEGIN RSA PRIVATE KEY-----")});
  ASSERT_TRUE(rsa.ok());
  EXPECT_FALSE(rsa.value.isKnown());
  EXPECT_EQ(call("rsadecrypt", {Value::string("not base64!"), Value::string("k")}).error,
            "failed to decode input \"not base64!\": cipher text must be base64-encoded");
}

TEST(Hashes, MarksAndUnknowns) {
  FunctionResult s = call("sha256", {Value::string("hunter2").markedSensitive()});
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(s.value.sensitive());
  FunctionResult u = call("md5", {Value::unknown(Type::string(), {"random_password.p.result"})});
  ASSERT_TRUE(u.ok());
  EXPECT_FALSE(u.value.isKnown());
  EXPECT_EQ(u.value.type(), Type::string());
  ASSERT_EQ(u.value.references().size(), 1u);
  EXPECT_EQ(u.value.references()[0], "random_password.p.result");
}

}  // namespace
}  // namespace tfguard::eval
