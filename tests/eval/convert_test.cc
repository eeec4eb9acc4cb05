// Type conversion (cty convert), unification and the conversion functions.
// Expected results are Terraform's: its documentation's examples and the
// behaviour of cty v1.18 (Terraform's conversion library).
#include "eval/convert.h"

#include <gtest/gtest.h>

#include "eval/functions.h"

namespace tfguard::eval {
namespace {

// --- Value and type shorthands -------------------------------------------

Value S(std::string s) { return Value::string(std::move(s)); }
Value N(long long n) { return Value::number(n); }
Value F(long double d) { return Value::number(Number(d)); }
Value B(bool b) { return Value::boolean(b); }
Value Tup(std::vector<Value> v) { return Value::tuple(std::move(v)); }
Value Obj(std::vector<Value::Attribute> a) { return Value::object(std::move(a)); }
Value ListOf(std::vector<Value> v, Type t) { return Value::list(std::move(v), std::move(t)); }
Value SetOf(std::vector<Value> v, Type t) { return Value::set(std::move(v), std::move(t)); }
Value MapOf(std::vector<Value::Attribute> a, Type t) { return Value::map(std::move(a), std::move(t)); }
Value Unknown(Type t, std::vector<std::string> refs = {}) { return Value::unknown(std::move(t), std::move(refs)); }

const Type kStr = Type::string();
const Type kNum = Type::number();
const Type kBool = Type::boolean();
const Type kAny = Type::dynamic();
Type List(Type t) { return Type::list(std::move(t)); }
Type Set(Type t) { return Type::set(std::move(t)); }
Type Map(Type t) { return Type::map(std::move(t)); }
Type Tuple(std::vector<Type> t) { return Type::tuple(std::move(t)); }
Type Object(std::vector<ObjectAttribute> a) { return Type::object(std::move(a)); }
ObjectAttribute Req(std::string name, Type t) { return {std::move(name), std::move(t), false}; }
ObjectAttribute Opt(std::string name, Type t) { return {std::move(name), std::move(t), true}; }

std::string show(const Value& v) { return v.debugString() + " : " + v.type().toString(); }

// --- convert(): the conversion table --------------------------------------

struct ConvertCase {
  const char* name;
  Value value;
  Type want;
  std::string result;  ///< "debug : type", or empty when an error is expected
  std::string error;
  std::string error_path = "";
};

class ConvertTable : public ::testing::TestWithParam<ConvertCase> {};

TEST_P(ConvertTable, MatchesTerraform) {
  const ConvertCase& c = GetParam();
  std::string error, path;
  auto got = convert(c.value, c.want, &error, &path);
  if (c.error.empty()) {
    ASSERT_TRUE(got.has_value()) << "error: " << error;
    EXPECT_EQ(show(*got), c.result);
  } else {
    ASSERT_FALSE(got.has_value()) << "got " << show(*got);
    EXPECT_EQ(error, c.error);
    EXPECT_EQ(path, c.error_path);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Convert, ConvertTable,
    ::testing::Values(
        // Primitives.
        ConvertCase{"StringIdentity", S("hello"), kStr, "\"hello\" : string", ""},
        ConvertCase{"StringToNumber", S("1"), kNum, "1 : number", ""},
        ConvertCase{"StringToFraction", S("1.5"), kNum, "1.5 : number", ""},
        ConvertCase{"StringToNumberExponent", S("1e3"), kNum, "1000 : number", ""},
        ConvertCase{"NotANumber", S("hello"), kNum, "", "a number is required"},
        ConvertCase{"SpacesAreNotNumbers", S(" 1"), kNum, "", "a number is required"},
        ConvertCase{"StringToBoolTrue", S("true"), kBool, "true : bool", ""},
        ConvertCase{"StringToBoolFalse", S("false"), kBool, "false : bool", ""},
        // cty also accepts "1" and "0" (conversion_primitive.go).
        ConvertCase{"StringOneToBool", S("1"), kBool, "true : bool", ""},
        ConvertCase{"StringZeroToBool", S("0"), kBool, "false : bool", ""},
        ConvertCase{"UppercaseTrue", S("TRUE"), kBool, "",
                    "a bool is required; to convert from string, use lowercase \"true\""},
        ConvertCase{"MixedCaseFalse", S("False"), kBool, "",
                    "a bool is required; to convert from string, use lowercase \"false\""},
        ConvertCase{"NotABool", S("yes"), kBool, "", "a bool is required"},
        ConvertCase{"NumberToString", N(5), kStr, "\"5\" : string", ""},
        ConvertCase{"FractionToString", F(1.5L), kStr, "\"1.5\" : string", ""},
        ConvertCase{"BoolToString", B(true), kStr, "\"true\" : string", ""},
        ConvertCase{"BoolToNumber", B(true), kNum, "", "number required, but have bool"},
        ConvertCase{"NumberToBool", N(1), kBool, "", "bool required, but have number"},
        ConvertCase{"ListToString", ListOf({S("a")}, kStr), kStr, "", "string required, but have list of string"},
        ConvertCase{"StringToList", S("a"), List(kStr), "", "list of string required, but have string"},
        ConvertCase{"AnyPassesThrough", N(3), kAny, "3 : number", ""},

        // Tuples to lists and sets (the docs' tolist/toset examples).
        ConvertCase{"TupleToListOfString", Tup({S("a"), S("b"), S("c")}), List(kStr),
                    "[\"a\", \"b\", \"c\"] : list(string)", ""},
        ConvertCase{"TupleToListOfAnyUnifies", Tup({S("a"), S("b"), N(3)}), List(kAny),
                    "[\"a\", \"b\", \"3\"] : list(string)", ""},
        ConvertCase{"TupleToListOfAnyBoolToString", Tup({S("a"), B(true)}), List(kAny),
                    "[\"a\", \"true\"] : list(string)", ""},
        ConvertCase{"TupleOfNumbersToList", Tup({N(1), N(2)}), List(kAny), "[1, 2] : list(number)", ""},
        ConvertCase{"TupleBoolAndNumberDoNotUnify", Tup({B(true), N(1)}), List(kAny), "",
                    "all list elements must have the same type"},
        ConvertCase{"TupleStringsToNumbers", Tup({S("1"), N(2)}), List(kNum), "[1, 2] : list(number)", ""},
        ConvertCase{"TupleElementNotANumber", Tup({S("1"), S("x")}), List(kNum), "", "a number is required", "[1]"},
        ConvertCase{"TupleElementWrongType", Tup({Tup({})}), List(kStr), "",
                    "element 0: string required, but have tuple"},
        ConvertCase{"EmptyTupleToList", Tup({}), List(kStr), "[] : list(string)", ""},
        ConvertCase{"EmptyTupleToListOfAny", Tup({}), List(kAny), "[] : list(any)", ""},
        ConvertCase{"EmptyTupleToSet", Tup({}), Set(kStr), "[] : set(string)", ""},
        ConvertCase{"TupleToSetDeduplicates", Tup({S("c"), S("b"), S("b")}), Set(kAny),
                    "[\"b\", \"c\"] : set(string)", ""},
        ConvertCase{"TupleToSetMixed", Tup({S("a"), S("b"), N(3)}), Set(kAny),
                    "[\"3\", \"a\", \"b\"] : set(string)", ""},
        ConvertCase{"TupleWithNullToList", Tup({S("a"), Value()}), List(kAny), "[\"a\", null] : list(string)", ""},
        // hashicorp/terraform#24377.
        ConvertCase{"TupleOfListAndStringToSet", Tup({ListOf({S("a")}, kStr), S("b"), Value()}), Set(kAny), "",
                    "all set elements must have the same type"},
        ConvertCase{"TupleOfListAndStringToList", Tup({ListOf({S("a")}, kStr), S("b")}), List(kAny), "",
                    "all list elements must have the same type"},
        ConvertCase{"TupleToTuple", Tup({B(true)}), Tuple({kStr}), "[\"true\"] : tuple([string])", ""},
        ConvertCase{"TupleToShorterTuple", Tup({B(true)}), Tuple({}), "", "tuple required"},
        ConvertCase{"EmptyTupleToLongerTuple", Tup({}), Tuple({kStr}), "", "tuple required"},

        // Lists and sets.
        ConvertCase{"ListToSet", ListOf({S("b"), S("a"), S("b")}, kStr), Set(kStr), "[\"a\", \"b\"] : set(string)",
                    ""},
        ConvertCase{"SetToList", SetOf({S("b"), S("a")}, kStr), List(kStr), "[\"a\", \"b\"] : list(string)", ""},
        ConvertCase{"ListElementConversion", ListOf({N(1), N(2)}, kNum), List(kStr),
                    "[\"1\", \"2\"] : list(string)", ""},
        ConvertCase{"ListOfStringToListOfNumberFails", ListOf({S("1"), S("x")}, kStr), List(kNum), "",
                    "a number is required", "[1]"},
        ConvertCase{"ListToListOfAny", ListOf({S("a")}, kStr), List(kAny), "[\"a\"] : list(string)", ""},
        ConvertCase{"EmptyListToListOfAny", ListOf({}, kStr), List(kAny), "[] : list(string)", ""},
        ConvertCase{"ListOfObjectsMissingAttribute", ListOf({Obj({})}, Object({})), List(Object({Req("foo", kStr)})),
                    "", "incorrect list element type: attribute \"foo\" is required"},
        ConvertCase{"ListToMap", ListOf({S("a")}, kStr), Map(kStr), "", "map of string required"},

        // Objects to maps (the docs' tomap examples).
        ConvertCase{"ObjectToMapOfAny", Obj({{"a", N(1)}, {"b", N(2)}}), Map(kAny), "{a = 1, b = 2} : map(number)",
                    ""},
        ConvertCase{"ObjectToMapUnifies", Obj({{"a", S("foo")}, {"b", B(true)}}), Map(kAny),
                    "{a = \"foo\", b = \"true\"} : map(string)", ""},
        ConvertCase{"ObjectToMapOfNumber", Obj({{"a", S("1")}}), Map(kNum), "{a = 1} : map(number)", ""},
        ConvertCase{"ObjectToMapCannotUnify", Obj({{"a", N(1)}, {"b", Tup({})}}), Map(kAny), "",
                    "all map elements must have the same type"},
        ConvertCase{"ObjectToMapElementFails", Obj({{"a", S("x")}}), Map(kNum), "", "a number is required",
                    "[\"a\"]"},
        ConvertCase{"EmptyObjectToMap", Obj({}), Map(kStr), "{} : map(string)", ""},
        ConvertCase{"ObjectToMapOfObjectMissing", Obj({{"boop", Obj({})}}), Map(Object({Req("foo", kStr)})), "",
                    "element \"boop\": attribute \"foo\" is required"},
        ConvertCase{
            "NestedObjectsToMapOfMapOfAny",
            Obj({{"a", Obj({{"x", Tup({S("foo")})}})},
                 {"b", Obj({{"x", Tup({S("bar")})}})},
                 {"c", Obj({{"x", Tup({S("foo"), S("bar")})}})}}),
            Map(Map(kAny)),
            "{a = {x = [\"foo\"]}, b = {x = [\"bar\"]}, c = {x = [\"foo\", \"bar\"]}} : map(map(list(string)))", ""},

        // Objects to objects: extra attributes are dropped, missing ones
        // must be optional.
        ConvertCase{"ObjectDropsExtraAttributes", Obj({{"a", N(1)}, {"b", N(2)}}), Object({Req("a", kNum)}),
                    "{a = 1} : object({a=number})", ""},
        ConvertCase{"ObjectAttributeConversion", Obj({{"port", S("80")}}), Object({Req("port", kNum)}),
                    "{port = 80} : object({port=number})", ""},
        ConvertCase{"ObjectMissingAttribute", Obj({}), Object({Req("foo", kStr)}), "", "attribute \"foo\" is required"},
        ConvertCase{"ObjectMissingTwo", Obj({}), Object({Req("foo", kStr), Req("bar", kStr)}), "",
                    "attributes \"bar\" and \"foo\" are required"},
        ConvertCase{"ObjectMissingThree", Obj({}), Object({Req("foo", kStr), Req("bar", kStr), Req("baz", kStr)}), "",
                    "attributes \"bar\", \"baz\", and \"foo\" are required"},
        ConvertCase{"ObjectAttributeMismatch", Obj({{"foo", B(true)}}), Object({Req("foo", kNum)}), "",
                    "attribute \"foo\": number required, but have bool"},
        ConvertCase{"NestedObjectMissing", Obj({{"baz", Obj({{"boop", N(1)}})}}),
                    Object({Req("baz", Object({Req("boop", kNum), Req("beep", kBool)}))}), "",
                    "attribute \"baz\": attribute \"beep\" is required"},
        ConvertCase{"NestedValueError", Obj({{"a", Tup({S("x")})}}), Object({Req("a", List(kNum))}), "",
                    "a number is required", ".a[0]"},
        ConvertCase{"OptionalMissingIsNull", Obj({{"a", S("x")}}), Object({Req("a", kStr), Opt("b", kNum)}),
                    "{a = \"x\", b = null} : object({a=string, b=number})", ""},
        ConvertCase{"OptionalPresent", Obj({{"a", S("x")}, {"b", S("2")}}), Object({Req("a", kStr), Opt("b", kNum)}),
                    "{a = \"x\", b = 2} : object({a=string, b=number})", ""},
        ConvertCase{"OptionalObjectMissing", Obj({}), Object({Opt("o", Object({Req("x", kStr), Opt("y", kNum)}))}),
                    "{o = null} : object({o=object({x=string, y=number})})", ""},
        ConvertCase{"OptionalInList",
                    Tup({Obj({{"a", N(1)}}), Obj({{"a", N(2)}, {"b", S("x")}})}),
                    List(Object({Req("a", kNum), Opt("b", kStr)})),
                    "[{a = 1, b = null}, {a = 2, b = \"x\"}] : list(object({a=number, b=string}))", ""},
        ConvertCase{"OptionalAnyIsNull", Obj({{"a", S("boop")}}), Object({Req("a", kStr), Opt("c", kAny)}),
                    "{a = \"boop\", c = null} : object({a=string, c=any})", ""},

        // Maps to objects.
        ConvertCase{"MapToObject", MapOf({{"greeting", S("Hello")}, {"name", S("John")}}, kStr),
                    Object({Req("name", kStr)}), "{name = \"John\"} : object({name=string})", ""},
        ConvertCase{"MapToObjectMissing", MapOf({{"name", S("John")}}, kStr),
                    Object({Req("greeting", kStr), Req("name", kStr)}), "",
                    "map has no element for required attribute \"greeting\""},
        ConvertCase{"MapToObjectOptional", MapOf({{"name", S("John")}}, kStr),
                    Object({Opt("greeting", kStr), Req("name", kStr)}),
                    "{greeting = null, name = \"John\"} : object({greeting=string, name=string})", ""},
        ConvertCase{"MapToObjectIncompatible", MapOf({{"greeting", S("Hello")}}, kStr),
                    Object({Req("greeting", List(kStr))}), "", "object required"},
        ConvertCase{"MapToObjectOptionalIncompatible", MapOf({{"a", S("boop")}, {"c", S("foobar")}}, kStr),
                    Object({Req("a", kStr), Opt("b", kStr), Opt("c", Object({Req("d", kStr)}))}), "",
                    "map element type is incompatible with attribute \"c\": object required, but have string"},
        ConvertCase{"MapToMapElements", MapOf({{"a", N(1)}}, kNum), Map(kStr), "{a = \"1\"} : map(string)", ""},
        ConvertCase{"MapToMapFails", MapOf({{"k", S("x")}}, kStr), Map(kNum), "", "a number is required", "[\"k\"]"},

        // Null and unknown.
        ConvertCase{"NullConverts", Value::null(kStr), kNum, "null : number", ""},
        ConvertCase{"NullDynamicToObject", Value(), Object({Opt("a", kStr)}), "null : object({a=string})", ""},
        ConvertCase{"NullOfWrongType", Value::null(kStr), List(kStr), "",
                    "list of string required, but have string"},
        ConvertCase{"UnknownConverts", Unknown(kStr, {"aws_instance.web.id"}), kNum,
                    "(unknown aws_instance.web.id) : number", ""},
        ConvertCase{"UnknownDynamicTakesTarget", Unknown(kAny), List(kStr), "(unknown) : list(string)", ""},
        ConvertCase{"UnknownKeepsKnownTypeForAny", Unknown(List(kStr)), List(kAny), "(unknown) : list(string)", ""},
        ConvertCase{"UnknownTupleToListOfAny", Unknown(Tuple({kStr, kNum})), List(kAny),
                    "(unknown) : list(string)", ""},
        ConvertCase{"UnknownElement", Tup({Unknown(kNum, {"x.y.z"}), N(2)}), List(kStr),
                    "[(unknown x.y.z), \"2\"] : list(string)", ""},
        ConvertCase{"UnknownOfWrongType", Unknown(kBool), List(kStr), "", "list of string required, but have bool"},
        ConvertCase{"SetWithUnknownsToList", SetOf({Unknown(kStr), S("a")}, kStr), List(kStr),
                    "(unknown) : list(string)", ""}),
    [](const ::testing::TestParamInfo<ConvertCase>& p) { return std::string(p.param.name); });

TEST(Convert, KeepsMarksAndReferences) {
  std::string error;
  Value secret = S("5").markedSensitive();
  auto n = convert(secret, kNum, &error);
  ASSERT_TRUE(n);
  EXPECT_TRUE(n->sensitive());
  EXPECT_EQ(n->asNumber().toString(), "5");

  // A sensitive element stays sensitive inside the converted collection.
  auto list = convert(Tup({S("a"), N(1).markedSensitive()}), List(kAny), &error);
  ASSERT_TRUE(list);
  EXPECT_FALSE(list->sensitive());
  EXPECT_FALSE(list->elements()[0].sensitive());
  EXPECT_TRUE(list->elements()[1].sensitive());

  auto unknown = convert(Unknown(kStr, {"aws_s3_bucket.b.arn"}).markedSensitive(), kNum, &error);
  ASSERT_TRUE(unknown);
  EXPECT_FALSE(unknown->isKnown());
  EXPECT_TRUE(unknown->sensitive());
  ASSERT_EQ(unknown->references().size(), 1u);
  EXPECT_EQ(unknown->references()[0], "aws_s3_bucket.b.arn");

  Value traced = S("80").withProvenance({"terraform.tfvars", {0, 4}, "value set here"});
  auto port = convert(traced, kNum, &error);
  ASSERT_TRUE(port);
  ASSERT_EQ(port->provenance().size(), 1u);
  EXPECT_EQ(port->provenance()[0].file, "terraform.tfvars");
}

TEST(Convert, EqualTypesAreNotCopied) {
  std::string error;
  Value v = Obj({{"a", S("x")}});
  auto same = convert(v, Object({Opt("a", kStr)}), &error);
  ASSERT_TRUE(same);
  EXPECT_TRUE(same->rawEquals(v));
}

TEST(Convert, NullErrorPointerIsAllowed) { EXPECT_FALSE(convert(S("x"), kNum, nullptr).has_value()); }

TEST(Convert, LargeTupleToListIsLinear) {
  // 20000 elements: unification must not compare every pair of types.
  std::vector<Value> elems;
  for (int i = 0; i < 20000; ++i) elems.push_back(i % 2 ? S("x") : N(i));
  std::string error;
  auto list = convert(Tup(std::move(elems)), List(kAny), &error);
  ASSERT_TRUE(list) << error;
  EXPECT_EQ(list->type().toString(), "list(string)");
  EXPECT_EQ(list->length(), 20000u);
}

// --- Messages and names ----------------------------------------------------

TEST(MismatchMessage, MatchesCty) {
  EXPECT_EQ(mismatchMessage(kBool, kNum), "number required, but have bool");
  EXPECT_EQ(mismatchMessage(Object({}), List(Object({Req("foo", kStr)}))), "list of object required");
  EXPECT_EQ(mismatchMessage(List(kStr), List(Object({Req("foo", kStr)}))),
            "incorrect list element type: object required, but have string");
  EXPECT_EQ(mismatchMessage(Tuple({Object({})}), List(Object({Req("foo", kStr)}))),
            "element 0: attribute \"foo\" is required");
  EXPECT_EQ(mismatchMessage(List(Object({})), Set(Object({Req("foo", kStr)}))),
            "incorrect set element type: attribute \"foo\" is required");
  EXPECT_EQ(mismatchMessage(Map(Object({})), Map(Object({Req("foo", kStr)}))),
            "incorrect map element type: attribute \"foo\" is required");
  EXPECT_EQ(mismatchMessage(Tuple({Object({}), Tuple({})}), List(kAny)), "all list elements must have the same type");
  EXPECT_EQ(mismatchMessage(kStr, List(kAny)), "list of dynamic required, but have string");
  EXPECT_EQ(mismatchMessage(List(kStr), Map(kStr)), "map of string required");
}

TEST(FriendlyTypeName, SpellsLikeCty) {
  EXPECT_EQ(friendlyTypeName(List(kStr)), "list of string");
  EXPECT_EQ(friendlyTypeName(kAny), "dynamic");
  EXPECT_EQ(friendlyTypeName(kAny, true), "any type");
  EXPECT_EQ(friendlyTypeName(List(kAny), true), "list of any single type");
  EXPECT_EQ(friendlyTypeName(Map(Object({})), true), "map of object");
  EXPECT_EQ(friendlyTypeName(Tuple({kStr})), "tuple");
}

TEST(QuoteGoString, EscapesLikeStrconv) {
  EXPECT_EQ(quoteGoString("no"), "\"no\"");
  EXPECT_EQ(quoteGoString("a\"b\\c\n\t"), "\"a\\\"b\\\\c\\n\\t\"");
  EXPECT_EQ(quoteGoString("\x01"), "\"\\x01\"");
  EXPECT_EQ(quoteGoString("héllo ☃"), "\"héllo ☃\"");
  EXPECT_EQ(quoteGoString("\xff"), "\"\\xff\"");
  EXPECT_EQ(quoteGoString("\u00a0"), "\"\\u00a0\"");
}

TEST(CanConvert, SafeAndUnsafe) {
  EXPECT_TRUE(canConvert(kNum, kStr, false));
  EXPECT_FALSE(canConvert(kStr, kNum, false));
  EXPECT_TRUE(canConvert(kStr, kNum));
  EXPECT_FALSE(canConvert(List(kStr), Set(kStr), false));
  EXPECT_TRUE(canConvert(List(kStr), Set(kStr)));
  EXPECT_FALSE(canConvert(Map(kStr), Object({Req("a", kStr)}), false));
  EXPECT_TRUE(canConvert(Map(kStr), Object({Req("a", kStr)})));
  EXPECT_FALSE(canConvert(kBool, kNum));
  EXPECT_TRUE(canConvert(kAny, kNum));
  EXPECT_FALSE(canConvert(kAny, kNum, false));
}

TEST(WithoutOptionalAttributes, IsDeep) {
  Type t = List(Object({Opt("a", Object({Opt("b", kStr)}))}));
  EXPECT_EQ(withoutOptionalAttributes(t).toString(), "list(object({a=object({b=string})}))");
  EXPECT_EQ(withoutOptionalAttributes(kStr).toString(), "string");
}

// --- unify() ---------------------------------------------------------------

struct UnifyCase {
  const char* name;
  std::vector<Type> types;
  std::string want;  ///< type spelling, or "none"
  bool unsafe = false;
};

class UnifyTable : public ::testing::TestWithParam<UnifyCase> {};

TEST_P(UnifyTable, MatchesCty) {
  const UnifyCase& c = GetParam();
  auto got = unify(c.types, c.unsafe);
  EXPECT_EQ(got ? got->toString() : "none", c.want);
}

Type ObjA(Type t) { return Object({Req("a", std::move(t))}); }
Type ObjAB() { return Object({Req("a", kStr), Req("b", kStr)}); }

INSTANTIATE_TEST_SUITE_P(
    Unify, UnifyTable,
    ::testing::Values(
        // cty's convert/unify_test.go (safe mode).
        UnifyCase{"Empty", {}, "any"}, UnifyCase{"One", {kStr}, "string"},
        UnifyCase{"SameNumbers", {kNum, kNum}, "number"}, UnifyCase{"NumberString", {kNum, kStr}, "string"},
        UnifyCase{"StringNumber", {kStr, kNum}, "string"},
        UnifyCase{"BoolStringNumber", {kBool, kStr, kNum}, "string"},
        UnifyCase{"BoolNumber", {kBool, kNum}, "none"},
        UnifyCase{"SameObjects", {Object({Req("foo", kStr)}), Object({Req("foo", kStr)})}, "object({foo=string})"},
        UnifyCase{"ObjectsUnifyAttributes", {Object({Req("foo", kStr)}), Object({Req("foo", kNum)})},
                  "object({foo=string})"},
        UnifyCase{"ObjectsDifferentNamesToMap", {Object({Req("foo", kStr)}), Object({Req("bar", kNum)})},
                  "map(string)"},
        UnifyCase{"ObjectAndEmptyToMap", {Object({Req("foo", kStr)}), Object({})}, "map(string)"},
        UnifyCase{"ObjectsBoolNumber", {Object({Req("foo", kBool)}), Object({Req("bar", kNum)})}, "none"},
        UnifyCase{"ObjectsSameNameBoolNumber", {Object({Req("foo", kBool)}), Object({Req("foo", kNum)})}, "none"},
        UnifyCase{"SameTuples", {Tuple({kStr}), Tuple({kStr})}, "tuple([string])"},
        UnifyCase{"TuplesUnifyElements", {Tuple({kStr}), Tuple({kNum})}, "tuple([string])"},
        UnifyCase{"TuplesDifferentLengthsToList", {Tuple({kStr}), Tuple({kStr, kNum})}, "list(string)"},
        UnifyCase{"TupleAndEmptyToList", {Tuple({kStr}), Tuple({})}, "list(string)"},
        UnifyCase{"TuplesBoolNumber", {Tuple({kBool}), Tuple({kNum})}, "none"},
        UnifyCase{"TuplesOfObjectsToListOfMaps", {Tuple({ObjA(kStr), ObjA(kStr)}), Tuple({ObjAB()})},
                  "list(map(string))"},
        UnifyCase{"TupleWithDynamicAndListOfAny", {Tuple({ObjA(kStr), kAny}), List(kAny)}, "none"},
        UnifyCase{"ListsAndTuplesOfObjects",
                  {List(ObjA(kStr)), Tuple({ObjAB()}),
                   Tuple({ObjAB(), Object({Req("c", kStr), Req("d", kStr)})})},
                  "list(map(string))"},
        UnifyCase{"ListsMapAndTuple", {List(ObjA(kStr)), List(Map(kStr)), Tuple({Map(kStr), ObjAB()})},
                  "list(map(string))"},
        UnifyCase{"TuplesOfObjectsSameLength",
                  {Tuple({Object({Req("a", kStr), Req("b", kNum)})}), Tuple({ObjA(kStr)})}, "tuple([map(string)])"},
        UnifyCase{"ListOfObjectsAndTuple", {List(Object({Req("a", kNum), Req("b", kStr)})), Tuple({ObjA(kStr)})},
                  "list(map(string))"},
        UnifyCase{"ListsOfObjects", {List(Object({Req("a", kNum), Req("b", kStr)})), List(ObjA(kStr))},
                  "list(map(string))"},
        UnifyCase{"ObjectsOfObjectsAsMaps", {Object({Req("a", ObjA(kStr))}), Object({Req("a", ObjAB())})},
                  "object({a=map(string)})"},
        UnifyCase{"ObjectAndMapNested", {Object({Req("a", ObjA(kStr)), Req("b", ObjAB())}), Map(ObjAB())},
                  "map(map(string))"},
        UnifyCase{"ObjectAndMapOfObjects", {Object({Req("a", ObjA(kStr)), Req("b", ObjA(kStr))}), Map(ObjA(kStr))},
                  "map(object({a=string}))"},
        UnifyCase{"ObjectsAndMapOfAny",
                  {Object({Req("a", ObjA(kStr)), Req("b", ObjA(kStr))}), Map(kAny), Map(ObjA(kStr))}, "map(any)"},
        UnifyCase{"DeepMaps",
                  {Object({Req("a", Object({Req("a", ObjA(kStr))})),
                           Req("b", Object({Req("c", Object({Req("d", kStr)}))}))}),
                   Map(Map(Map(kStr)))},
                  "map(map(map(string)))"},
        UnifyCase{"DynamicAndTuple", {kAny, Tuple({kNum})}, "any"},
        UnifyCase{"DynamicAndObject", {kAny, Object({Req("num", kNum)})}, "any"},
        UnifyCase{"TupleDynamicObject", {Tuple({kNum}), kAny, Object({Req("num", kNum)})}, "none"},
        UnifyCase{"ListsOfStringAndNumber", {List(kStr), List(kNum)}, "list(string)"},
        UnifyCase{"ListAndSet", {List(kStr), Set(kStr)}, "list(string)"},
        UnifyCase{"StringAndDynamicSafe", {kStr, kAny}, "any"},
        // Unsafe mode (HCL conditionals, concat, ...).
        UnifyCase{"StringAndDynamicUnsafe", {kStr, kAny}, "string", true},
        UnifyCase{"NumberStringUnsafe", {kNum, kStr}, "string", true},
        UnifyCase{"BoolNumberUnsafe", {kBool, kNum}, "none", true},
        UnifyCase{"ListAndSetUnsafe", {List(kStr), Set(kStr)}, "list(string)", true},
        UnifyCase{"ObjectsUnsafe", {Object({Req("foo", kStr)}), Object({Req("foo", kNum)})}, "object({foo=string})",
                  true}),
    [](const ::testing::TestParamInfo<UnifyCase>& p) { return std::string(p.param.name); });

TEST(Unify, DefaultIsUnsafe) {
  std::vector<Type> types{kStr, kAny};
  EXPECT_EQ(unify(types)->toString(), "string");
}

// --- The conversion functions ----------------------------------------------

FunctionResult call(std::string_view name, std::vector<Value> args) {
  const FunctionSpec* f = findFunction(name);
  EXPECT_NE(f, nullptr) << name;
  if (!f) return FunctionResult::fail("no such function");
  FunctionContext ctx;
  return callFunction(*f, args, ctx);
}

/// The function's own result (without callFunction's mark propagation).
FunctionResult callImpl(std::string_view name, std::vector<Value> args) {
  const FunctionSpec* f = findFunction(name);
  EXPECT_NE(f, nullptr) << name;
  if (!f) return FunctionResult::fail("no such function");
  FunctionContext ctx;
  return f->impl(args, ctx);
}

std::string ok(const FunctionResult& r) { return r.ok() ? show(r.value) : "error: " + r.error; }

TEST(ToString, DocumentationExamples) {
  EXPECT_EQ(ok(call("tostring", {S("hello")})), "\"hello\" : string");
  EXPECT_EQ(ok(call("tostring", {N(1)})), "\"1\" : string");
  EXPECT_EQ(ok(call("tostring", {B(true)})), "\"true\" : string");
  EXPECT_EQ(ok(call("tostring", {Value()})), "null : string");
  auto r = call("tostring", {Tup({})});
  EXPECT_EQ(r.error, "Invalid value for \"v\" parameter: cannot convert tuple to string.");
  EXPECT_EQ(r.error_arg, 0);
}

TEST(ToNumber, DocumentationExamples) {
  EXPECT_EQ(ok(call("tonumber", {N(1)})), "1 : number");
  EXPECT_EQ(ok(call("tonumber", {S("1")})), "1 : number");
  EXPECT_EQ(ok(call("tonumber", {Value()})), "null : number");
  EXPECT_EQ(call("tonumber", {S("no")}).error,
            "Invalid value for \"v\" parameter: cannot convert \"no\" to number; given string must be a decimal "
            "representation of a number.");
  EXPECT_EQ(call("tonumber", {B(true)}).error, "Invalid value for \"v\" parameter: cannot convert bool to number.");
  // Sensitive values are not quoted in messages.
  EXPECT_EQ(call("tonumber", {S("no").markedSensitive()}).error,
            "Invalid value for \"v\" parameter: cannot convert this sensitive string to number.");
}

TEST(ToBool, DocumentationExamples) {
  EXPECT_EQ(ok(call("tobool", {B(true)})), "true : bool");
  EXPECT_EQ(ok(call("tobool", {S("true")})), "true : bool");
  EXPECT_EQ(ok(call("tobool", {Value()})), "null : bool");
  EXPECT_EQ(call("tobool", {S("no")}).error,
            "Invalid value for \"v\" parameter: cannot convert \"no\" to bool; only the strings \"true\" or \"false\" "
            "are allowed.");
  EXPECT_EQ(call("tobool", {N(1)}).error, "Invalid value for \"v\" parameter: cannot convert number to bool.");
}

TEST(ToList, DocumentationExamples) {
  EXPECT_EQ(ok(call("tolist", {Tup({S("a"), S("b"), S("c")})})), "[\"a\", \"b\", \"c\"] : list(string)");
  EXPECT_EQ(ok(call("tolist", {Tup({S("a"), S("b"), N(3)})})), "[\"a\", \"b\", \"3\"] : list(string)");
  EXPECT_EQ(ok(call("tolist", {SetOf({S("b"), S("a")}, kStr)})), "[\"a\", \"b\"] : list(string)");
  EXPECT_EQ(call("tolist", {Tup({B(true), N(1)})}).error,
            "Invalid value for \"v\" parameter: cannot convert tuple to list of any single type.");
  EXPECT_EQ(call("tolist", {S("a")}).error,
            "Invalid value for \"v\" parameter: cannot convert string to list of any single type.");
}

TEST(ToSet, DocumentationExamples) {
  EXPECT_EQ(ok(call("toset", {Tup({S("a"), S("b"), S("c")})})), "[\"a\", \"b\", \"c\"] : set(string)");
  // Sets of strings are ordered lexically, so "3" comes first.
  EXPECT_EQ(ok(call("toset", {Tup({S("a"), S("b"), N(3)})})), "[\"3\", \"a\", \"b\"] : set(string)");
  EXPECT_EQ(ok(call("toset", {Tup({S("c"), S("b"), S("b")})})), "[\"b\", \"c\"] : set(string)");
}

TEST(ToMap, DocumentationExamples) {
  EXPECT_EQ(ok(call("tomap", {Obj({{"a", N(1)}, {"b", N(2)}})})), "{a = 1, b = 2} : map(number)");
  EXPECT_EQ(ok(call("tomap", {Obj({{"a", S("foo")}, {"b", B(true)}})})), "{a = \"foo\", b = \"true\"} : map(string)");
  EXPECT_EQ(call("tomap", {Tup({})}).error,
            "Invalid value for \"v\" parameter: cannot convert tuple to map of any single type.");
}

TEST(ConversionFunctions, UnknownsConvertToUnknowns) {
  auto r = call("tostring", {Unknown(kNum, {"aws_instance.a.cpu"})});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(show(r.value), "(unknown aws_instance.a.cpu) : string");
  r = call("tolist", {Unknown(kAny, {"data.x.y"})});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(show(r.value), "(unknown data.x.y) : list(any)");
  r = call("tolist", {Tup({Unknown(kStr, {"a.b.c"}), N(1)})});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(show(r.value), "[(unknown a.b.c), \"1\"] : list(string)");
  // An unknown of a type that cannot convert is still an error.
  EXPECT_FALSE(call("tonumber", {Unknown(List(kStr))}).ok());
}

TEST(ConversionFunctions, SensitiveArgumentsGiveSensitiveResults) {
  auto r = call("tonumber", {S("5").markedSensitive()});
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r.value.sensitive());
  EXPECT_EQ(r.value.asNumber().toString(), "5");
}

TEST(Sensitive, MarksAndUnmarks) {
  auto r = call("sensitive", {S("secret")});
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r.value.sensitive());
  EXPECT_EQ(r.value.asString(), "secret");
  r = call("sensitive", {Value()});
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r.value.sensitive());
  r = call("sensitive", {Unknown(kStr, {"random_password.p.result"})});
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r.value.isKnown());
  EXPECT_TRUE(r.value.sensitive());

  // nonsensitive's own result; the mark is removed (Terraform no longer
  // rejects values that were not sensitive).
  r = callImpl("nonsensitive", {S("zqb").markedSensitive()});
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r.value.sensitive());
  EXPECT_EQ(r.value.asString(), "zqb");
  r = callImpl("nonsensitive", {S("clear")});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value.asString(), "clear");
}

TEST(IsSensitive, DocumentationExamples) {
  auto r = callImpl("issensitive", {S("secret").markedSensitive()});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(show(r.value), "true : bool");
  r = call("issensitive", {S("hello")});
  EXPECT_EQ(ok(r), "false : bool");
  r = call("issensitive", {Unknown(kStr, {"a.b.c"})});
  EXPECT_EQ(ok(r), "(unknown a.b.c) : bool");
  r = callImpl("issensitive", {Unknown(kStr).markedSensitive()});
  EXPECT_EQ(show(r.value), "true : bool");
}

TEST(TypeFunction, SpellsTheType) {
  EXPECT_EQ(ok(call("type", {Tup({S("a"), N(1)})})), "\"tuple([string, number])\" : string");
  EXPECT_EQ(ok(call("type", {ListOf({S("a")}, kStr)})), "\"list(string)\" : string");
  EXPECT_EQ(ok(call("type", {Unknown(Map(kNum))})), "\"map(number)\" : string");
  EXPECT_EQ(ok(call("type", {Obj({{"a", N(1)}})})), "\"object({a=number})\" : string");
}

TEST(ConversionFunctions, ArityIsChecked) {
  EXPECT_FALSE(call("tostring", {}).ok());
  EXPECT_FALSE(call("tostring", {S("a"), S("b")}).ok());
}

}  // namespace
}  // namespace tfguard::eval
