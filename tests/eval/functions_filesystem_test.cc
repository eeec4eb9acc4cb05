// basename, dirname, abspath, pathexpand and the file functions, over an
// in-memory file tree given through FunctionContext.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "eval/functions.h"

namespace tfguard::eval {
namespace {

Value S(std::string s) { return Value::string(std::move(s)); }

FunctionResult call(std::string_view name, std::vector<Value> args, FunctionContext& ctx) {
  const FunctionSpec* spec = findFunction(name);
  if (spec == nullptr) {
    ADD_FAILURE() << "no function " << name;
    return FunctionResult::fail("no such function");
  }
  return callFunction(*spec, args, ctx);
}

FunctionResult call(std::string_view name, std::vector<Value> args) {
  static FunctionContext ctx;
  return call(name, std::move(args), ctx);
}

std::string str(const FunctionResult& r) {
  EXPECT_TRUE(r.ok()) << r.error;
  return r.ok() && r.value.isKnown() && !r.value.isNull() ? r.value.asString() : "<none>";
}

/// A module at /mod with a few files; records what was asked for.
struct FakeTree {
  std::map<std::string, std::string> files = {
      {"/mod/hello.txt", "Hello World"},
      {"/mod/files/a.txt", "a"},
      {"/etc/motd", "motd"},
      {"/mod/binary.bin", std::string("\xff\x00\x01", 3)},
      {"/mod/decomposed.txt", "e\xcc\x81"},
  };
  std::vector<std::string> asked;
  FunctionContext ctx;

  FakeTree() {
    ctx.module_dir = "/mod";
    ctx.read_file = [this](const std::string& path,
                           std::string* error) -> std::optional<std::string> {
      asked.push_back(path);
      if (path == "/mod/secret") {
        *error = "path is outside the scanned tree";
        return std::nullopt;
      }
      auto it = files.find(path);
      if (it == files.end()) return std::nullopt;
      return it->second;
    };
    ctx.list_files = [this](const std::string& dir, const std::string& pattern, std::string*) {
      asked.push_back(dir + " " + pattern);
      return std::vector<std::string>{"hello.txt", "world.txt"};
    };
  }
};

TEST(PathFunctions, BasenameAndDirname) {
  EXPECT_EQ(str(call("basename", {S("foo/bar/baz.txt")})), "baz.txt");
  EXPECT_EQ(str(call("dirname", {S("foo/bar/baz.txt")})), "foo/bar");
  EXPECT_EQ(str(call("basename", {S("/foo/bar/")})), "bar");
  EXPECT_EQ(str(call("basename", {S("/")})), "/");
  EXPECT_EQ(str(call("basename", {S("")})), ".");
  EXPECT_EQ(str(call("dirname", {S("baz.txt")})), ".");
  EXPECT_EQ(str(call("dirname", {S("/foo/bar/")})), "/foo/bar");
  EXPECT_EQ(str(call("dirname", {S("/foo")})), "/");
  EXPECT_EQ(str(call("dirname", {S("a//b/../c/d")})), "a/c");
  EXPECT_EQ(str(call("dirname", {S("")})), ".");
}

TEST(PathFunctions, AbspathIsLexicalFromTheModule) {
  FakeTree tree;
  EXPECT_EQ(str(call("abspath", {S("files/../x.txt")}, tree.ctx)), "/mod/x.txt");
  EXPECT_EQ(str(call("abspath", {S("/a/./b/../c")}, tree.ctx)), "/a/c");
  EXPECT_EQ(str(call("abspath", {S(".")}, tree.ctx)), "/mod");
  FunctionContext no_module;
  EXPECT_FALSE(call("abspath", {S("x")}, no_module).value.isKnown());
  EXPECT_EQ(str(call("abspath", {S("/x")}, no_module)), "/x");
  EXPECT_TRUE(tree.asked.empty());  // never touches files
}

TEST(PathFunctions, Pathexpand) {
  EXPECT_EQ(str(call("pathexpand", {S("/etc/resolv.conf")})), "/etc/resolv.conf");
  EXPECT_EQ(str(call("pathexpand", {S("relative/~x")})), "relative/~x");
  // The home directory is whoever runs Terraform's: unknown to a linter.
  FunctionResult r = call("pathexpand", {S("~/.ssh/id_rsa")});
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r.value.isKnown());
  EXPECT_EQ(call("pathexpand", {S("~bob/x")}).error, "cannot expand user-specific home dir");
}

TEST(FileFunctions, ReadThroughTheContext) {
  FakeTree tree;
  EXPECT_EQ(str(call("file", {S("hello.txt")}, tree.ctx)), "Hello World");
  EXPECT_EQ(str(call("file", {S("./files/../hello.txt")}, tree.ctx)), "Hello World");
  EXPECT_EQ(str(call("file", {S("/etc/motd")}, tree.ctx)), "motd");
  EXPECT_EQ(tree.asked,
            (std::vector<std::string>{"/mod/hello.txt", "/mod/hello.txt", "/etc/motd"}));
  EXPECT_EQ(str(call("file", {S("decomposed.txt")}, tree.ctx)),
            "\xC3\xA9");  // NFC, as cty strings are
  EXPECT_EQ(str(call("filebase64", {S("hello.txt")}, tree.ctx)), "SGVsbG8gV29ybGQ=");
  EXPECT_EQ(str(call("filebase64", {S("binary.bin")}, tree.ctx)), "/wAB");
  EXPECT_EQ(str(call("filemd5", {S("hello.txt")}, tree.ctx)), "b10a8db164e0754105b7a99be72e3fe5");
  EXPECT_EQ(str(call("filesha1", {S("hello.txt")}, tree.ctx)),
            "0a4d55a8d778e5022fab701977c5d840bbc486d0");
  EXPECT_EQ(str(call("filesha256", {S("hello.txt")}, tree.ctx)),
            "a591a6d40bf420404a011733cfb7b190d62c65bf0bcda32b57b277d9ad9f146e");
  EXPECT_EQ(str(call("filebase64sha256", {S("hello.txt")}, tree.ctx)),
            "pZGm1Av0IEBKARczz7exkNYsZb8LzaMrV7J32a2fFG4=");
  EXPECT_EQ(str(call("filesha512", {S("hello.txt")}, tree.ctx)),
            "2c74fd17edafd80e8447b0d46741ee243b7eb74dd2149a0ab1b9246fb30382f27e853d8585719e0e67cbda"
            "0daa8f51671064615d645"
            "ae27acb15bfb1447f459b");
  EXPECT_EQ(
      str(call("filebase64sha512", {S("hello.txt")}, tree.ctx)),
      "LHT9F+2v2A6ER7DUZ0HuJDt+t03SFJoKsbkkb7MDgvJ+hT2FhXGeDmfL2g2qj1FnEGRhXWRa4nrLFb+xRH9Fmw==");
}

TEST(FileFunctions, Errors) {
  FakeTree tree;
  FunctionResult r = call("file", {S("missing.txt")}, tree.ctx);
  EXPECT_EQ(r.error,
            "no file exists at \"missing.txt\"; this function works only with files that are "
            "distributed as part of "
            "the configuration source code, so if this file will be created by a resource in this "
            "configuration you "
            "must instead obtain this result from an attribute of that resource");
  EXPECT_EQ(r.error_arg, 0);
  EXPECT_EQ(call("file", {S("binary.bin")}, tree.ctx).error,
            "contents of \"binary.bin\" are not valid UTF-8; use the filebase64 function to obtain "
            "the Base64 encoded "
            "contents or the other file functions (e.g. filemd5, filesha256) to obtain file "
            "hashing results instead");
  EXPECT_EQ(call("file", {S("missing.txt").markedSensitive()}, tree.ctx).error.substr(0, 37),
            "no file exists at (sensitive value); ");
  EXPECT_EQ(call("filemd5", {S("missing.txt")}, tree.ctx).error,
            "open /mod/missing.txt: no such file or directory");
  EXPECT_EQ(call("file", {S("secret")}, tree.ctx).error, "path is outside the scanned tree");
  EXPECT_EQ(call("file", {S("~someone/x")}, tree.ctx).error,
            "failed to expand ~: cannot expand user-specific home dir");
}

TEST(FileFunctions, Fileexists) {
  FakeTree tree;
  EXPECT_TRUE(call("fileexists", {S("hello.txt")}, tree.ctx).value.rawEquals(Value::boolean(true)));
  EXPECT_TRUE(call("fileexists", {S("nope.txt")}, tree.ctx).value.rawEquals(Value::boolean(false)));
  EXPECT_FALSE(call("fileexists", {S("secret")}, tree.ctx).ok());
}

TEST(FileFunctions, Fileset) {
  FakeTree tree;
  Value v = call("fileset", {S("files"), S("*.txt")}, tree.ctx).value;
  EXPECT_EQ(v.type(), Type::set(Type::string()));
  EXPECT_EQ(v.debugString(), "[\"hello.txt\", \"world.txt\"]");
  EXPECT_EQ(tree.asked.back(), "/mod/files *.txt");
  EXPECT_EQ(call("fileset", {S("/mod"), S("[abc")}, tree.ctx).error,
            "failed to glob pattern \"/mod/[abc\": syntax error in pattern");
  EXPECT_EQ(call("fileset", {S("/mod"), S("{a,b")}, tree.ctx).error,
            "failed to glob pattern \"/mod/{a,b\": syntax error in pattern");
}

TEST(FileFunctions, WithoutAReaderEverythingIsUnknown) {
  FunctionContext empty;
  empty.module_dir = "/mod";
  for (const char* name : {"file", "filebase64", "filemd5", "filesha1", "filesha256", "filesha512",
                           "filebase64sha256", "filebase64sha512", "fileexists"}) {
    FunctionResult r = call(name, {S("hello.txt")}, empty);
    ASSERT_TRUE(r.ok()) << name;
    EXPECT_FALSE(r.value.isKnown()) << name;
  }
  FunctionResult set = call("fileset", {S("."), S("*")}, empty);
  ASSERT_TRUE(set.ok());
  EXPECT_FALSE(set.value.isKnown());
  EXPECT_EQ(set.value.type(), Type::set(Type::string()));
  FakeTree tree;
  EXPECT_FALSE(call("file", {S("~/x")}, tree.ctx).value.isKnown());  // needs the home directory
}

TEST(FileFunctions, MarksAndUnknowns) {
  FakeTree tree;
  EXPECT_TRUE(call("file", {S("hello.txt").markedSensitive()}, tree.ctx).value.sensitive());
  FunctionResult r = call("file", {Value::unknown(Type::string(), {"local.path"})}, tree.ctx);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r.value.isKnown());
  EXPECT_TRUE(tree.asked.size() == 1u);  // only the sensitive call read
}

}  // namespace
}  // namespace tfguard::eval
