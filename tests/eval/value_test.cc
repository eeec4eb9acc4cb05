#include "eval/value.h"

#include <gtest/gtest.h>

#include "eval/functions.h"

namespace tfguard::eval {
namespace {

TEST(Number, PrintsLikeTerraform) {
  EXPECT_EQ(Number::fromInt(42).toString(), "42");
  EXPECT_EQ(Number(-1.5L).toString(), "-1.5");
  // 0.1 + 0.2 is 0.3 in Terraform (512-bit floats), not 0.30000000000000004.
  EXPECT_EQ(Number(*Number::parse("0.1")).toString(), "0.1");
  Number sum(Number::parse("0.1")->value() + Number::parse("0.2")->value());
  EXPECT_EQ(sum.toString(), "0.3");
  EXPECT_EQ(Number::parse("1e5")->toString(), "100000");
  EXPECT_EQ(Number::parse("9007199254740993")->toString(), "9007199254740993");
  EXPECT_FALSE(Number::parse(" 1").has_value());
  EXPECT_FALSE(Number::parse("0x10").has_value());
}

TEST(Type, SpellsLikeTerraform) {
  Type t = Type::object({{"b", Type::list(Type::string()), false}, {"a", Type::number(), true}});
  EXPECT_EQ(t.toString(), "object({a=optional(number), b=list(string)})");
  EXPECT_EQ(Type::map(Type::dynamic()).toString(), "map(any)");
  EXPECT_TRUE(t == Type::object({{"a", Type::number(), true}, {"b", Type::list(Type::string()), false}}));
}

TEST(Value, ObjectsAreSortedAndLastKeyWins) {
  Value v = Value::object({{"b", Value::number(1)}, {"a", Value::string("x")}, {"b", Value::number(2)}});
  ASSERT_EQ(v.length(), 2u);
  EXPECT_EQ(v.attributes()[0].first, "a");
  EXPECT_EQ(v.get("b")->asNumber().toString(), "2");
  EXPECT_EQ(v.debugString(), "{a = \"x\", b = 2}");
}

TEST(Value, SetsDeduplicateKnownElements) {
  Value s = Value::set({Value::string("b"), Value::string("a"), Value::string("b")}, Type::string());
  EXPECT_EQ(s.debugString(), "[\"a\", \"b\"]");
}

TEST(Value, UnknownsRememberTheirReferences) {
  Value a = Value::unknown(Type::string(), {"aws_instance.web.id"});
  Value b = Value::unknown(Type::string(), {"aws_instance.web.id"});
  EXPECT_FALSE(a.isKnown());
  EXPECT_TRUE(a.rawEquals(b));
  EXPECT_FALSE(a.rawEquals(Value::unknown(Type::string())));
  EXPECT_EQ(a.debugString(), "(unknown aws_instance.web.id)");
}

TEST(Value, MarksPropagate) {
  Value secret = Value::string("hunter2").markedSensitive();
  Value derived = Value::string("x").withMarksOf(secret);
  EXPECT_TRUE(derived.sensitive());
  EXPECT_EQ(secret.debugString(), "(sensitive)");
  Value traced = Value::number(22).withProvenance({"env/prod/terraform.tfvars", {0, 10}, "value set here"});
  ASSERT_EQ(traced.provenance().size(), 1u);
  EXPECT_EQ(traced.provenance()[0].note, "value set here");
}

TEST(Functions, UnknownArgumentsMakeUnknownResults) {
  static const FunctionSpec upper{
      "upper_test", {{"str", Type::string()}}, std::nullopt, Type::string(),
      [](std::span<const Value> args, FunctionContext&) {
        return FunctionResult{Value::string(args[0].asString() + "!"), {}, -1};
      }};
  FunctionContext ctx;
  Value unknown = Value::unknown(Type::string(), {"aws_s3_bucket.b.id"});
  FunctionResult r = callFunction(upper, std::vector<Value>{unknown}, ctx);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r.value.isKnown());
  ASSERT_EQ(r.value.references().size(), 1u);
  EXPECT_EQ(r.value.references()[0], "aws_s3_bucket.b.id");
  FunctionResult s = callFunction(upper, std::vector<Value>{Value::string("a").markedSensitive()}, ctx);
  EXPECT_TRUE(s.value.sensitive());
  FunctionResult bad = callFunction(upper, std::vector<Value>{}, ctx);
  EXPECT_FALSE(bad.ok());
}

TEST(Functions, MarksInsideArgumentsPropagate) {
  FunctionContext ctx;
  const FunctionSpec* join = findFunction("join");
  ASSERT_NE(join, nullptr);
  Value parts = Value::tuple({Value::string("a"), Value::unknown(Type::string(), {"aws_vpc.main.id"})});
  FunctionResult r = callFunction(*join, std::vector<Value>{Value::string(","), parts}, ctx);
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_FALSE(r.value.isKnown());
  ASSERT_EQ(r.value.references().size(), 1u);
  EXPECT_EQ(r.value.references()[0], "aws_vpc.main.id");
  Value secret_list = Value::tuple({Value::string("a"), Value::string("pw").markedSensitive()});
  r = callFunction(*join, std::vector<Value>{Value::string(","), secret_list}, ctx);
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_TRUE(r.value.sensitive());
}

TEST(Functions, NonsensitiveRemovesTheMark) {
  FunctionContext ctx;
  FunctionResult r = callFunction(*findFunction("nonsensitive"),
                                  std::vector<Value>{Value::string("x").markedSensitive()}, ctx);
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_FALSE(r.value.sensitive());
  r = callFunction(*findFunction("issensitive"), std::vector<Value>{Value::string("x").markedSensitive()}, ctx);
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_TRUE(r.value.asBool());
  EXPECT_FALSE(r.value.sensitive());
}

}  // namespace
}  // namespace tfguard::eval
