// Collection and numeric functions: Terraform's documented examples, error
// messages, unknown propagation and partially known results, marks, and
// bounds on hostile input.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "eval/convert.h"
#include "eval/functions.h"

namespace tfguard::eval {
namespace {

// ---------------------------------------------------------------------------
// Helpers

FunctionResult call(std::string_view name, std::vector<Value> args) {
  static FunctionContext ctx;
  const FunctionSpec* f = findFunction(name);
  if (!f) {
    ADD_FAILURE() << "no function " << name;
    return FunctionResult::fail("no such function");
  }
  return callFunction(*f, args, ctx);
}

/// The result as debug text, or "error: <message>".
std::string eval(std::string_view name, std::vector<Value> args) {
  FunctionResult r = call(name, std::move(args));
  return r.ok() ? r.value.debugString() : "error: " + r.error;
}

/// The result's type and debug text: "list(string) [\"a\"]".
std::string typed(std::string_view name, std::vector<Value> args) {
  FunctionResult r = call(name, std::move(args));
  return r.ok() ? r.value.type().toString() + " " + r.value.debugString() : "error: " + r.error;
}

Value S(std::string s) { return Value::string(std::move(s)); }
Value N(long long n) { return Value::number(n); }
/// A number from Terraform syntax ("4.5").
Value D(std::string_view text) { return Value::number(*Number::parse(text)); }
Value B(bool b) { return Value::boolean(b); }
Value Null() { return Value(); }
/// A tuple, as an HCL [ ... ] literal is.
Value T(std::vector<Value> elements) { return Value::tuple(std::move(elements)); }
Value O(std::vector<Value::Attribute> attrs) { return Value::object(std::move(attrs)); }
Value L(std::vector<Value> elements, Type element) { return Value::list(std::move(elements), element); }
Value SetOf(std::vector<Value> elements, Type element) { return Value::set(std::move(elements), element); }
Value M(std::vector<Value::Attribute> entries, Type element) {
  return Value::map(std::move(entries), element);
}
Value U(Type type, std::string reference) { return Value::unknown(std::move(type), {std::move(reference)}); }

Value strs(std::initializer_list<const char*> items) {
  std::vector<Value> v;
  for (const char* s : items) v.push_back(S(s));
  return T(std::move(v));
}
Value slist(std::initializer_list<const char*> items) {
  std::vector<Value> v;
  for (const char* s : items) v.push_back(S(s));
  return L(std::move(v), Type::string());
}
Value nlist(std::initializer_list<long long> items) {
  std::vector<Value> v;
  for (long long n : items) v.push_back(N(n));
  return L(std::move(v), Type::number());
}

const Type kString = Type::string();
const Type kNumber = Type::number();
const Type kBool = Type::boolean();
const Type kAny = Type::dynamic();

/// Some examples need Terraform's implicit conversions (a [ ... ] tuple
/// literal passed where a list or set is declared, "1" to a number): they
/// run once convert.cc does them.
bool fullConvert() {
  static const bool available = [] {
    std::string error;
    return convert(strs({"a"}), Type::list(kString), &error).has_value() &&
           convert(slist({"a"}), Type::list(kAny), &error).has_value() &&
           convert(slist({"a"}), Type::set(kAny), &error).has_value() &&
           convert(N(1), kString, &error).has_value() &&
           unify(std::vector<Type>{kString, kNumber}).has_value();
  }();
  return available;
}

#define REQUIRE_FULL_CONVERT() \
  if (!fullConvert()) GTEST_SKIP() << "waits for the full convert.cc"

TEST(CollectionFunctions, AllRegistered) {
  for (const char* name :
       {"length", "concat", "merge", "lookup", "element", "index", "keys", "values", "contains",
        "distinct", "flatten", "coalesce", "coalescelist", "compact", "zipmap", "range", "slice",
        "sort", "reverse", "setunion", "setintersection", "setproduct", "setsubtract", "chunklist",
        "one", "alltrue", "anytrue", "sum", "transpose", "matchkeys", "min", "max", "abs", "ceil",
        "floor", "pow", "log", "signum", "parseint"}) {
    EXPECT_NE(findFunction(name), nullptr) << name;
  }
}

// ---------------------------------------------------------------------------
// length

TEST(Length, DocumentationExamples) {
  EXPECT_EQ(eval("length", {T({})}), "0");
  EXPECT_EQ(eval("length", {strs({"a", "b"})}), "2");
  EXPECT_EQ(eval("length", {O({{"a", S("b")}})}), "1");
  EXPECT_EQ(eval("length", {S("hello")}), "5");
  // 👾 and 🕹️ (U+1F579 U+FE0F): two grapheme clusters.
  EXPECT_EQ(eval("length", {S("\U0001F47E\U0001F579\uFE0F")}), "2");
}

TEST(Length, CountsGraphemeClusters) {
  EXPECT_EQ(eval("length", {S("")}), "0");
  EXPECT_EQ(eval("length", {S("cafe\u0301")}), "4");                     // e + combining acute
  EXPECT_EQ(eval("length", {S("\U0001F1FA\U0001F1F8\U0001F1EB\U0001F1F7")}), "2");  // two flags
  EXPECT_EQ(eval("length", {S("\U0001F469\u200D\U0001F4BB")}), "1");    // ZWJ sequence
  EXPECT_EQ(eval("length", {S("\u1100\u1161\u11A8")}), "1");             // Hangul jamo
  EXPECT_EQ(eval("length", {S("a\r\nb")}), "3");
  EXPECT_EQ(eval("length", {S("\U0001F44D\U0001F3FD")}), "1");           // skin tone modifier
}

TEST(Length, CollectionsAndTypes) {
  EXPECT_EQ(typed("length", {slist({"a", "b", "c"})}), "number 3");
  EXPECT_EQ(eval("length", {M({{"a", N(1)}, {"b", N(2)}}, kNumber)}), "2");
  EXPECT_EQ(eval("length", {SetOf({S("a"), S("a"), S("b")}, kString)}), "2");
  EXPECT_EQ(eval("length", {N(5)}),
            "error: Call to function \"length\" failed: argument must be a string, a collection "
            "type, or a structural type.");
  FunctionResult r = call("length", {Null()});
  EXPECT_EQ(r.error, "Invalid value for \"value\" parameter: argument must not be null.");
  EXPECT_EQ(r.error_arg, 0);
}

TEST(Length, UnknownsAndPartiallyKnown) {
  // A known list with an unknown element still has a known length.
  EXPECT_EQ(eval("length", {L({S("a"), U(kString, "aws_instance.a.id")}, kString)}), "2");
  EXPECT_EQ(typed("length", {U(Type::list(kString), "aws_instance.a.tags")}),
            "number (unknown aws_instance.a.tags)");
  // Tuples and objects know their length from their type.
  EXPECT_EQ(eval("length", {U(Type::tuple({kString, kNumber}), "module.m.x")}), "2");
  EXPECT_EQ(eval("length", {U(Type::object({{"a", kString, false}}), "module.m.o")}), "1");
  EXPECT_EQ(eval("length", {U(kString, "aws_instance.a.id")}), "(unknown aws_instance.a.id)");
  EXPECT_EQ(eval("length", {Value::unknown()}), "(unknown)");
  // Unknown set elements may coalesce: the length is unknown, unless there
  // is only one element.
  EXPECT_EQ(eval("length", {SetOf({S("a"), U(kString, "aws_instance.a.id")}, kString)}),
            "(unknown aws_instance.a.id)");
  EXPECT_EQ(eval("length", {SetOf({U(kString, "aws_instance.a.id")}, kString)}), "1");
}

TEST(Length, SensitiveArgumentMakesSensitiveResult) {
  FunctionResult r = call("length", {slist({"a"}).markedSensitive()});
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r.value.sensitive());
  EXPECT_EQ(r.value.markedSensitive(false).debugString(), "1");
}

// ---------------------------------------------------------------------------
// concat

TEST(Concat, DocumentationExamples) {
  EXPECT_EQ(typed("concat", {strs({"a", ""}), strs({"b", "c"})}),
            R"(tuple([string, string, string, string]) ["a", "", "b", "c"])");
  EXPECT_EQ(eval("concat", {T({}), T({N(1), S("a")}), T({T({N(3)}), S("c")})}),
            R"([1, "a", [3], "c"])");
}

TEST(Concat, ListsOfOneTypeMakeAList) {
  EXPECT_EQ(typed("concat", {slist({"a"}), slist({"b", "c"})}), R"(list(string) ["a", "b", "c"])");
  EXPECT_EQ(typed("concat", {L({}, kString)}), "list(string) []");
  // A list with a tuple: a tuple.
  EXPECT_EQ(typed("concat", {slist({"a"}), T({N(1)})}), R"(tuple([string, number]) ["a", 1])");
}

TEST(Concat, ListsUnifyElementTypes) {
  REQUIRE_FULL_CONVERT();
  EXPECT_EQ(typed("concat", {slist({"a"}), nlist({1})}), R"(list(string) ["a", "1"])");
}

TEST(Concat, Errors) {
  EXPECT_EQ(eval("concat", {}),
            "error: Call to function \"concat\" failed: at least one argument is required.");
  FunctionResult r = call("concat", {strs({"a"}), O({{"a", N(1)}})});
  EXPECT_EQ(r.error,
            "Invalid value for \"seqs\" parameter: all arguments must be lists or tuples; got object.");
  EXPECT_EQ(r.error_arg, 1);
  EXPECT_EQ(eval("concat", {S("a")}),
            "error: Invalid value for \"seqs\" parameter: all arguments must be lists or tuples; "
            "got string.");
  EXPECT_EQ(eval("concat", {slist({"a"}), Null()}),
            "error: Invalid value for \"seqs\" parameter: argument must not be null.");
}

TEST(Concat, Unknowns) {
  // Unknown elements stay in place.
  EXPECT_EQ(typed("concat", {L({S("a"), U(kString, "aws_instance.a.id")}, kString), slist({"b"})}),
            R"(list(string) ["a", (unknown aws_instance.a.id), "b"])");
  EXPECT_EQ(typed("concat", {U(Type::list(kString), "aws_instance.a.tags"), slist({"b"})}),
            "list(string) (unknown aws_instance.a.tags)");
  // A tuple with an unknown list: not even the type is known.
  EXPECT_EQ(typed("concat", {strs({"a"}), U(Type::list(kString), "aws_instance.a.tags")}),
            "any (unknown aws_instance.a.tags)");
  EXPECT_EQ(typed("concat", {U(Type::tuple({kString}), "module.m.t"), strs({"a"})}),
            "tuple([string, string]) (unknown module.m.t)");
}

// ---------------------------------------------------------------------------
// merge

TEST(Merge, DocumentationExamples) {
  EXPECT_EQ(typed("merge", {O({{"a", S("b")}, {"c", S("d")}}), O({{"e", S("f")}, {"c", S("z")}})}),
            R"(object({a=string, c=string, e=string}) {a = "b", c = "z", e = "f"})");
  EXPECT_EQ(eval("merge", {O({{"a", S("b")}}), O({{"a", T({N(1), N(2)})}, {"c", S("z")}}),
                           O({{"d", N(3)}})}),
            R"({a = [1, 2], c = "z", d = 3})");
  // merge([{a="b", c="d"}, {}, {e="f", c="z"}]...)
  EXPECT_EQ(eval("merge", {O({{"a", S("b")}, {"c", S("d")}}), O({}), O({{"e", S("f")}, {"c", S("z")}})}),
            R"({a = "b", c = "z", e = "f"})");
}

TEST(Merge, ResultTypes) {
  Value m1 = M({{"a", S("1")}, {"b", S("2")}}, kString);
  Value m2 = M({{"b", S("3")}}, kString);
  EXPECT_EQ(typed("merge", {m1, m2}), R"(map(string) {a = "1", b = "3"})");
  // Mixed maps and objects: an object.
  EXPECT_EQ(typed("merge", {m1, O({{"c", N(1)}})}),
            R"(object({a=string, b=string, c=number}) {a = "1", b = "2", c = 1})");
  EXPECT_EQ(typed("merge", {}), "object({}) {}");
  // Null arguments are skipped.
  EXPECT_EQ(typed("merge", {Value::null(Type::map(kString)), m2}), R"(map(string) {b = "3"})");
  EXPECT_EQ(typed("merge", {Null(), O({{"a", N(1)}})}), "object({a=number}) {a = 1}");
}

TEST(Merge, Errors) {
  EXPECT_EQ(eval("merge", {O({}), S("a")}),
            "error: Call to function \"merge\" failed: arguments must be maps or objects, got "
            "\"string\".");
  EXPECT_EQ(eval("merge", {strs({"a"})}),
            "error: Call to function \"merge\" failed: arguments must be maps or objects, got "
            "\"tuple\".");
}

TEST(Merge, Unknowns) {
  Value m = M({{"a", U(kString, "aws_instance.a.id")}, {"b", S("x")}}, kString);
  EXPECT_EQ(eval("merge", {m, M({{"c", S("y")}}, kString)}),
            R"({a = (unknown aws_instance.a.id), b = "x", c = "y"})");
  EXPECT_EQ(typed("merge", {U(Type::map(kString), "aws_instance.a.tags"), M({}, kString)}),
            "map(string) (unknown aws_instance.a.tags)");
  // An unknown map mixed with an object: the attributes cannot be known.
  EXPECT_EQ(typed("merge", {U(Type::map(kString), "aws_instance.a.tags"), O({{"a", N(1)}})}),
            "any (unknown aws_instance.a.tags)");
}

// ---------------------------------------------------------------------------
// lookup

TEST(Lookup, DocumentationExamples) {
  Value m = O({{"a", S("ay")}, {"b", S("bee")}});
  EXPECT_EQ(eval("lookup", {m, S("a"), S("what?")}), R"("ay")");
  EXPECT_EQ(eval("lookup", {m, S("c"), S("what?")}), R"("what?")");
  Value map = M({{"a", S("ay")}, {"b", S("bee")}}, kString);
  EXPECT_EQ(eval("lookup", {map, S("b"), S("what?")}), R"("bee")");
  EXPECT_EQ(eval("lookup", {map, S("c"), S("what?")}), R"("what?")");
  EXPECT_EQ(eval("lookup", {map, S("a")}), R"("ay")");
}

TEST(Lookup, Errors) {
  Value map = M({{"a", S("ay")}}, kString);
  EXPECT_EQ(eval("lookup", {map, S("c")}),
            "error: Call to function \"lookup\" failed: lookup failed to find key \"c\".");
  FunctionResult r = call("lookup", {O({{"a", S("ay")}}), S("c")});
  EXPECT_EQ(r.error, "Invalid value for \"inputMap\" parameter: the given object has no attribute \"c\".");
  EXPECT_EQ(r.error_arg, 0);
  EXPECT_EQ(eval("lookup", {strs({"a"}), S("a")}),
            "error: Invalid value for \"inputMap\" parameter: lookup() requires a map as the first "
            "argument.");
  EXPECT_EQ(eval("lookup", {map, S("a"), S("x"), S("y")}),
            "error: Call to function \"lookup\" failed: lookup() takes two or three arguments, got 4.");
  r = call("lookup", {map, S("a"), strs({"x"})});
  EXPECT_EQ(r.error, "Invalid value for \"default\" parameter: the default value must have the "
                     "same type as the map elements.");
  EXPECT_EQ(r.error_arg, 2);
  EXPECT_EQ(eval("lookup", {map}), "error: Function \"lookup\" expects at least 2 argument(s).");
  // A sensitive key is not shown.
  EXPECT_EQ(eval("lookup", {map, S("hunter2").markedSensitive()}),
            "error: Call to function \"lookup\" failed: lookup failed to find key (sensitive value).");
}

TEST(Lookup, DefaultConvertsToTheElementType) {
  REQUIRE_FULL_CONVERT();
  EXPECT_EQ(typed("lookup", {M({{"a", N(1)}}, kNumber), S("b"), S("5")}), "number 5");
  EXPECT_EQ(typed("lookup", {M({{"a", S("x")}}, kString), S("b"), Null()}), "string null");
}

TEST(Lookup, Unknowns) {
  Value map = M({{"a", U(kString, "aws_instance.a.id")}, {"b", S("x")}}, kString);
  // A known map with unknown values: lookups still work.
  EXPECT_EQ(eval("lookup", {map, S("b")}), R"("x")");
  EXPECT_EQ(eval("lookup", {map, S("a")}), "(unknown aws_instance.a.id)");
  // An unknown key might select the unknown value: the result stands for both.
  EXPECT_EQ(typed("lookup", {map, U(kString, "var.key")}),
            "string (unknown aws_instance.a.id var.key)");
  EXPECT_EQ(typed("lookup", {U(Type::map(kNumber), "aws_instance.a.tags"), S("a"), N(0)}),
            "number (unknown aws_instance.a.tags)");
  EXPECT_EQ(typed("lookup", {O({{"a", N(1)}}), U(kString, "var.key")}), "any (unknown var.key)");
}

// ---------------------------------------------------------------------------
// element

TEST(Element, DocumentationExamples) {
  EXPECT_EQ(eval("element", {strs({"a", "b", "c"}), N(1)}), R"("b")");
  EXPECT_EQ(eval("element", {strs({"a", "b", "c"}), N(3)}), R"("a")");
  EXPECT_EQ(eval("element", {strs({"a", "b", "c"}), N(-1)}), R"("c")");
}

TEST(Element, WrapsAroundBothWays) {
  EXPECT_EQ(eval("element", {slist({"a", "b", "c"}), N(7)}), R"("b")");
  EXPECT_EQ(eval("element", {slist({"a", "b", "c"}), N(-4)}), R"("c")");
  EXPECT_EQ(eval("element", {slist({"a", "b", "c"}), N(-3)}), R"("a")");
  EXPECT_EQ(typed("element", {T({S("a"), N(1)}), N(3)}), R"(number 1)");
}

TEST(Element, Errors) {
  EXPECT_EQ(eval("element", {T({}), N(0)}),
            "error: Call to function \"element\" failed: cannot use element function with an "
            "empty list.");
  EXPECT_EQ(eval("element", {L({}, kString), N(0)}),
            "error: Call to function \"element\" failed: cannot use element function with an "
            "empty list.");
  EXPECT_EQ(eval("element", {slist({"a"}), D("1.5")}),
            "error: Call to function \"element\" failed: invalid index: value must be a whole "
            "number, between -9223372036854775808 and 9223372036854775807.");
  EXPECT_EQ(eval("element", {S("abc"), N(0)}),
            "error: Call to function \"element\" failed: cannot read elements from string.");
  EXPECT_EQ(eval("element", {SetOf({S("a")}, kString), N(0)}),
            "error: Call to function \"element\" failed: cannot read elements from set of string.");
}

TEST(Element, Unknowns) {
  Value list = L({S("a"), U(kString, "aws_instance.a.id")}, kString);
  EXPECT_EQ(eval("element", {list, N(0)}), R"("a")");
  EXPECT_EQ(eval("element", {list, N(1)}), "(unknown aws_instance.a.id)");
  EXPECT_EQ(typed("element", {U(Type::list(kString), "aws_instance.a.tags"), N(0)}),
            "string (unknown aws_instance.a.tags)");
  EXPECT_FALSE(call("element", {list, U(kNumber, "var.i")}).value.isKnown());
  FunctionResult r = call("element", {slist({"a"}).markedSensitive(), N(0)});
  EXPECT_TRUE(r.value.sensitive());
}

// ---------------------------------------------------------------------------
// index

TEST(Index, DocumentationExamples) {
  EXPECT_EQ(eval("index", {strs({"a", "b", "c"}), S("b")}), "1");
  EXPECT_EQ(eval("index", {strs({"one", "two", "two"}), S("two")}), "1");
}

TEST(Index, ComparesTypesAndValues) {
  EXPECT_EQ(eval("index", {T({N(1), S("1")}), S("1")}), "1");
  EXPECT_EQ(eval("index", {T({O({{"a", N(1)}}), O({{"a", N(2)}})}), O({{"a", N(2)}})}), "1");
}

TEST(Index, Errors) {
  EXPECT_EQ(eval("index", {T({}), S("a")}),
            "error: Call to function \"index\" failed: cannot search an empty list.");
  EXPECT_EQ(eval("index", {strs({"a"}), S("z")}),
            "error: Call to function \"index\" failed: item not found.");
  EXPECT_EQ(eval("index", {S("abc"), S("a")}),
            "error: Call to function \"index\" failed: argument must be a list or tuple.");
}

TEST(Index, Unknowns) {
  Value list = L({S("a"), U(kString, "aws_instance.a.id"), S("b")}, kString);
  EXPECT_EQ(eval("index", {list, S("a")}), "0");
  // The unknown element might be "b".
  EXPECT_EQ(eval("index", {list, S("b")}), "(unknown aws_instance.a.id)");
  EXPECT_EQ(eval("index", {list, U(kString, "var.x")}), "(unknown aws_instance.a.id var.x)");
}

// ---------------------------------------------------------------------------
// keys, values

TEST(Keys, DocumentationExamples) {
  EXPECT_EQ(typed("keys", {O({{"a", N(1)}, {"c", N(2)}, {"d", N(3)}})}),
            R"(tuple([string, string, string]) ["a", "c", "d"])");
  EXPECT_EQ(typed("keys", {M({{"d", N(3)}, {"a", N(1)}}, kNumber)}), R"(list(string) ["a", "d"])");
}

TEST(Keys, UnknownsAndErrors) {
  // An object's keys are known from its type.
  EXPECT_EQ(eval("keys", {U(Type::object({{"b", kString, false}, {"a", kNumber, false}}), "module.m.o")}),
            R"(["a", "b"])");
  EXPECT_EQ(eval("keys", {M({{"a", U(kString, "aws_instance.a.id")}}, kString)}), R"(["a"])");
  EXPECT_EQ(typed("keys", {U(Type::map(kString), "aws_instance.a.tags")}),
            "list(string) (unknown aws_instance.a.tags)");
  FunctionResult r = call("keys", {strs({"a"})});
  EXPECT_EQ(r.error, "Invalid value for \"inputMap\" parameter: must have map or object type.");
  EXPECT_EQ(r.error_arg, 0);
}

TEST(Values, DocumentationExamples) {
  EXPECT_EQ(typed("values", {O({{"a", N(3)}, {"c", N(2)}, {"d", N(1)}})}),
            "tuple([number, number, number]) [3, 2, 1]");
  EXPECT_EQ(typed("values", {M({{"b", N(1)}, {"a", N(2)}}, kNumber)}), "list(number) [2, 1]");
}

TEST(Values, UnknownsAndErrors) {
  EXPECT_EQ(eval("values", {M({{"a", U(kString, "aws_instance.a.id")}, {"b", S("x")}}, kString)}),
            R"([(unknown aws_instance.a.id), "x"])");
  EXPECT_EQ(typed("values", {U(Type::map(kString), "aws_instance.a.tags")}),
            "list(string) (unknown aws_instance.a.tags)");
  EXPECT_EQ(eval("values", {S("x")}),
            "error: Call to function \"values\" failed: values() requires a map as the first argument.");
}

// ---------------------------------------------------------------------------
// contains

TEST(Contains, DocumentationExamples) {
  EXPECT_EQ(eval("contains", {strs({"a", "b", "c"}), S("a")}), "true");
  EXPECT_EQ(eval("contains", {strs({"a", "b", "c"}), S("d")}), "false");
}

TEST(Contains, SetsNullsAndErrors) {
  EXPECT_EQ(eval("contains", {SetOf({S("x"), S("y")}, kString), S("y")}), "true");
  EXPECT_EQ(eval("contains", {L({S("a"), Value::null(kString)}, kString), Value::null(kString)}),
            "true");
  // A bare `null` has no type yet; Terraform does not look (cty: the
  // parameter does not allow a dynamic type) and the result is unknown.
  EXPECT_EQ(eval("contains", {T({S("a"), Null()}), Null()}), "(unknown)");
  EXPECT_EQ(eval("contains", {T({N(1)}), S("1")}), "false");
  EXPECT_EQ(eval("contains", {S("abc"), S("a")}),
            "error: Call to function \"contains\" failed: argument must be list, tuple, or set.");
}

TEST(Contains, Unknowns) {
  Value list = L({S("a"), U(kString, "aws_instance.a.id")}, kString);
  EXPECT_EQ(eval("contains", {list, S("a")}), "true");
  EXPECT_EQ(eval("contains", {list, S("b")}), "(unknown aws_instance.a.id)");
  // An unknown of another type can never be equal.
  EXPECT_EQ(eval("contains", {list, N(1)}), "false");
  EXPECT_EQ(typed("contains", {slist({"a"}), U(kString, "var.x")}), "bool (unknown var.x)");
}

// ---------------------------------------------------------------------------
// distinct

TEST(Distinct, DocumentationExample) {
  REQUIRE_FULL_CONVERT();
  EXPECT_EQ(typed("distinct", {strs({"a", "b", "a", "c", "d", "b"})}),
            R"(list(string) ["a", "b", "c", "d"])");
}

TEST(Distinct, KeepsFirstOccurrences) {
  REQUIRE_FULL_CONVERT();
  EXPECT_EQ(eval("distinct", {nlist({3, 1, 3, 2, 1})}), "[3, 1, 2]");
  Value objs = L({O({{"a", N(1)}}), O({{"a", N(2)}}), O({{"a", N(1)}})},
                 Type::object({{"a", kNumber, false}}));
  EXPECT_EQ(eval("distinct", {objs}), "[{a = 1}, {a = 2}]");
  EXPECT_EQ(typed("distinct", {L({}, kString)}), "list(string) []");
  EXPECT_EQ(typed("distinct", {L({S("a"), U(kString, "aws_instance.a.id")}, kString)}),
            "list(string) (unknown aws_instance.a.id)");
}

TEST(Distinct, LargeListsStayFast) {
  REQUIRE_FULL_CONVERT();
  std::vector<Value> many;
  for (int i = 0; i < 200000; ++i) many.push_back(N(i % 1000));
  FunctionResult r = call("distinct", {L(std::move(many), kNumber)});
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.value.length(), 1000u);
}

// ---------------------------------------------------------------------------
// flatten

TEST(Flatten, DocumentationExamples) {
  EXPECT_EQ(eval("flatten", {T({strs({"a", "b"}), T({}), strs({"c"})})}), R"(["a", "b", "c"])");
  EXPECT_EQ(eval("flatten", {T({T({strs({"a", "b"}), T({})}), strs({"c"})})}), R"(["a", "b", "c"])");
}

TEST(Flatten, ResultAndErrors) {
  EXPECT_EQ(typed("flatten", {L({slist({"a"}), slist({"b"})}, Type::list(kString))}),
            R"(tuple([string, string]) ["a", "b"])");
  // Lists inside maps are not flattened.
  EXPECT_EQ(eval("flatten", {T({O({{"a", strs({"x"})}}), strs({"y"})})}), R"([{a = ["x"]}, "y"])");
  EXPECT_EQ(eval("flatten", {T({SetOf({S("b"), S("a")}, kString)})}), R"(["a", "b"])");
  EXPECT_EQ(typed("flatten", {T({})}), "tuple([]) []");
  EXPECT_EQ(eval("flatten", {S("a")}),
            "error: Call to function \"flatten\" failed: can only flatten lists, sets and tuples.");
}

TEST(Flatten, Unknowns) {
  // Unknown leaves keep their place.
  EXPECT_EQ(eval("flatten", {T({T({S("a"), U(kString, "aws_instance.a.id")}), strs({"b"})})}),
            R"(["a", (unknown aws_instance.a.id), "b"])");
  // An unknown nested list: the length of the result is unknown.
  EXPECT_EQ(typed("flatten", {T({strs({"a"}), U(Type::list(kString), "aws_instance.a.tags")})}),
            "any (unknown aws_instance.a.tags)");
  EXPECT_EQ(typed("flatten", {U(Type::list(kString), "aws_instance.a.tags")}),
            "any (unknown aws_instance.a.tags)");
}

TEST(Flatten, DeepNestingIsRefused) {
  Value v = strs({"x"});
  for (int i = 0; i < 1100; ++i) v = T({v});
  EXPECT_EQ(eval("flatten", {v}),
            "error: Call to function \"flatten\" failed: the value is nested too deeply to flatten.");
}

// ---------------------------------------------------------------------------
// coalesce, coalescelist

TEST(Coalesce, DocumentationExamples) {
  EXPECT_EQ(eval("coalesce", {S("a"), S("b")}), R"("a")");
  EXPECT_EQ(eval("coalesce", {S(""), S("b")}), R"("b")");
  EXPECT_EQ(eval("coalesce", {N(1), N(2)}), "1");
  EXPECT_EQ(eval("coalesce", {S(""), S("b")}), R"("b")");  // coalesce(["", "b"]...)
  EXPECT_EQ(eval("coalesce", {O({}), S("hello")}),
            "error: Call to function \"coalesce\" failed: all arguments must have the same type.");
}

TEST(Coalesce, MixedTypesConvert) {
  REQUIRE_FULL_CONVERT();
  EXPECT_EQ(typed("coalesce", {N(1), S("hello")}), R"(string "1")");
  EXPECT_EQ(typed("coalesce", {B(true), S("hello")}), R"(string "true")");
  EXPECT_EQ(typed("coalesce", {Null(), S("a")}), R"(string "a")");
}

TEST(Coalesce, NullsUnknownsAndErrors) {
  EXPECT_EQ(eval("coalesce", {Value::null(kString), S(""), S("c")}), R"("c")");
  EXPECT_EQ(eval("coalesce", {Null(), Null()}),
            "error: Call to function \"coalesce\" failed: no non-null, non-empty-string arguments.");
  EXPECT_EQ(eval("coalesce", {}),
            "error: Call to function \"coalesce\" failed: all arguments must have the same type.");
  EXPECT_EQ(eval("coalesce", {S("a"), U(kString, "aws_instance.a.id")}), R"("a")");
  EXPECT_EQ(typed("coalesce", {S(""), U(kString, "aws_instance.a.id")}),
            "string (unknown aws_instance.a.id)");
  EXPECT_EQ(typed("coalesce", {U(kString, "aws_instance.a.id"), S("a")}),
            "string (unknown aws_instance.a.id)");
}

TEST(Coalescelist, DocumentationExamples) {
  EXPECT_EQ(eval("coalescelist", {strs({"a", "b"}), strs({"c", "d"})}), R"(["a", "b"])");
  EXPECT_EQ(eval("coalescelist", {T({}), strs({"c", "d"})}), R"(["c", "d"])");
}

TEST(Coalescelist, NullsUnknownsAndErrors) {
  EXPECT_EQ(typed("coalescelist", {Value::null(Type::list(kString)), slist({"x"})}),
            R"(list(string) ["x"])");
  EXPECT_EQ(eval("coalescelist", {slist({"a"}), U(Type::list(kString), "aws_instance.a.tags")}),
            R"(["a"])");
  EXPECT_EQ(typed("coalescelist", {L({}, kString), U(Type::list(kString), "aws_instance.a.tags")}),
            "any (unknown aws_instance.a.tags)");
  EXPECT_EQ(eval("coalescelist", {T({}), T({})}),
            "error: Call to function \"coalescelist\" failed: no non-null arguments.");
  EXPECT_EQ(eval("coalescelist", {S("a")}),
            "error: Call to function \"coalescelist\" failed: coalescelist arguments must be lists "
            "or tuples.");
  EXPECT_EQ(eval("coalescelist", {}),
            "error: Call to function \"coalescelist\" failed: at least one argument is required.");
}

// ---------------------------------------------------------------------------
// compact

TEST(Compact, DocumentationExample) {
  REQUIRE_FULL_CONVERT();
  EXPECT_EQ(typed("compact", {T({S("a"), S(""), S("b"), Null(), S("c")})}),
            R"(list(string) ["a", "b", "c"])");
}

TEST(Compact, ListsAndUnknowns) {
  EXPECT_EQ(typed("compact", {L({S("a"), S(""), Value::null(kString), S("c")}, kString)}),
            R"(list(string) ["a", "c"])");
  EXPECT_EQ(typed("compact", {L({S("")}, kString)}), "list(string) []");
  EXPECT_EQ(typed("compact", {L({S("a"), U(kString, "aws_instance.a.id")}, kString)}),
            "list(string) (unknown aws_instance.a.id)");
  FunctionResult r = call("compact", {L({S("a"), S("b").markedSensitive()}, kString)});
  EXPECT_TRUE(r.value.sensitive());  // nested marks reach the result, as in Terraform
}

// ---------------------------------------------------------------------------
// zipmap

TEST(Zipmap, DocumentationExample) {
  REQUIRE_FULL_CONVERT();
  EXPECT_EQ(typed("zipmap", {strs({"a", "b"}), T({N(1), N(2)})}),
            "object({a=number, b=number}) {a = 1, b = 2}");
}

TEST(Zipmap, ListsMakeMaps) {
  EXPECT_EQ(typed("zipmap", {slist({"a", "b"}), nlist({1, 2})}), "map(number) {a = 1, b = 2}");
  // A repeated key takes the value with the highest index.
  EXPECT_EQ(eval("zipmap", {slist({"a", "b", "a"}), nlist({1, 2, 3})}), "{a = 3, b = 2}");
  EXPECT_EQ(typed("zipmap", {slist({"a", "a"}), T({N(1), S("x")})}), R"(object({a=string}) {a = "x"})");
  EXPECT_EQ(typed("zipmap", {L({}, kString), L({}, kNumber)}), "map(number) {}");
}

TEST(Zipmap, Errors) {
  EXPECT_EQ(eval("zipmap", {slist({"a"}), nlist({1, 2})}),
            "error: Call to function \"zipmap\" failed: number of keys (1) does not match number "
            "of values (2).");
  EXPECT_EQ(eval("zipmap", {slist({"a"}), T({N(1), N(2)})}),
            "error: Call to function \"zipmap\" failed: number of keys (1) does not match number "
            "of values (2).");
  EXPECT_EQ(eval("zipmap", {slist({"a"}), S("x")}),
            "error: Call to function \"zipmap\" failed: values argument must be a list or tuple "
            "value.");
  EXPECT_EQ(eval("zipmap", {L({Value::null(kString)}, kString), nlist({1})}),
            "error: Call to function \"zipmap\" failed: keys list has null value at index 0.");
}

TEST(Zipmap, UnknownsAndMarks) {
  EXPECT_EQ(eval("zipmap", {slist({"a", "b"}), L({N(1), U(kNumber, "aws_instance.a.port")}, kNumber)}),
            "{a = 1, b = (unknown aws_instance.a.port)}");
  EXPECT_EQ(typed("zipmap", {L({S("a"), U(kString, "var.k")}, kString), nlist({1, 2})}),
            "map(number) (unknown var.k)");
  EXPECT_EQ(typed("zipmap", {L({S("a"), U(kString, "var.k")}, kString), T({N(1), N(2)})}),
            "any (unknown var.k)");
  // Keys cannot carry marks: a sensitive key makes the map sensitive.
  FunctionResult r = call("zipmap", {L({S("a"), S("b").markedSensitive()}, kString), nlist({1, 2})});
  EXPECT_TRUE(r.value.sensitive());
}

// ---------------------------------------------------------------------------
// range

TEST(Range, DocumentationExamples) {
  EXPECT_EQ(typed("range", {N(3)}), "list(number) [0, 1, 2]");
  EXPECT_EQ(eval("range", {N(1), N(4)}), "[1, 2, 3]");
  EXPECT_EQ(eval("range", {N(1), N(8), N(2)}), "[1, 3, 5, 7]");
  EXPECT_EQ(eval("range", {N(1), N(4), D("0.5")}), "[1, 1.5, 2, 2.5, 3, 3.5]");
  EXPECT_EQ(eval("range", {N(4), N(1)}), "[4, 3, 2]");
  EXPECT_EQ(eval("range", {N(10), N(5), N(-2)}), "[10, 8, 6]");
}

TEST(Range, EdgeCases) {
  EXPECT_EQ(typed("range", {N(0)}), "list(number) []");
  EXPECT_EQ(eval("range", {N(-3)}), "[0, -1, -2]");
  EXPECT_EQ(eval("range", {N(0), D("0.3"), D("0.1")}), "[0, 0.1, 0.2]");
  FunctionResult tenths = call("range", {N(0), N(1), D("0.1")});
  ASSERT_TRUE(tenths.ok());
  EXPECT_EQ(tenths.value.length(), 10u);  // as cty: 0, 0.1, ..., 0.9
  EXPECT_EQ(tenths.value.elements()[9].debugString(), "0.9");
}

TEST(Range, Errors) {
  EXPECT_EQ(eval("range", {}),
            "error: Call to function \"range\" failed: must have one, two, or three arguments.");
  EXPECT_EQ(eval("range", {N(1), N(2), N(3), N(4)}),
            "error: Call to function \"range\" failed: must have one, two, or three arguments.");
  FunctionResult r = call("range", {N(1), N(5), N(0)});
  EXPECT_EQ(r.error, "Invalid value for \"params\" parameter: step must not be zero.");
  EXPECT_EQ(r.error_arg, 2);
  r = call("range", {N(5), N(1), N(1)});
  EXPECT_EQ(r.error,
            "Invalid value for \"params\" parameter: end must be greater than start when step is positive.");
  EXPECT_EQ(r.error_arg, 1);
  EXPECT_EQ(eval("range", {N(1), N(5), N(-1)}),
            "error: Invalid value for \"params\" parameter: end must be less than start when step is "
            "negative.");
}

TEST(Range, IsBoundedLikeTerraform) {
  FunctionResult r = call("range", {N(1024)});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value.length(), 1024u);
  const std::string too_many =
      "error: Call to function \"range\" failed: more than 1024 values were generated; either "
      "decrease the difference between start and end or use a smaller step.";
  EXPECT_EQ(eval("range", {N(1025)}), too_many);
  EXPECT_EQ(eval("range", {N(1000000000000LL)}), too_many);
  EXPECT_EQ(eval("range", {N(0), N(1), D("0.0000000001")}), too_many);
}

TEST(Range, Unknowns) {
  EXPECT_EQ(typed("range", {U(kNumber, "var.n")}), "list(number) (unknown var.n)");
}

// ---------------------------------------------------------------------------
// slice

TEST(Slice, DocumentationExample) {
  EXPECT_EQ(typed("slice", {strs({"a", "b", "c", "d"}), N(1), N(3)}),
            R"(tuple([string, string]) ["b", "c"])");
}

TEST(Slice, ListsAndBounds) {
  Value list = slist({"a", "b", "c", "d"});
  EXPECT_EQ(typed("slice", {list, N(1), N(3)}), R"(list(string) ["b", "c"])");
  EXPECT_EQ(typed("slice", {list, N(2), N(2)}), "list(string) []");
  EXPECT_EQ(eval("slice", {list, N(0), N(4)}), R"(["a", "b", "c", "d"])");
  EXPECT_EQ(typed("slice", {strs({"a"}), N(1), N(1)}), "tuple([]) []");
}

TEST(Slice, Errors) {
  Value list = slist({"a", "b"});
  FunctionResult r = call("slice", {list, N(-1), N(1)});
  EXPECT_EQ(r.error, "Invalid value for \"start_index\" parameter: start index must not be less than zero.");
  EXPECT_EQ(r.error_arg, 1);
  EXPECT_EQ(eval("slice", {list, N(3), N(3)}),
            "error: Invalid value for \"start_index\" parameter: start index must not be greater "
            "than the length of the list.");
  r = call("slice", {list, N(0), N(3)});
  EXPECT_EQ(r.error, "Invalid value for \"end_index\" parameter: end index must not be greater "
                     "than the length of the list.");
  EXPECT_EQ(r.error_arg, 2);
  EXPECT_EQ(eval("slice", {list, N(0), N(-1)}),
            "error: Invalid value for \"end_index\" parameter: end index must not be less than zero.");
  EXPECT_EQ(eval("slice", {list, N(2), N(1)}),
            "error: Invalid value for \"start_index\" parameter: start index must not be greater "
            "than end index.");
  EXPECT_EQ(eval("slice", {list, D("0.5"), N(1)}),
            "error: Invalid value for \"start_index\" parameter: invalid start index: value must be "
            "a whole number, between -9223372036854775808 and 9223372036854775807.");
  EXPECT_EQ(eval("slice", {SetOf({S("a")}, kString), N(0), N(1)}),
            "error: Invalid value for \"list\" parameter: cannot slice a set, because its elements "
            "do not have indices; explicitly convert to a list if the ordering of the result is not "
            "important.");
  EXPECT_EQ(eval("slice", {S("ab"), N(0), N(1)}),
            "error: Invalid value for \"list\" parameter: must be a list or tuple value.");
}

TEST(Slice, Unknowns) {
  Value list = L({S("a"), U(kString, "aws_instance.a.id"), S("c")}, kString);
  EXPECT_EQ(eval("slice", {list, N(1), N(3)}), R"([(unknown aws_instance.a.id), "c"])");
  EXPECT_EQ(typed("slice", {slist({"a", "b"}), U(kNumber, "var.i"), N(1)}), "list(string) (unknown var.i)");
  EXPECT_EQ(typed("slice", {strs({"a", "b"}), U(kNumber, "var.i"), N(1)}), "any (unknown var.i)");
  // The length of an unknown list is not known, but a negative index is wrong anyway.
  Value unknown_list = U(Type::list(kString), "aws_instance.a.tags");
  EXPECT_EQ(typed("slice", {unknown_list, N(0), N(5)}), "list(string) (unknown aws_instance.a.tags)");
  EXPECT_FALSE(call("slice", {unknown_list, N(-1), N(5)}).ok());
}

// ---------------------------------------------------------------------------
// sort, reverse

TEST(Sort, DocumentationExample) {
  REQUIRE_FULL_CONVERT();
  EXPECT_EQ(typed("sort", {strs({"e", "d", "a", "x"})}), R"(list(string) ["a", "d", "e", "x"])");
}

TEST(Sort, LexicalByCodePoint) {
  EXPECT_EQ(eval("sort", {slist({"b", "\u00e9", "a", "Z", "10", "9"})}),
            "[\"10\", \"9\", \"Z\", \"a\", \"b\", \"\u00e9\"]");
  EXPECT_EQ(typed("sort", {L({}, kString)}), "list(string) []");
}

TEST(Sort, NullsAndUnknowns) {
  EXPECT_EQ(eval("sort", {L({S("a"), Value::null(kString)}, kString)}),
            "error: Call to function \"sort\" failed: given list element 1 is null; a null string "
            "cannot be sorted.");
  EXPECT_EQ(typed("sort", {L({S("a"), U(kString, "aws_instance.a.id")}, kString)}),
            "list(string) (unknown aws_instance.a.id)");
}

TEST(Sort, NumbersSortAsStrings) {
  REQUIRE_FULL_CONVERT();
  EXPECT_EQ(eval("sort", {nlist({10, 9, 1})}), R"(["1", "10", "9"])");
}

TEST(Reverse, DocumentationExample) {
  EXPECT_EQ(typed("reverse", {T({N(1), N(2), N(3)})}), "tuple([number, number, number]) [3, 2, 1]");
}

TEST(Reverse, ListsSetsAndErrors) {
  EXPECT_EQ(typed("reverse", {slist({"a", "b"})}), R"(list(string) ["b", "a"])");
  EXPECT_EQ(typed("reverse", {SetOf({S("a"), S("b")}, kString)}), R"(list(string) ["b", "a"])");
  EXPECT_EQ(typed("reverse", {T({S("a"), N(1)})}), R"(tuple([number, string]) [1, "a"])");
  FunctionResult r = call("reverse", {S("abc")});
  EXPECT_EQ(r.error, "Invalid value for \"list\" parameter: can only reverse list or tuple values, not string.");
  EXPECT_EQ(r.error_arg, 0);
}

TEST(Reverse, Unknowns) {
  EXPECT_EQ(eval("reverse", {L({S("a"), U(kString, "aws_instance.a.id")}, kString)}),
            R"([(unknown aws_instance.a.id), "a"])");
  EXPECT_EQ(typed("reverse", {U(Type::tuple({kString, kNumber}), "module.m.t")}),
            "tuple([number, string]) (unknown module.m.t)");
}

// ---------------------------------------------------------------------------
// setunion, setintersection, setsubtract

TEST(Setunion, DocumentationExample) {
  REQUIRE_FULL_CONVERT();
  EXPECT_EQ(typed("setunion", {strs({"a", "b"}), strs({"b", "c"}), strs({"d"})}),
            R"(set(string) ["a", "b", "c", "d"])");
}

TEST(Setunion, UnknownsAndErrors) {
  REQUIRE_FULL_CONVERT();
  EXPECT_EQ(eval("setunion", {SetOf({S("a"), U(kString, "aws_instance.a.id")}, kString),
                              slist({"b"})}),
            R"(["a", "b", (unknown aws_instance.a.id)])");
  EXPECT_EQ(typed("setunion", {U(Type::set(kString), "aws_instance.a.tags"), slist({"b"})}),
            "set(string) (unknown aws_instance.a.tags)");
  EXPECT_EQ(typed("setunion", {L({}, kString), T({})}), "set(string) []");
  EXPECT_EQ(eval("setunion", {slist({"a"}), L({slist({"b"})}, Type::list(kString))}),
            "error: Call to function \"setunion\" failed: given sets must all have compatible "
            "element types.");
}

TEST(Setintersection, DocumentationExamples) {
  REQUIRE_FULL_CONVERT();
  EXPECT_EQ(typed("setintersection", {strs({"a", "b"}), strs({"b", "c"}), strs({"b", "d"})}),
            R"(set(string) ["b"])");
  EXPECT_EQ(typed("setintersection", {T({N(3), D("3.3"), N(4)}), T({N(4), D("3.3"), N(65), N(99)}),
                                      T({D("4.0"), D("3.3")})}),
            "set(number) [3.3, 4]");
  EXPECT_EQ(typed("setintersection", {T({S("bob"), S("jane"), N(3)}),
                                      T({S("jane"), N(3), S("ajax"), N(10)}),
                                      T({S("3"), S("jane"), N(26), S("nomad")})}),
            R"(set(string) ["3", "jane"])");
}

TEST(Setintersection, Unknowns) {
  REQUIRE_FULL_CONVERT();
  EXPECT_EQ(typed("setintersection", {SetOf({S("a"), U(kString, "aws_instance.a.id")}, kString),
                                      slist({"a"})}),
            "set(string) (unknown aws_instance.a.id)");
  EXPECT_EQ(typed("setintersection", {slist({"a", "b"})}), R"(set(string) ["a", "b"])");
}

TEST(Setsubtract, DocumentationExamples) {
  REQUIRE_FULL_CONVERT();
  EXPECT_EQ(typed("setsubtract", {strs({"a", "b", "c"}), strs({"a", "c"})}), R"(set(string) ["b"])");
  FunctionResult left = call("setsubtract", {strs({"a", "b", "c"}), strs({"a", "c", "d"})});
  FunctionResult right = call("setsubtract", {strs({"a", "c", "d"}), strs({"a", "b", "c"})});
  ASSERT_TRUE(left.ok() && right.ok());
  EXPECT_EQ(typed("setunion", {left.value, right.value}), R"(set(string) ["b", "d"])");
}

TEST(Setsubtract, Unknowns) {
  REQUIRE_FULL_CONVERT();
  EXPECT_EQ(typed("setsubtract", {slist({"a", "b"}), SetOf({U(kString, "aws_instance.a.id")}, kString)}),
            "set(string) (unknown aws_instance.a.id)");
}

// ---------------------------------------------------------------------------
// setproduct

TEST(Setproduct, DocumentationExamples) {
  EXPECT_EQ(typed("setproduct", {strs({"development", "staging", "production"}), strs({"app1", "app2"})}),
            "list(tuple([string, string])) "
            R"([["development", "app1"], ["development", "app2"], ["staging", "app1"], )"
            R"(["staging", "app2"], ["production", "app1"], ["production", "app2"]])");
  EXPECT_EQ(eval("setproduct", {strs({"development", "staging", "production"}), T({})}), "[]");
  EXPECT_EQ(eval("setproduct", {strs({"a"}), strs({"b"})}), R"([["a", "b"]])");
}

TEST(Setproduct, MixedElementsConvert) {
  REQUIRE_FULL_CONVERT();
  EXPECT_EQ(eval("setproduct", {strs({"staging", "production"}), T({S("a"), N(2)})}),
            R"([["staging", "a"], ["staging", "2"], ["production", "a"], ["production", "2"]])");
}

TEST(Setproduct, SetsMakeSets) {
  EXPECT_EQ(typed("setproduct", {SetOf({S("b"), S("a")}, kString), nlist({1})}),
            R"(set(tuple([string, number])) [["a", 1], ["b", 1]])");
}

TEST(Setproduct, Errors) {
  EXPECT_EQ(eval("setproduct", {strs({"a"})}),
            "error: Call to function \"setproduct\" failed: at least two arguments are required.");
  FunctionResult r = call("setproduct", {strs({"a"}), S("b")});
  EXPECT_EQ(r.error, "Invalid value for \"sets\" parameter: a set or a list is required.");
  EXPECT_EQ(r.error_arg, 1);
  EXPECT_EQ(eval("setproduct", {T({S("a"), strs({"b"})}), strs({"c"})}),
            "error: Invalid value for \"sets\" parameter: all elements must be of the same type.");
}

TEST(Setproduct, IsBounded) {
  std::vector<Value> many;
  for (int i = 0; i < 400; ++i) many.push_back(N(i));
  Value list = L(many, kNumber);
  EXPECT_EQ(eval("setproduct", {list, list, list}),
            "error: Call to function \"setproduct\" failed: the result would have more than 100000 "
            "elements, which tfguard does not evaluate.");
  // An empty argument empties the product, however large the others.
  EXPECT_EQ(eval("setproduct", {list, list, list, L({}, kNumber)}), "[]");
  std::vector<Value> fewer(many.begin(), many.begin() + 250);
  FunctionResult largest = call("setproduct", {list, L(std::move(fewer), kNumber)});
  ASSERT_TRUE(largest.ok()) << largest.error;
  EXPECT_EQ(largest.value.length(), 100000u);
}

TEST(Setproduct, Unknowns) {
  EXPECT_EQ(eval("setproduct", {L({S("a"), U(kString, "aws_instance.a.id")}, kString), strs({"b"})}),
            R"([["a", "b"], [(unknown aws_instance.a.id), "b"]])");
  EXPECT_EQ(typed("setproduct", {U(Type::list(kString), "aws_instance.a.tags"), slist({"b"})}),
            "list(tuple([string, string])) (unknown aws_instance.a.tags)");
  // A set whose unknown elements may coalesce has no known length yet.
  EXPECT_EQ(typed("setproduct", {SetOf({S("a"), U(kString, "aws_instance.a.id")}, kString), slist({"b"})}),
            "set(tuple([string, string])) (unknown aws_instance.a.id)");
}

// ---------------------------------------------------------------------------
// chunklist

TEST(Chunklist, DocumentationExamples) {
  REQUIRE_FULL_CONVERT();
  EXPECT_EQ(typed("chunklist", {strs({"a", "b", "c", "d", "e"}), N(2)}),
            R"(list(list(string)) [["a", "b"], ["c", "d"], ["e"]])");
  EXPECT_EQ(eval("chunklist", {strs({"a", "b", "c", "d", "e"}), N(1)}),
            R"([["a"], ["b"], ["c"], ["d"], ["e"]])");
}

TEST(Chunklist, EdgeCasesAndErrors) {
  REQUIRE_FULL_CONVERT();
  Value list = slist({"a", "b", "c"});
  EXPECT_EQ(eval("chunklist", {list, N(0)}), R"([["a", "b", "c"]])");
  EXPECT_EQ(eval("chunklist", {list, N(5)}), R"([["a", "b", "c"]])");
  EXPECT_EQ(typed("chunklist", {L({}, kString), N(2)}), "list(list(string)) []");
  EXPECT_EQ(eval("chunklist", {list, N(-1)}),
            "error: Call to function \"chunklist\" failed: the size argument must be positive.");
  EXPECT_EQ(eval("chunklist", {list, D("1.5")}),
            "error: Call to function \"chunklist\" failed: invalid size: value must be a whole "
            "number, between -9223372036854775808 and 9223372036854775807.");
}

TEST(Chunklist, Unknowns) {
  REQUIRE_FULL_CONVERT();
  EXPECT_EQ(eval("chunklist", {L({S("a"), U(kString, "aws_instance.a.id"), S("c")}, kString), N(2)}),
            R"([["a", (unknown aws_instance.a.id)], ["c"]])");
  EXPECT_EQ(typed("chunklist", {U(Type::list(kString), "aws_instance.a.tags"), N(2)}),
            "list(list(string)) (unknown aws_instance.a.tags)");
}

// ---------------------------------------------------------------------------
// one

TEST(One, DocumentationExamples) {
  EXPECT_EQ(eval("one", {T({})}), "null");
  EXPECT_EQ(eval("one", {strs({"hello"})}), R"("hello")");
  EXPECT_EQ(eval("one", {strs({"hello", "goodbye"})}),
            "error: Invalid value for \"list\" parameter: must be a list, set, or tuple value with "
            "either zero or one elements.");
  EXPECT_EQ(typed("one", {SetOf({}, kString)}), "string null");
  EXPECT_EQ(eval("one", {SetOf({S("hello")}, kString)}), R"("hello")");
  EXPECT_EQ(eval("one", {SetOf({S("hello"), S("goodbye")}, kString)}),
            "error: Invalid value for \"list\" parameter: must be a list, set, or tuple value with "
            "either zero or one elements.");
}

TEST(One, ListsAndUnknowns) {
  EXPECT_EQ(typed("one", {L({}, kNumber)}), "number null");
  EXPECT_EQ(typed("one", {nlist({7})}), "number 7");
  EXPECT_EQ(typed("one", {U(Type::list(kString), "aws_instance.a[*].id")}),
            "string (unknown aws_instance.a[*].id)");
  EXPECT_EQ(typed("one", {SetOf({S("a"), U(kString, "aws_instance.a.id")}, kString)}),
            "string (unknown aws_instance.a.id)");
  EXPECT_EQ(typed("one", {U(Type::tuple({kNumber}), "module.m.t")}), "number (unknown module.m.t)");
  EXPECT_EQ(typed("one", {U(Type::tuple({}), "module.m.t")}), "any (unknown module.m.t)");
  EXPECT_EQ(eval("one", {S("x")}),
            "error: Invalid value for \"list\" parameter: must be a list, set, or tuple value with "
            "either zero or one elements.");
}

// ---------------------------------------------------------------------------
// alltrue, anytrue

TEST(Alltrue, DocumentationExamples) {
  REQUIRE_FULL_CONVERT();
  EXPECT_EQ(eval("alltrue", {T({S("true"), B(true)})}), "true");
  EXPECT_EQ(eval("alltrue", {T({B(true), B(false)})}), "false");
}

TEST(Alltrue, ListsNullsAndUnknowns) {
  Type bools = kBool;
  EXPECT_EQ(eval("alltrue", {L({}, bools)}), "true");
  EXPECT_EQ(eval("alltrue", {L({B(true), B(true)}, bools)}), "true");
  EXPECT_EQ(eval("alltrue", {L({B(true), Value::null(bools)}, bools)}), "false");
  EXPECT_EQ(eval("alltrue", {L({B(false), U(bools, "var.b")}, bools)}), "false");
  // As Terraform: the first unknown decides.
  EXPECT_EQ(eval("alltrue", {L({U(bools, "var.b"), B(false)}, bools)}), "(unknown var.b)");
  EXPECT_EQ(typed("alltrue", {U(Type::list(bools), "var.l")}), "bool (unknown var.l)");
}

TEST(Anytrue, DocumentationExamples) {
  REQUIRE_FULL_CONVERT();
  EXPECT_EQ(eval("anytrue", {T({S("true")})}), "true");
  EXPECT_EQ(eval("anytrue", {T({B(true)})}), "true");
  EXPECT_EQ(eval("anytrue", {T({B(true), B(false)})}), "true");
  EXPECT_EQ(eval("anytrue", {T({})}), "false");
}

TEST(Anytrue, ListsNullsAndUnknowns) {
  Type bools = kBool;
  EXPECT_EQ(eval("anytrue", {L({}, bools)}), "false");
  EXPECT_EQ(eval("anytrue", {L({Value::null(bools), B(true)}, bools)}), "true");
  EXPECT_EQ(eval("anytrue", {L({U(bools, "var.b"), B(true)}, bools)}), "true");
  EXPECT_EQ(eval("anytrue", {L({B(false), U(bools, "var.b")}, bools)}), "(unknown var.b)");
}

// ---------------------------------------------------------------------------
// sum

TEST(Sum, DocumentationExample) {
  EXPECT_EQ(typed("sum", {T({N(10), N(13), N(6), D("4.5")})}), "number 33.5");
}

TEST(Sum, CollectionsAndErrors) {
  EXPECT_EQ(eval("sum", {SetOf({N(1), N(2)}, kNumber)}), "3");
  EXPECT_EQ(eval("sum", {nlist({-1, 1})}), "0");
  FunctionResult r = call("sum", {T({})});
  EXPECT_EQ(r.error, "Invalid value for \"list\" parameter: cannot sum an empty list.");
  EXPECT_EQ(r.error_arg, 0);
  EXPECT_EQ(eval("sum", {S("x")}), "error: Invalid value for \"list\" parameter: cannot sum noniterable.");
  EXPECT_EQ(eval("sum", {O({{"a", N(1)}})}),
            "error: Invalid value for \"list\" parameter: argument must be list, set, or tuple. "
            "Received object.");
  EXPECT_EQ(eval("sum", {M({{"a", N(1)}}, kNumber)}),
            "error: Invalid value for \"list\" parameter: argument must be list, set, or tuple. "
            "Received map of number.");
  EXPECT_EQ(eval("sum", {T({N(1), Null()})}),
            "error: Invalid value for \"list\" parameter: argument must be list, set, or tuple of "
            "number values.");
  EXPECT_EQ(eval("sum", {T({N(1), B(true)})}),
            "error: Invalid value for \"list\" parameter: argument must be list, set, or tuple of "
            "number values.");
}

TEST(Sum, StringsOfDigitsConvert) {
  REQUIRE_FULL_CONVERT();
  EXPECT_EQ(eval("sum", {T({S("1"), N(2)})}), "3");
}

TEST(Sum, UnknownsAndMarks) {
  EXPECT_EQ(typed("sum", {L({N(1), U(kNumber, "aws_instance.a.port")}, kNumber)}),
            "number (unknown aws_instance.a.port)");
  FunctionResult r = call("sum", {T({N(1), N(2).markedSensitive()})});
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r.value.sensitive());
  EXPECT_EQ(r.value.markedSensitive(false).debugString(), "3");
}

// ---------------------------------------------------------------------------
// transpose

TEST(Transpose, DocumentationExample) {
  REQUIRE_FULL_CONVERT();
  EXPECT_EQ(typed("transpose", {O({{"a", strs({"1", "2"})}, {"b", strs({"2", "3"})}})}),
            R"(map(list(string)) {1 = ["a"], 2 = ["a", "b"], 3 = ["b"]})");
}

TEST(Transpose, MapsOfLists) {
  Type lists = Type::list(kString);
  EXPECT_EQ(eval("transpose", {M({{"b", slist({"x"})}, {"a", slist({"x", "y"})}}, lists)}),
            R"({x = ["a", "b"], y = ["a"]})");
  EXPECT_EQ(typed("transpose", {M({}, lists)}), "map(list(string)) {}");
  EXPECT_EQ(eval("transpose", {M({{"a", Value::null(lists)}}, lists)}),
            "error: Call to function \"transpose\" failed: input must not contain null list.");
  EXPECT_EQ(eval("transpose", {M({{"a", L({Value::null(kString)}, kString)}}, lists)}),
            "error: Call to function \"transpose\" failed: input list must not contain null string.");
  EXPECT_EQ(typed("transpose", {M({{"a", L({U(kString, "aws_instance.a.id")}, kString)}}, lists)}),
            "map(list(string)) (unknown aws_instance.a.id)");
}

// ---------------------------------------------------------------------------
// matchkeys

TEST(Matchkeys, DocumentationExample) {
  REQUIRE_FULL_CONVERT();
  EXPECT_EQ(typed("matchkeys", {strs({"i-123", "i-abc", "i-def"}), strs({"us-west", "us-east", "us-east"}),
                                strs({"us-east"})}),
            R"(list(string) ["i-abc", "i-def"])");
}

TEST(Matchkeys, EdgeCasesAndErrors) {
  REQUIRE_FULL_CONVERT();
  Value values = slist({"a", "b", "c"});
  Value keys = nlist({1, 2, 1});
  EXPECT_EQ(eval("matchkeys", {values, keys, nlist({1})}), R"(["a", "c"])");
  EXPECT_EQ(typed("matchkeys", {values, keys, L({}, kNumber)}), "list(string) []");
  EXPECT_EQ(eval("matchkeys", {values, keys, nlist({5})}), "[]");
  EXPECT_EQ(eval("matchkeys", {values, nlist({1}), nlist({1})}),
            "error: Call to function \"matchkeys\" failed: length of keys and values should be equal.");
  EXPECT_EQ(eval("matchkeys", {values, keys, L({nlist({1})}, Type::list(kNumber))}),
            "error: Call to function \"matchkeys\" failed: keys and searchset must be of the same type.");
}

TEST(Matchkeys, Unknowns) {
  REQUIRE_FULL_CONVERT();
  Value values = slist({"a", "b"});
  EXPECT_EQ(typed("matchkeys", {L({S("a"), U(kString, "aws_instance.a.id")}, kString), slist({"x", "y"}),
                                slist({"x"})}),
            "list(string) (unknown aws_instance.a.id)");
  // Terraform gives up with an empty list at a search value it cannot compare...
  EXPECT_EQ(eval("matchkeys", {values, slist({"x", "y"}), L({S("z"), U(kString, "var.s")}, kString)}),
            "[]");
  // ... unless every key matched an earlier one.
  EXPECT_EQ(eval("matchkeys", {values, slist({"x", "x"}), L({S("x"), U(kString, "var.s")}, kString)}),
            R"(["a", "b"])");
  EXPECT_EQ(typed("matchkeys", {U(Type::list(kString), "aws_instance.a.tags"), slist({"x"}), slist({"x"})}),
            "list(string) (unknown aws_instance.a.tags)");
}

// ---------------------------------------------------------------------------
// Numeric functions

TEST(NumericFunctions, MinMax) {
  EXPECT_EQ(eval("min", {N(12), N(54), N(3)}), "3");
  EXPECT_EQ(eval("max", {N(12), N(54), N(3)}), "54");
  EXPECT_EQ(eval("max", {D("-1.5"), D("-2.5")}), "-1.5");
  EXPECT_EQ(eval("min", {}), "error: Call to function \"min\" failed: must pass at least one number.");
  EXPECT_EQ(eval("max", {}), "error: Call to function \"max\" failed: must pass at least one number.");
  EXPECT_EQ(typed("max", {N(1), U(kNumber, "var.n")}), "number (unknown var.n)");
}

TEST(NumericFunctions, MinMaxConvertStrings) {
  REQUIRE_FULL_CONVERT();
  EXPECT_EQ(eval("min", {S("12"), N(5)}), "5");
}

TEST(NumericFunctions, Abs) {
  EXPECT_EQ(eval("abs", {N(23)}), "23");
  EXPECT_EQ(eval("abs", {N(0)}), "0");
  EXPECT_EQ(eval("abs", {D("-12.4")}), "12.4");
}

TEST(NumericFunctions, CeilFloor) {
  EXPECT_EQ(eval("ceil", {N(5)}), "5");
  EXPECT_EQ(eval("ceil", {D("5.1")}), "6");
  EXPECT_EQ(eval("floor", {N(5)}), "5");
  EXPECT_EQ(eval("floor", {D("4.9")}), "4");
  EXPECT_EQ(eval("ceil", {D("-0.5")}), "0");
  EXPECT_EQ(eval("floor", {D("-0.5")}), "-1");
}

TEST(NumericFunctions, PowLog) {
  EXPECT_EQ(eval("pow", {N(3), N(2)}), "9");
  EXPECT_EQ(eval("pow", {N(4), N(0)}), "1");
  EXPECT_EQ(eval("pow", {N(2), N(-1)}), "0.5");
  EXPECT_EQ(eval("pow", {D("-8"), D("0.5")}),
            "error: Call to function \"pow\" failed: result is not a number.");
  EXPECT_EQ(eval("log", {N(50), N(10)}), "1.6989700043360185");
  EXPECT_EQ(eval("log", {N(16), N(2)}), "4");
  auto ceilLog = [](long long n) {
    FunctionResult l = call("log", {N(n), N(2)});
    return l.ok() ? eval("ceil", {l.value}) : l.error;
  };
  EXPECT_EQ(ceilLog(15), "4");
  EXPECT_EQ(ceilLog(16), "4");
  EXPECT_EQ(ceilLog(17), "5");
  EXPECT_EQ(eval("log", {N(-1), N(10)}),
            "error: Call to function \"log\" failed: result is not a number.");
}

TEST(NumericFunctions, Signum) {
  EXPECT_EQ(eval("signum", {N(-13)}), "-1");
  EXPECT_EQ(eval("signum", {N(0)}), "0");
  EXPECT_EQ(eval("signum", {N(344)}), "1");
  EXPECT_EQ(eval("signum", {D("0.5")}),
            "error: Call to function \"signum\" failed: value must be a whole number, between "
            "-9223372036854775808 and 9223372036854775807.");
}

TEST(NumericFunctions, ParseintDocumentationExamples) {
  EXPECT_EQ(typed("parseint", {S("100"), N(10)}), "number 100");
  EXPECT_EQ(eval("parseint", {S("FF"), N(16)}), "255");
  EXPECT_EQ(eval("parseint", {S("-10"), N(16)}), "-16");
  EXPECT_EQ(eval("parseint", {S("1011111011101111"), N(2)}), "48879");
  EXPECT_EQ(eval("parseint", {S("aA"), N(62)}), "656");
  FunctionResult r = call("parseint", {S("12"), N(2)});
  EXPECT_EQ(r.error, "Invalid value for \"number\" parameter: cannot parse \"12\" as a base 2 integer.");
  EXPECT_EQ(r.error_arg, 0);
}

TEST(NumericFunctions, ParseintDigitsAndErrors) {
  EXPECT_EQ(eval("parseint", {S("zz"), N(36)}), "1295");
  EXPECT_EQ(eval("parseint", {S("ZZ"), N(36)}), "1295");
  EXPECT_EQ(eval("parseint", {S("Zz"), N(62)}), "3817");
  EXPECT_EQ(eval("parseint", {S("+7"), N(8)}), "7");
  EXPECT_EQ(eval("parseint", {S("9223372036854775807"), N(10)}), "9223372036854775807");
  EXPECT_EQ(eval("parseint", {S("-7fffffffffffffff"), N(16)}), "-9223372036854775807");
  EXPECT_EQ(eval("parseint", {S(""), N(10)}),
            "error: Invalid value for \"number\" parameter: cannot parse \"\" as a base 10 integer.");
  EXPECT_EQ(eval("parseint", {S("1_000"), N(10)}),
            "error: Invalid value for \"number\" parameter: cannot parse \"1_000\" as a base 10 integer.");
  EXPECT_EQ(eval("parseint", {S("0x1F"), N(16)}),
            "error: Invalid value for \"number\" parameter: cannot parse \"0x1F\" as a base 16 integer.");
  FunctionResult r = call("parseint", {S("1"), N(1)});
  EXPECT_EQ(r.error, "Invalid value for \"base\" parameter: base must be a whole number between 2 and 62 inclusive.");
  EXPECT_EQ(r.error_arg, 1);
  EXPECT_EQ(eval("parseint", {S("1"), N(63)}),
            "error: Invalid value for \"base\" parameter: base must be a whole number between 2 and 62 inclusive.");
  EXPECT_EQ(eval("parseint", {S("1"), D("2.5")}),
            "error: Invalid value for \"base\" parameter: value must be a whole number, between "
            "-9223372036854775808 and 9223372036854775807.");
  EXPECT_EQ(eval("parseint", {N(12), N(10)}),
            "error: Invalid value for \"number\" parameter: first argument must be a string, not number.");
  EXPECT_EQ(eval("parseint", {S("secret!").markedSensitive(), N(10)}),
            "error: Invalid value for \"number\" parameter: cannot parse (sensitive value) as a base "
            "10 integer.");
}

TEST(NumericFunctions, ParseintUnknowns) {
  EXPECT_EQ(typed("parseint", {U(kString, "var.s"), N(10)}), "number (unknown var.s)");
  EXPECT_EQ(typed("parseint", {S("10"), U(kNumber, "var.b")}), "number (unknown var.b)");
  EXPECT_EQ(typed("parseint", {Value::unknown(), N(10)}), "number (unknown)");
}

// ---------------------------------------------------------------------------
// Robustness: any arguments, never a crash or an exception.

TEST(CollectionFunctions, AnyArgumentsGiveAValueOrAnError) {
  std::vector<Value> pool = {
      Null(),
      Value::unknown(),
      S(""),
      S("a"),
      N(-1),
      N(2),
      D("0.5"),
      B(true),
      T({}),
      strs({"a", "b"}),
      T({N(1), S("x"), Null()}),
      slist({"b", "a"}),
      L({S("a"), U(kString, "aws_instance.a.id")}, kString),
      U(Type::list(kString), "aws_instance.a.tags"),
      SetOf({S("a"), U(kString, "aws_instance.a.id")}, kString),
      M({{"a", N(1)}}, kNumber),
      O({{"a", strs({"x"})}, {"b", N(1)}}),
      U(Type::object({{"a", kString, false}}), "module.m.o"),
      slist({"s"}).markedSensitive(),
  };
  const char* names[] = {"length", "concat", "merge", "lookup", "element", "index", "keys",
                         "values", "contains", "distinct", "flatten", "coalesce", "coalescelist",
                         "compact", "zipmap", "range", "slice", "sort", "reverse", "setunion",
                         "setintersection", "setproduct", "setsubtract", "chunklist", "one",
                         "alltrue", "anytrue", "sum", "transpose", "matchkeys", "min", "max", "abs",
                         "ceil", "floor", "pow", "log", "signum", "parseint"};
  size_t calls = 0;
  for (const char* name : names) {
    const FunctionSpec* f = findFunction(name);
    ASSERT_NE(f, nullptr);
    FunctionContext ctx;
    auto check = [&](std::vector<Value> args) {
      ++calls;
      FunctionResult r;
      EXPECT_NO_THROW(r = callFunction(*f, args, ctx)) << name;
      if (r.ok()) {
        EXPECT_NO_THROW((void)r.value.debugString()) << name;
      } else {
        EXPECT_FALSE(r.error.empty()) << name;
      }
    };
    check({});
    for (const Value& a : pool) {
      check({a});
      for (const Value& b : pool) {
        check({a, b});
        for (size_t k = 0; k < pool.size(); k += 3) check({a, b, pool[k]});
      }
    }
  }
  EXPECT_GT(calls, 100000u);
}

}  // namespace
}  // namespace tfguard::eval
