// cidrhost, cidrnetmask, cidrsubnet, cidrsubnets (Terraform's documentation
// examples and lang/funcs/cidr_test.go cases) and the cidr.h helpers.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "eval/cidr.h"
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

Value S(std::string s) { return Value::string(std::move(s)); }
Value N(long long n) { return Value::number(n); }

std::string str(const FunctionResult& r) {
  EXPECT_TRUE(r.ok()) << r.error;
  return r.ok() && r.value.isKnown() && !r.value.isNull() && r.value.type() == Type::string()
             ? r.value.asString()
             : "<none>";
}

std::string host(std::string prefix, long long n) {
  return str(call("cidrhost", {S(std::move(prefix)), N(n)}));
}
std::string subnet(std::string prefix, long long bits, long long num) {
  return str(call("cidrsubnet", {S(std::move(prefix)), N(bits), N(num)}));
}
std::string subnets(std::string prefix, std::vector<long long> bits) {
  std::vector<Value> args = {S(std::move(prefix))};
  for (long long b : bits) args.push_back(N(b));
  FunctionResult r = call("cidrsubnets", args);
  if (!r.ok()) return "error: " + r.error;
  return r.value.debugString();
}

TEST(CidrHost, DocumentationExamples) {
  EXPECT_EQ(host("10.12.112.0/20", 16), "10.12.112.16");
  EXPECT_EQ(host("10.12.112.0/20", 268), "10.12.113.12");
  EXPECT_EQ(host("fd00:fd12:3456:7890:00a2::/72", 34), "fd00:fd12:3456:7890::22");
  EXPECT_EQ(host("10.0.0.0/8", 2), "10.0.0.2");
  EXPECT_EQ(host("10.0.0.0/8", -2), "10.255.255.254");
  EXPECT_EQ(host("10.1.2.240/28", 1), "10.1.2.241");
  EXPECT_EQ(host("10.1.2.240/28", 14), "10.1.2.254");
}

TEST(CidrHost, TerraformTestCases) {
  EXPECT_EQ(host("192.168.1.0/24", 5), "192.168.1.5");
  EXPECT_EQ(host("192.168.1.0/24", -5), "192.168.1.251");
  EXPECT_EQ(host("192.168.1.0/24", -256), "192.168.1.0");
  EXPECT_EQ(host("010.001.0.0/24", 6), "10.1.0.6");  // leading zeros are decimal
  EXPECT_EQ(host("10.0.0.5/24", 1), "10.0.0.1");     // host bits of the prefix are ignored
  EXPECT_EQ(call("cidrhost", {S("192.168.1.0/30"), N(255)}).error,
            "prefix of 30 does not accommodate a host numbered 255");
  EXPECT_EQ(call("cidrhost", {S("192.168.1.0/30"), N(-255)}).error,
            "prefix of 30 does not accommodate a host numbered -251");
  EXPECT_EQ(call("cidrhost", {S("not-a-cidr"), N(6)}).error,
            "invalid CIDR expression: invalid CIDR address: not-a-cidr");
  EXPECT_EQ(call("cidrhost", {S("10.256.0.0/8"), N(6)}).error,
            "invalid CIDR expression: invalid CIDR address: 10.256.0.0/8");
  EXPECT_EQ(call("cidrhost", {S("10.0.0.0/8"), Value::number(*Number::parse("0.75"))}).error,
            "value must be a whole number");
}

TEST(CidrNetmask, Examples) {
  EXPECT_EQ(str(call("cidrnetmask", {S("172.16.0.0/12")})), "255.240.0.0");
  EXPECT_EQ(str(call("cidrnetmask", {S("192.168.1.0/24")})), "255.255.255.0");
  EXPECT_EQ(str(call("cidrnetmask", {S("192.168.1.0/32")})), "255.255.255.255");
  EXPECT_EQ(str(call("cidrnetmask", {S("0.0.0.0/0")})), "0.0.0.0");
  EXPECT_EQ(str(call("cidrnetmask", {S("010.001.0.0/24")})), "255.255.255.0");
  EXPECT_EQ(call("cidrnetmask", {S("1::/64")}).error,
            "IPv6 addresses cannot have a netmask: 1::/64");
  EXPECT_EQ(call("cidrnetmask", {S("110.256.0.0/8")}).error,
            "invalid CIDR expression: invalid CIDR address: 110.256.0.0/8");
}

TEST(CidrSubnet, DocumentationExamples) {
  EXPECT_EQ(subnet("172.16.0.0/12", 4, 2), "172.18.0.0/16");
  EXPECT_EQ(subnet("10.1.2.0/24", 4, 15), "10.1.2.240/28");
  EXPECT_EQ(subnet("fd00:fd12:3456:7890::/56", 16, 162), "fd00:fd12:3456:7800:a200::/72");
}

TEST(CidrSubnet, TerraformTestCases) {
  EXPECT_EQ(subnet("192.168.2.0/20", 4, 6), "192.168.6.0/24");
  EXPECT_EQ(subnet("fe80::/48", 16, 6), "fe80:0:0:6::/64");
  EXPECT_EQ(subnet("::ffff:192.168.0.0/112", 8, 6),
            "192.168.6.0/24");  // IPv4-mapped prints as IPv4
  EXPECT_EQ(subnet("fe80::/48", 33, 6), "fe80::3:0:0:0/81");
  EXPECT_EQ(subnet("010.001.0.0/24", 4, 1), "10.1.0.16/28");
  EXPECT_EQ(call("cidrsubnet", {S("192.168.0.0/30"), N(4), N(6)}).error,
            "insufficient address space to extend prefix of 30 by 4");
  EXPECT_EQ(call("cidrsubnet", {S("10.0.0.0/8"), N(4), N(16)}).error,
            "prefix extension of 4 does not accommodate a subnet numbered 16");
  EXPECT_EQ(call("cidrsubnet", {S("10.0.0.0/8"), Value::number(*Number::parse("1.5")), N(0)}).error,
            "value must be a whole number, between -9223372036854775808 and 9223372036854775807");
}

TEST(CidrSubnets, DocumentationExamples) {
  EXPECT_EQ(subnets("10.1.0.0/16", {4, 4, 8, 4}),
            "[\"10.1.0.0/20\", \"10.1.16.0/20\", \"10.1.32.0/24\", \"10.1.48.0/20\"]");
  EXPECT_EQ(subnets("fd00:fd12:3456:7890::/56", {16, 16, 16, 32}),
            "[\"fd00:fd12:3456:7800::/72\", \"fd00:fd12:3456:7800:100::/72\", "
            "\"fd00:fd12:3456:7800:200::/72\", "
            "\"fd00:fd12:3456:7800:300::/88\"]");
  EXPECT_EQ(subnets("10.0.0.0/8", {8, 8, 8, 8}),
            "[\"10.0.0.0/16\", \"10.1.0.0/16\", \"10.2.0.0/16\", \"10.3.0.0/16\"]");
  EXPECT_EQ(subnets("10.2.0.0/16", {4, 4}), "[\"10.2.0.0/20\", \"10.2.16.0/20\"]");
}

TEST(CidrSubnets, TerraformTestCases) {
  EXPECT_EQ(subnets("10.0.0.0/21", {3, 3, 3, 4, 4, 4, 7, 7, 7}),
            "[\"10.0.0.0/24\", \"10.0.1.0/24\", \"10.0.2.0/24\", \"10.0.3.0/25\", "
            "\"10.0.3.128/25\", \"10.0.4.0/25\", "
            "\"10.0.4.128/28\", \"10.0.4.144/28\", \"10.0.4.160/28\"]");
  EXPECT_EQ(subnets("010.0.0.0/21", {3}), "[\"10.0.0.0/24\"]");
  EXPECT_EQ(subnets("10.0.0.0/30", {1, 3}),
            "error: would extend prefix to 33 bits, which is too long for an IPv4 address");
  EXPECT_EQ(subnets("10.0.0.0/8", {1, 1, 1}),
            "error: not enough remaining address space for a subnet with a prefix of 9 bits after "
            "10.128.0.0/9");
  EXPECT_EQ(subnets("10.0.0.0/8", {1, 0}), "error: must extend prefix by at least one bit");
  EXPECT_EQ(subnets("10.0.0.0/8", {1, -1}), "error: must extend prefix by at least one bit");
  EXPECT_EQ(subnets("fe80::/48", {1, 33}), "error: may not extend prefix by more than 32 bits");
  EXPECT_EQ(subnets("10.0.0.0/8", {}), "[]");
}

TEST(CidrSubnets, ErrorsNameTheArgument) {
  FunctionResult r = call("cidrsubnets", {S("10.0.0.0/8"), N(1), N(1), N(1)});
  EXPECT_EQ(r.error_arg, 3);
  r = call("cidrsubnets", {S("bad"), N(1)});
  EXPECT_EQ(r.error_arg, 0);
  EXPECT_EQ(r.error, "invalid CIDR expression: invalid CIDR address: bad");
}

TEST(CidrSubnets, Bounded) {
  // Each argument adds one subnet of at most 2^32 addresses: the work is
  // linear in the number of arguments, even for IPv6.
  std::vector<Value> args = {S("2001:db8::/32")};
  for (int i = 0; i < 1000; ++i) args.push_back(N(32));
  FunctionResult r = call("cidrsubnets", args);
  ASSERT_TRUE(r.ok()) << r.error;
  ASSERT_EQ(r.value.length(), 1000u);
  EXPECT_EQ(r.value.elements()[999].asString(), "2001:db8:0:3e7::/64");
}

TEST(CidrFunctions, UnknownArguments) {
  FunctionResult r = call("cidrsubnets", {Value::unknown(Type::string(), {"var.vpc_cidr"}), N(4)});
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r.value.isKnown());
  EXPECT_EQ(r.value.type(), Type::list(Type::string()));
  FunctionResult h = call("cidrhost", {S("10.0.0.0/8"), Value::unknown(Type::number())});
  ASSERT_TRUE(h.ok());
  EXPECT_FALSE(h.value.isKnown());
}

TEST(CidrHelpers, ParseAndPrint) {
  auto p = cidr::parsePrefix("10.0.0.5/24");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->toString(), "10.0.0.0/24");
  cidr::Address written;
  ASSERT_TRUE(cidr::parsePrefix("10.0.0.5/24", &written));
  EXPECT_EQ(written.toString(), "10.0.0.5");
  EXPECT_EQ(cidr::parsePrefix("2001:DB8::1/32")->toString(), "2001:db8::/32");
  EXPECT_EQ(cidr::parseAddress("2001:db8:0:0:1:0:0:1")->toString(), "2001:db8::1:0:0:1");
  EXPECT_EQ(cidr::parseAddress("::ffff:10.1.2.3")->toString(), "10.1.2.3");
  EXPECT_EQ(cidr::parsePrefix("10.1.2.3/24")->last().toString(), "10.1.2.255");
  EXPECT_FALSE(cidr::parsePrefix("10.0.0.0"));
  EXPECT_FALSE(cidr::parsePrefix("10.0.0.0/33"));
  EXPECT_FALSE(cidr::parsePrefix("1::2::3/64"));
  EXPECT_EQ(cidr::parsePrefixOrAddress("10.0.0.1")->toString(), "10.0.0.1/32");
  EXPECT_EQ(cidr::parsePrefixOrAddress("::1")->toString(), "::1/128");
}

TEST(CidrHelpers, Containment) {
  auto P = [](const char* s) { return *cidr::parsePrefixOrAddress(s); };
  EXPECT_TRUE(P("10.0.0.0/8").contains(P("10.1.0.0/16")));
  EXPECT_TRUE(P("10.0.0.0/8").contains(P("10.0.0.0/8")));
  EXPECT_FALSE(P("10.1.0.0/16").contains(P("10.0.0.0/8")));
  EXPECT_FALSE(P("10.0.0.0/8").contains(P("11.0.0.0/16")));
  EXPECT_TRUE(P("0.0.0.0/0").contains(P("203.0.113.7")));
  EXPECT_FALSE(P("::/0").contains(P("203.0.113.7")));  // families differ
  EXPECT_TRUE(P("10.0.0.0/8").contains(P("::ffff:10.2.3.4")));
  EXPECT_TRUE(P("10.0.0.0/8").contains(*cidr::parseAddress("10.255.255.255")));
  EXPECT_TRUE(P("10.0.0.0/8").overlaps(P("10.2.0.0/16")));
  EXPECT_TRUE(P("10.2.0.0/16").overlaps(P("10.0.0.0/8")));
  EXPECT_FALSE(P("10.0.0.0/16").overlaps(P("10.1.0.0/16")));
  EXPECT_TRUE(P("0.0.0.0/0").isWholeFamily());
  EXPECT_TRUE(P("::/0").isWholeFamily());
  EXPECT_FALSE(P("0.0.0.0/1").isWholeFamily());
}

TEST(CidrHelpers, Classification) {
  auto A = [](const char* s) { return *cidr::parseAddress(s); };
  auto P = [](const char* s) { return *cidr::parsePrefixOrAddress(s); };
  EXPECT_TRUE(cidr::isPrivate(A("10.1.2.3")));
  EXPECT_TRUE(cidr::isPrivate(A("172.31.0.1")));
  EXPECT_FALSE(cidr::isPrivate(A("172.32.0.1")));
  EXPECT_TRUE(cidr::isPrivate(A("192.168.0.1")));
  EXPECT_TRUE(cidr::isPrivate(A("fd00::1")));
  EXPECT_TRUE(cidr::isLoopback(A("127.0.0.1")));
  EXPECT_TRUE(cidr::isLoopback(A("::1")));
  EXPECT_TRUE(cidr::isLinkLocal(A("169.254.169.254")));
  EXPECT_TRUE(cidr::isLinkLocal(A("fe80::1")));
  EXPECT_TRUE(cidr::isUnspecified(A("0.0.0.0")));
  EXPECT_TRUE(cidr::isMulticast(A("ff02::1")));
  EXPECT_TRUE(cidr::isNonPublic(P("10.0.0.0/16")));
  EXPECT_TRUE(cidr::isNonPublic(P("100.64.1.0/24")));
  EXPECT_TRUE(cidr::isNonPublic(P("192.168.1.1")));
  EXPECT_FALSE(cidr::isNonPublic(P("0.0.0.0/0")));
  EXPECT_FALSE(cidr::isNonPublic(P("8.8.8.8")));
  EXPECT_FALSE(cidr::isNonPublic(P("10.0.0.0/7")));  // reaches 11.0.0.0/8
  EXPECT_FALSE(cidr::isNonPublic(P("2600::/16")));
}

}  // namespace
}  // namespace tfguard::eval
