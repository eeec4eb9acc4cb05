// The string functions, called as the evaluator calls them (callFunction).
// Expected results: Terraform's documentation examples and cty's own tests
// (function/stdlib/format_test.go), plus Go's behaviour where Terraform
// inherits it (regexp match iteration, strings.Title, ...).
#include <gtest/gtest.h>

#include "eval/functions.h"

namespace tfguard::eval {
namespace {

Value S(std::string s) { return Value::string(std::move(s)); }
Value N(long long n) { return Value::number(n); }
Value F(const char* text) { return Value::number(*Number::parse(text)); }
Value B(bool b) { return Value::boolean(b); }
Value Tup(std::vector<Value> v) { return Value::tuple(std::move(v)); }
Value Obj(std::vector<Value::Attribute> a) { return Value::object(std::move(a)); }
Value Strings(std::vector<std::string> items) {
  std::vector<Value> v;
  for (auto& s : items) v.push_back(S(std::move(s)));
  return Value::list(std::move(v), Type::string());
}
Value Unknown(Type t, std::vector<std::string> refs = {}) { return Value::unknown(std::move(t), std::move(refs)); }

FunctionResult call(std::string_view name, std::vector<Value> args) {
  const FunctionSpec* f = findFunction(name);
  EXPECT_NE(f, nullptr) << name;
  if (!f) return FunctionResult::fail("no such function");
  FunctionContext ctx;
  return callFunction(*f, args, ctx);
}

/// The string result, or "error: ..." (to compare in one expectation).
std::string str(const FunctionResult& r) {
  if (!r.ok()) return "error: " + r.error;
  if (!r.value.isKnown()) return "(unknown)";
  if (r.value.isNull()) return "(null)";
  if (r.value.type().kind() != TypeKind::kString) return "(not a string) " + r.value.debugString();
  return r.value.asString();
}

/// Any result in debug form with its type.
std::string show(const FunctionResult& r) {
  if (!r.ok()) return "error: " + r.error;
  return r.value.debugString() + " : " + r.value.type().toString();
}

// --- format -----------------------------------------------------------------

struct FormatCase {
  const char* name;
  std::string format;
  std::vector<Value> args;
  std::string want;  ///< the result, or "error: <message>"
};

class FormatTable : public ::testing::TestWithParam<FormatCase> {};

TEST_P(FormatTable, MatchesTerraform) {
  const FormatCase& c = GetParam();
  std::vector<Value> args{S(c.format)};
  args.insert(args.end(), c.args.begin(), c.args.end());
  EXPECT_EQ(str(call("format", args)), c.want);
}

std::string callFailed(const std::string& message) {
  return "error: Call to function \"format\" failed: " + message + ".";
}

INSTANTIATE_TEST_SUITE_P(
    Format, FormatTable,
    ::testing::Values(
        // Documentation examples.
        FormatCase{"DocHello", "Hello, %s!", {S("Ander")}, "Hello, Ander!"},
        FormatCase{"DocLights", "There are %d lights", {N(4)}, "There are 4 lights"},
        FormatCase{"DocJsonString", "%#v", {S("hello")}, "\"hello\""},
        FormatCase{"DocJsonBool", "%#v", {B(true)}, "true"},
        FormatCase{"DocJsonNumber", "%#v", {N(1)}, "1"},
        FormatCase{"DocJsonObject", "%#v", {Obj({{"a", N(1)}})}, "{\"a\":1}"},
        FormatCase{"DocJsonTuple", "%#v", {Tup({B(true)})}, "[true]"},
        FormatCase{"DocJsonNull", "%#v", {Value()}, "null"},
        // cty's format tests.
        FormatCase{"Empty", "", {}, ""}, FormatCase{"NoVerbs", "hello", {}, "hello"},
        FormatCase{"Percent", "100%% successful", {}, "100% successful"},
        FormatCase{"PercentAtEnd", "100%%", {}, "100%"},
        FormatCase{"DefaultString", "string %v", {S("hello")}, "string hello"},
        FormatCase{"DefaultIndexed", "string %[2]v", {B(true), S("hello")}, "string hello"},
        FormatCase{"JsonString", "string %#v", {S("hello")}, "string \"hello\""},
        FormatCase{"DefaultNumber", "number %v", {N(2)}, "number 2"},
        FormatCase{"JsonNumber", "number %#v", {N(2)}, "number 2"},
        FormatCase{"DefaultBool", "bool %v", {B(true)}, "bool true"},
        FormatCase{"DefaultObject", "object %v", {Obj({})}, "object {}"},
        FormatCase{"DefaultTuple", "tuple %v", {Tup({})}, "tuple []"},
        FormatCase{"PercentThenVerb", "%%%v", {B(false)}, "%false"},
        FormatCase{"DefaultNullBool", "%v", {Value::null(Type::boolean())}, "null"},
        FormatCase{"DefaultNull", "%v", {Value()}, "null"},
        FormatCase{"String", "Hello, %s!", {S("Ermintrude")}, "Hello, Ermintrude!"},
        FormatCase{"StringIndexed", "Hello, %[2]s!", {S("Stephen"), S("Ermintrude")}, "Hello, Ermintrude!"},
        FormatCase{"Quoted", "Hello, %q... if that _is_ your real name!", {S("Ermintrude")},
                   "Hello, \"Ermintrude\"... if that _is_ your real name!"},
        FormatCase{"BoolAsString", "This statement is %s", {B(false)}, "This statement is false"},
        FormatCase{"BoolQuoted", "This statement is %q", {B(false)}, "This statement is \"false\""},
        FormatCase{"NullString", "%s", {Value::null(Type::string())},
                   callFailed("unsupported value for \"%s\" at 0: null value cannot be formatted")},
        FormatCase{"NullDynamic", "%s", {Value()},
                   callFailed("unsupported value for \"%s\" at 0: null value cannot be formatted")},
        FormatCase{"Width", "%10s", {S("hello")}, "     hello"},
        FormatCase{"WidthLeft", "%-10s", {S("hello")}, "hello     "},
        // One grapheme cluster: three spaces.
        FormatCase{"WidthCluster", "%4s", {S("💃🏿")}, "   💃🏿"},
        FormatCase{"WidthClusterLeft", "%-4s", {S("💃🏿")}, "💃🏿   "},
        FormatCase{"QuotedCluster", "%q", {S("💃🏿")}, "\"💃🏿\""},
        FormatCase{"QuotedWidth", "%6q", {S("💃🏿")}, "   \"💃🏿\""},
        FormatCase{"QuotedWidthLeft", "%-6q", {S("💃🏿")}, "\"💃🏿\"   "},
        FormatCase{"Precision", "%.2s", {S("hello")}, "he"},
        FormatCase{"QuotedPrecision", "%.2q", {S("hello")}, "\"he\""},
        FormatCase{"PrecisionUnicode", "%.5s", {S("日本語日本語")}, "日本語日本"},
        FormatCase{"QuotedPrecisionUnicode", "%.1q", {S("日本語日本語")}, "\"日\""},
        FormatCase{"PrecisionLonger", "%.10s", {S("hello")}, "hello"},
        FormatCase{"WidthAndPrecision", "%4.2s", {S("hello")}, "  he"},
        FormatCase{"QuotedWidthAndPrecision", "%6.2q", {S("hello")}, "  \"he\""},
        FormatCase{"LeftWidthAndPrecision", "%-4.2s", {S("hello")}, "he  "},
        FormatCase{"QuotedNewline", "%q", {S("Hello\nWorld")}, "\"Hello\\nWorld\""},
        FormatCase{"QuotedHtml", "%q", {S("a<b>&")}, "\"a\\u003cb\\u003e\\u0026\""},
        FormatCase{"Bool", "This statement is %t", {B(false)}, "This statement is false"},
        FormatCase{"BoolIndexed", "This statement is %[2]t", {B(true), B(false)}, "This statement is false"},
        FormatCase{"BoolTrue", "This statement is %t", {B(true)}, "This statement is true"},
        FormatCase{"BoolFromString", "This statement is %t", {S("false")}, "This statement is false"},
        FormatCase{"BoolNull", "This statement is %t", {Value::null(Type::boolean())},
                   callFailed("unsupported value for \"%t\" at 18: null value cannot be formatted")},
        FormatCase{"Integer", "%d green bottles standing on the wall", {N(10)},
                   "10 green bottles standing on the wall"},
        FormatCase{"IntegerIndexed", "%[2]d things", {N(1), N(10)}, "10 things"},
        FormatCase{"IntegerPlus", "%+d green bottles", {N(10)}, "+10 green bottles"},
        FormatCase{"IntegerSpace", "% d green bottles", {N(10)}, " 10 green bottles"},
        FormatCase{"IntegerWidth", "%5d green bottles", {N(10)}, "   10 green bottles"},
        FormatCase{"IntegerLeft", "%-5d green bottles", {N(10)}, "10    green bottles"},
        FormatCase{"IntegerFromBool", "%d green bottles", {B(true)},
                   callFailed("unsupported value for \"%d\" at 0: number required, but have bool")},
        FormatCase{"IntegerNull", "%d green bottles", {Value::null(Type::number())},
                   callFailed("unsupported value for \"%d\" at 0: null value cannot be formatted")},
        FormatCase{"IntegerNotWhole", "%d", {F("1.5")}, callFailed("unsupported value for \"%d\" at 0: an integer is required")},
        FormatCase{"Binary", "%b", {N(5)}, "101"}, FormatCase{"Octal", "%o", {N(9)}, "11"},
        FormatCase{"Hex", "%x", {N(254)}, "fe"}, FormatCase{"HexUpper", "%X", {N(254)}, "FE"},
        FormatCase{"HexNegative", "%x", {N(-255)}, "-ff"},
        FormatCase{"HexSharp", "%#x", {N(255)}, "0xff"}, FormatCase{"OctalSharp", "%#o", {N(8)}, "010"},
        FormatCase{"BinaryZeroPad", "%08b", {N(5)}, "00000101"},
        FormatCase{"IntegerPrecision", "%.3d", {N(7)}, "007"},
        FormatCase{"IntegerZeroPadNegative", "%05d", {N(-42)}, "-0042"},
        FormatCase{"IntegerFromString", "%d", {S("12")}, "12"},
        FormatCase{"LargeInteger", "%d", {F("1e30")}, "1000000000000000000000000000000"},
        FormatCase{"Float", "%f things", {N(10)}, "10.000000 things"},
        FormatCase{"FloatIndexed", "%[2]f things", {N(1), N(10)}, "10.000000 things"},
        FormatCase{"FloatPlus", "%+f things", {N(10)}, "+10.000000 things"},
        FormatCase{"FloatSpace", "% f things", {N(10)}, " 10.000000 things"},
        FormatCase{"FloatPlusNegative", "%+f things", {N(-10)}, "-10.000000 things"},
        FormatCase{"FloatSpaceNegative", "% f things", {N(-10)}, "-10.000000 things"},
        FormatCase{"FloatTinyFraction", "%f things", {S("1.00000000000000000000000000000000000001")},
                   "1.000000 things"},
        FormatCase{"FloatPrecision4", "%.4f things", {S("1.00000000000000000000000000000000000001")},
                   "1.0000 things"},
        FormatCase{"FloatRounds", "%.1f things", {S("1.06")}, "1.1 things"},
        FormatCase{"FloatTwoPlaces", "%.2f", {F("3.14159")}, "3.14"},
        FormatCase{"FloatHalfEven", "%5.1f", {F("2.25")}, "  2.2"},
        FormatCase{"FloatZeroPad", "%08.3f", {F("-3.5")}, "-003.500"},
        FormatCase{"FloatSmall", "%.2f", {F("0.009")}, "0.01"},
        FormatCase{"Exponent", "%e things", {N(1000)}, "1.000000e+03 things"},
        FormatCase{"ExponentUpper", "%E things", {N(1000)}, "1.000000E+03 things"},
        FormatCase{"ExponentZero", "%e", {N(0)}, "0.000000e+00"},
        FormatCase{"ExponentPrecision", "%.2e", {F("123456")}, "1.23e+05"},
        FormatCase{"General", "%g things", {N(1000)}, "1000 things"},
        FormatCase{"GeneralUpper", "%G things", {N(1000)}, "1000 things"},
        FormatCase{"GeneralTiny", "%g things", {S("0.00000000000000000000001")}, "1e-23 things"},
        FormatCase{"GeneralTinyUpper", "%G things", {S("0.00000000000000000000001")}, "1E-23 things"},
        FormatCase{"GeneralMillion", "%g", {N(1000000)}, "1e+06"},
        FormatCase{"GeneralPrecision", "%.3g", {F("3.14159")}, "3.14"},
        // %v prints numbers as %g does (so a million has an exponent).
        FormatCase{"DefaultLargeNumber", "%v", {N(1234567)}, "1.234567e+06"},
        FormatCase{"DefaultFraction", "%v", {F("0.1")}, "0.1"},
        FormatCase{"DefaultHuge", "%v", {F("1e30")}, "1e+30"},
        FormatCase{"FloatHuge", "%.1f", {F("1e21")}, "1000000000000000000000.0"},
        FormatCase{"DefaultNegative", "%v", {F("-2.5")}, "-2.5"},
        FormatCase{"DefaultWidth", "%5v", {N(42)}, "   42"},
        FormatCase{"JsonNested", "%#v", {Obj({{"b", Tup({N(1), S("x")})}, {"a", Value()}})},
                   "{\"a\":null,\"b\":[1,\"x\"]}"},
        FormatCase{"DefaultList", "%v", {Strings({"a", "b"})}, "[\"a\",\"b\"]"},
        // Errors.
        FormatCase{"NotEnoughArgs", "%s is not in the args list", {},
                   callFailed("not enough arguments for \"%s\" at 0: need index 1 but have 0 total")},
        FormatCase{"IndexTooLarge", "%[3]s is not in the args list", {B(true), B(true)},
                   callFailed("not enough arguments for \"%[3]s\" at 0: need index 3 but have 2 total")},
        FormatCase{"IndexZero", "%[0]s is not valid because args are 1-based", {B(true), B(true)},
                   callFailed("unrecognized format character '0' at offset 2")},
        FormatCase{"ThirdVerbMissing", "%v %v %v", {B(true), B(true)},
                   callFailed("not enough arguments for \"%v\" at 6: need index 3 but have 2 total")},
        FormatCase{"UnsupportedVerb", "%z is not a valid sequence", {N(10)},
                   callFailed("unsupported format verb 'z' in \"%z\" at offset 0")},
        FormatCase{"UnsupportedVerbSharp", "%#z is not a valid sequence", {N(10)},
                   callFailed("unsupported format verb 'z' in \"%#z\" at offset 0")},
        FormatCase{"UnsupportedVerbWidth", "%012z is not a valid sequence", {N(10)},
                   callFailed("unsupported format verb 'z' in \"%012z\" at offset 0")},
        FormatCase{"NonLetterVerb", "%☠ is not a valid sequence", {N(10)},
                   callFailed("unrecognized format character '☠' at offset 1")},
        FormatCase{"EmojiVerb", "%💃🏿 is not a valid sequence", {N(10)},
                   callFailed("unrecognized format character '💃' at offset 1")},
        FormatCase{"TrailingPercent", "50%", {}, callFailed("invalid format string starting at offset 3")},
        FormatCase{"FlagAfterWidth", "%5-d", {N(1)}, callFailed("unrecognized format character '-' at offset 2")},
        FormatCase{"TooManyArgsNoVerbs", "no format verbs at all", {N(10)},
                   "error: Invalid value for \"args\" parameter: too many arguments; no verbs in format string."},
        FormatCase{"TooManyArgs", "only one verb %d", {N(10), N(11)},
                   "error: Invalid value for \"args\" parameter: too many arguments; only 1 used by format string."},
        FormatCase{"WidthTooLarge", "%99999999s", {S("x")},
                   callFailed("width or precision of \"%99999999s\" at 0 is too large (the limit is 1048576)")}),
    [](const ::testing::TestParamInfo<FormatCase>& p) { return std::string(p.param.name); });

TEST(Format, ErrorArgumentIndex) {
  auto r = call("format", {S("only one verb %d"), N(10), N(11)});
  EXPECT_EQ(r.error_arg, 2);
}

TEST(Format, UnknownsAndMarks) {
  auto r = call("format", {S("Hello, %s!"), Unknown(Type::string(), {"aws_instance.web.id"})});
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r.value.isKnown());
  EXPECT_EQ(r.value.type().toString(), "string");
  ASSERT_EQ(r.value.references().size(), 1u);
  EXPECT_EQ(r.value.references()[0], "aws_instance.web.id");
  // A nested unknown makes the whole result unknown (JSON needs it all).
  r = call("format", {S("%v"), Tup({Unknown(Type::string())})});
  EXPECT_EQ(show(r), "(unknown) : string");
  r = call("format", {Unknown(Type::string()), B(true)});
  EXPECT_EQ(show(r), "(unknown) : string");
  r = call("format", {S("hello %s"), S("world").markedSensitive()});
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r.value.sensitive());
  EXPECT_EQ(r.value.asString(), "hello world");
  EXPECT_FALSE(call("format", {Value::null(Type::string()), N(10)}).ok());
}

// --- formatlist ---------------------------------------------------------------

TEST(Formatlist, DocumentationExamples) {
  EXPECT_EQ(show(call("formatlist", {S("Hello, %s!"), Strings({"Valentina", "Ander", "Olivia", "Sam"})})),
            "[\"Hello, Valentina!\", \"Hello, Ander!\", \"Hello, Olivia!\", \"Hello, Sam!\"] : list(string)");
  EXPECT_EQ(show(call("formatlist",
                      {S("%s, %s!"), S("Salutations"), Strings({"Valentina", "Ander", "Olivia", "Sam"})})),
            "[\"Salutations, Valentina!\", \"Salutations, Ander!\", \"Salutations, Olivia!\", \"Salutations, "
            "Sam!\"] : list(string)");
}

TEST(Formatlist, CtyCases) {
  EXPECT_EQ(show(call("formatlist", {S("")})), "[\"\"] : list(string)");
  EXPECT_EQ(show(call("formatlist", {S("100%%")})), "[\"100%\"] : list(string)");
  EXPECT_EQ(show(call("formatlist", {S("%s"), S("hello")})), "[\"hello\"] : list(string)");
  EXPECT_EQ(show(call("formatlist", {S("%s %s"), Strings({"hello", "goodbye"}), Strings({"world", "universe"})})),
            "[\"hello world\", \"goodbye universe\"] : list(string)");
  EXPECT_EQ(show(call("formatlist", {S("%s %s"), S("hello"), Tup({S("world"), S("universe")})})),
            "[\"hello world\", \"hello universe\"] : list(string)");
  auto r = call("formatlist", {S("%s %s"), Strings({"hello", "goodbye"}), Strings({"world"})});
  EXPECT_EQ(r.error,
            "Invalid value for \"args\" parameter: argument 2 has length 1, which is inconsistent with argument 1 of "
            "length 2.");
  EXPECT_EQ(r.error_arg, 2);
  EXPECT_EQ(call("formatlist", {S("%s"), Obj({})}).error,
            "Call to function \"formatlist\" failed: error on format iteration 0: unsupported value for \"%s\" at 0: "
            "string required, but have object.");
  EXPECT_EQ(show(call("formatlist", {S("%v"), Tup({})})), "[] : list(string)");
  // A null list is like a list of nulls.
  EXPECT_EQ(show(call("formatlist", {S("%v"), Value::null(Type::list(Type::string()))})),
            "[\"null\"] : list(string)");
  EXPECT_EQ(show(call("formatlist", {S("%v %v"), Value(), Value::list({S("a"), Value::null(Type::string()), S("c")},
                                                                        Type::string())})),
            "[\"null a\", \"null null\", \"null c\"] : list(string)");
}

TEST(Formatlist, Unknowns) {
  EXPECT_EQ(show(call("formatlist", {S("%v"), Unknown(Type::string(), {"a.b.c"})})),
            "[(unknown a.b.c)] : list(string)");
  EXPECT_EQ(show(call("formatlist", {S("%v"), Unknown(Type::list(Type::string()), {"a.b.c"})})),
            "(unknown a.b.c) : list(string)");
  Type tup = Type::tuple({Type::string()});
  Value rows = Value::list({Tup({S("hello")}), Tup({Unknown(Type::string())}), Tup({S("world")})}, tup);
  EXPECT_EQ(show(call("formatlist", {S("%v"), rows})), "[\"[\\\"hello\\\"]\", (unknown), \"[\\\"world\\\"]\"] : list(string)");
  EXPECT_EQ(show(call("formatlist", {S("%v"), Value::set({S("hello"), Unknown(Type::string())}, Type::string())})),
            "(unknown) : list(string)");
  EXPECT_EQ(show(call("formatlist", {S("%v"), Unknown(Type::dynamic())})), "(unknown) : list(string)");
  EXPECT_EQ(show(call("formatlist", {Unknown(Type::string()), B(true)})), "(unknown) : list(string)");
  // Lengths of unknown tuples are known.
  EXPECT_FALSE(call("formatlist", {S("%s %s"), Strings({"hi"}), Unknown(Type::tuple({Type::string(), Type::string()}))})
                   .ok());
}

// --- join, split -------------------------------------------------------------

TEST(Join, DocumentationExamples) {
  EXPECT_EQ(str(call("join", {S(", "), Strings({"foo", "bar", "baz"})})), "foo, bar, baz");
  EXPECT_EQ(str(call("join", {S(", "), Strings({"foo"})})), "foo");
}

TEST(Join, MoreCases) {
  EXPECT_EQ(str(call("join", {S("-"), Strings({"a"}), Strings({"b", "c"})})), "a-b-c");
  EXPECT_EQ(str(call("join", {S("-"), Tup({S("a"), N(1)})})), "a-1");
  EXPECT_EQ(str(call("join", {S("-"), Strings({})})), "");
  EXPECT_EQ(str(call("join", {S(",")})), "error: Call to function \"join\" failed: at least one list is required.");
  auto r = call("join", {S(","), Value::list({S("a"), Value::null(Type::string())}, Type::string())});
  EXPECT_EQ(r.error, "Invalid value for \"lists\" parameter: element 1 is null; cannot concatenate null values.");
  EXPECT_EQ(r.error_arg, 1);
  r = call("join", {S(","), Strings({"x"}), Value::list({Value::null(Type::string())}, Type::string())});
  EXPECT_EQ(r.error,
            "Invalid value for \"lists\" parameter: element 0 of list 2 is null; cannot concatenate null values.");
  EXPECT_EQ(r.error_arg, 2);
  EXPECT_EQ(show(call("join", {S(","), Value::list({S("a"), Unknown(Type::string())}, Type::string())})),
            "(unknown) : string");
  EXPECT_FALSE(call("join", {S(","), S("notalist")}).ok());
}

TEST(Split, DocumentationExamples) {
  EXPECT_EQ(show(call("split", {S(","), S("foo,bar,baz")})), "[\"foo\", \"bar\", \"baz\"] : list(string)");
  EXPECT_EQ(show(call("split", {S(","), S("foo")})), "[\"foo\"] : list(string)");
  EXPECT_EQ(show(call("split", {S(","), S("")})), "[\"\"] : list(string)");
}

TEST(Split, EmptySeparatorSplitsCharacters) {
  EXPECT_EQ(show(call("split", {S(""), S("ab☃")})), "[\"a\", \"b\", \"☃\"] : list(string)");
  EXPECT_EQ(show(call("split", {S(""), S("")})), "[] : list(string)");
  EXPECT_EQ(show(call("split", {S(", "), S("a, b, ")})), "[\"a\", \"b\", \"\"] : list(string)");
}

// --- replace, regex, regexall --------------------------------------------------

TEST(Replace, DocumentationExamples) {
  EXPECT_EQ(str(call("replace", {S("1 + 2 + 3"), S("+"), S("-")})), "1 - 2 - 3");
  EXPECT_EQ(str(call("replace", {S("hello world"), S("/w.*d/"), S("everybody")})), "hello everybody");
}

TEST(Replace, RegexSubstitutions) {
  EXPECT_EQ(str(call("replace", {S("hello world"), S("/(h)(e)/"), S("$2$1")})), "ehllo world");
  EXPECT_EQ(str(call("replace", {S("hello world"), S("/(?P<first>\\w+) (?P<second>\\w+)/"), S("${second} ${first}")})),
            "world hello");
  // Go reads "$1x" as the group named "1x", which does not exist.
  EXPECT_EQ(str(call("replace", {S("abc"), S("/(b)/"), S("$1x")})), "ac");
  EXPECT_EQ(str(call("replace", {S("abc"), S("/(b)/"), S("${1}x")})), "abxc");
  EXPECT_EQ(str(call("replace", {S("abc"), S("/b/"), S("$$")})), "a$c");
  EXPECT_EQ(str(call("replace", {S("abc"), S("/b/"), S("$")})), "a$c");
  // Empty matches as Go's ReplaceAllString makes them.
  EXPECT_EQ(str(call("replace", {S("abc"), S("/x*/"), S("-")})), "-a-b-c-");
  EXPECT_EQ(str(call("replace", {S("baaac"), S("/a*/"), S("-")})), "-b-c-");
  EXPECT_EQ(str(call("replace", {S("a☃b"), S("/x*/"), S(".")})), ".a.☃.b.");
  EXPECT_EQ(str(call("replace", {S("ab\ncd"), S("/^\\w/"), S("X")})), "Xb\ncd");
  EXPECT_EQ(str(call("replace", {S("ab\ncd"), S("/(?m)^\\w/"), S("X")})), "Xb\nXd");
  EXPECT_EQ(str(call("replace", {S("a/b"), S("/"), S("|")})), "a|b");
}

TEST(Replace, PlainStrings) {
  EXPECT_EQ(str(call("replace", {S("aaa"), S("a"), S("bb")})), "bbbbbb");
  EXPECT_EQ(str(call("replace", {S("a☃"), S(""), S("-")})), "-a-☃-");
  EXPECT_EQ(str(call("replace", {S("abc"), S("x"), S("y")})), "abc");
}

TEST(Replace, InvalidPatternIsAnError) {
  auto r = call("replace", {S("a"), S("/(/"), S("x")});
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.error, "Call to function \"replace\" failed: error parsing regexp: missing closing ): `(`.");
}

TEST(Regex, DocumentationExamples) {
  EXPECT_EQ(show(call("regex", {S("[a-z]+"), S("53453453.345345aaabbbccc23454")})), "\"aaabbbccc\" : string");
  EXPECT_EQ(show(call("regex", {S("(\\d\\d\\d\\d)-(\\d\\d)-(\\d\\d)"), S("2019-02-01")})),
            "[\"2019\", \"02\", \"01\"] : tuple([string, string, string])");
  EXPECT_EQ(show(call("regex", {S("^(?:(?P<scheme>[^:/?#]+):)?(?://(?P<authority>[^/?#]*))?"),
                                S("https://terraform.io/docs/")})),
            "{authority = \"terraform.io\", scheme = \"https\"} : object({authority=string, scheme=string})");
  EXPECT_EQ(call("regex", {S("[a-z]+"), S("53453453.34534523454")}).error,
            "Call to function \"regex\" failed: pattern did not match any part of the given string.");
}

TEST(Regex, GroupsThatDoNotParticipateAreNull) {
  EXPECT_EQ(show(call("regex", {S("(a)?(b)"), S("b")})), "[null, \"b\"] : tuple([string, string])");
  EXPECT_EQ(show(call("regex", {S("(a*)b"), S("b")})), "[\"\"] : tuple([string])");
}

TEST(Regex, PatternErrors) {
  auto r = call("regex", {S("(?P<name>a)(b)"), S("ab")});
  EXPECT_EQ(r.error,
            "Invalid value for \"pattern\" parameter: invalid regexp pattern: cannot mix both named and unnamed "
            "capture groups.");
  EXPECT_EQ(r.error_arg, 0);
  r = call("regex", {S("(abc"), S("abc")});
  EXPECT_EQ(r.error, "Invalid value for \"pattern\" parameter: invalid regexp pattern: missing closing ) in (abc.");
  r = call("regex", {S("a**"), S("a")});
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.error_arg, 0);
  r = call("regexall", {S("[z-a]"), S("a")});
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.error_arg, 0);
  // Backreferences are not RE2.
  EXPECT_FALSE(call("regex", {S("(a)\\1"), S("aa")}).ok());
  // An invalid pattern is an error even when the string is not known yet.
  EXPECT_FALSE(call("regex", {S("("), Unknown(Type::string())}).ok());
}

TEST(Regex, Unknowns) {
  EXPECT_EQ(show(call("regex", {S("(a)(b)"), Unknown(Type::string(), {"x.y.z"})})),
            "(unknown x.y.z) : tuple([string, string])");
  EXPECT_EQ(show(call("regex", {Unknown(Type::string()), S("ab")})), "(unknown) : any");
  EXPECT_EQ(show(call("regexall", {S("[a-z]+"), Unknown(Type::string())})), "(unknown) : list(string)");
  EXPECT_EQ(show(call("regexall", {Unknown(Type::string()), S("ab")})), "(unknown) : list(any)");
}

TEST(Regexall, DocumentationExamples) {
  EXPECT_EQ(show(call("regexall", {S("[a-z]+"), S("1234abcd5678efgh9")})), "[\"abcd\", \"efgh\"] : list(string)");
  EXPECT_EQ(call("regexall", {S("[a-z]+"), S("1234abcd5678efgh9")}).value.length(), 2u);
  EXPECT_EQ(show(call("regexall", {S("[a-z]+"), S("123456789")})), "[] : list(string)");
}

TEST(Regexall, GroupsAndEmptyMatches) {
  EXPECT_EQ(show(call("regexall", {S("(\\w)=(\\d)"), S("a=1 b=2")})),
            "[[\"a\", \"1\"], [\"b\", \"2\"]] : list(tuple([string, string]))");
  EXPECT_EQ(show(call("regexall", {S("(?P<k>\\w)=(?P<v>\\d)"), S("a=1")})),
            "[{k = \"a\", v = \"1\"}] : list(object({k=string, v=string}))");
  // Go: no empty match right after a match.
  EXPECT_EQ(show(call("regexall", {S("a*"), S("baaac")})), "[\"\", \"aaa\", \"\"] : list(string)");
  EXPECT_EQ(show(call("regexall", {S(""), S("ab")})), "[\"\", \"\", \"\"] : list(string)");
}

// --- case -----------------------------------------------------------------------

TEST(Case, DocumentationExamples) {
  EXPECT_EQ(str(call("lower", {S("HELLO")})), "hello");
  EXPECT_EQ(str(call("lower", {S("ΓΕΙΑ ΣΟΥ")})), "γεια σου");
  EXPECT_EQ(str(call("upper", {S("hello")})), "HELLO");
  EXPECT_EQ(str(call("upper", {S("алло!")})), "АЛЛО!");
  EXPECT_EQ(str(call("title", {S("hello world")})), "Hello World");
}

TEST(Case, GoSemantics) {
  // Simple case mappings only: ß has no single-letter uppercase.
  EXPECT_EQ(str(call("upper", {S("straße")})), "STRAßE");
  EXPECT_EQ(str(call("lower", {S("İ")})), "i");
  EXPECT_EQ(str(call("upper", {S("ǆ")})), "Ǆ");
  EXPECT_EQ(str(call("title", {S("ǆemal")})), "ǅemal");
  // Title: underscores and letters join words; other ASCII separates.
  EXPECT_EQ(str(call("title", {S("hello_world-foo bar.baz")})), "Hello_world-Foo Bar.Baz");
  EXPECT_EQ(str(call("title", {S("élan vital")})), "Élan Vital");
  EXPECT_EQ(str(call("upper", {S("")})), "");
}

// --- trimming --------------------------------------------------------------------

TEST(Trim, DocumentationExamples) {
  EXPECT_EQ(str(call("trim", {S("?!hello?!"), S("!?")})), "hello");
  EXPECT_EQ(str(call("trim", {S("foobar"), S("far")})), "oob");
  EXPECT_EQ(str(call("trim", {S("   hello! world.!  "), S("! ")})), "hello! world.");
  EXPECT_EQ(str(call("trimprefix", {S("helloworld"), S("hello")})), "world");
  EXPECT_EQ(str(call("trimprefix", {S("helloworld"), S("cat")})), "helloworld");
  EXPECT_EQ(str(call("trimsuffix", {S("helloworld"), S("world")})), "hello");
  EXPECT_EQ(str(call("trimspace", {S("  hello\n\n")})), "hello");
}

TEST(Trim, Unicode) {
  EXPECT_EQ(str(call("trim", {S("☃☃a☃"), S("☃")})), "a");
  EXPECT_EQ(str(call("trim", {S("abc"), S("")})), "abc");
  EXPECT_EQ(str(call("trim", {S("aaa"), S("a")})), "");
  EXPECT_EQ(str(call("trimspace", {S("\u00a0\u2003 x y\t\u3000")})), "x y");
  EXPECT_EQ(str(call("trimspace", {S(" \t\n ")})), "");
  EXPECT_EQ(str(call("trimprefix", {S("abc"), S("")})), "abc");
  EXPECT_EQ(str(call("chomp", {S("hello\n")})), "hello");
  EXPECT_EQ(str(call("chomp", {S("hello\r\n")})), "hello");
  EXPECT_EQ(str(call("chomp", {S("hello\n\n")})), "hello");
  EXPECT_EQ(str(call("chomp", {S("hello\r\r\n \n")})), "hello\r\r\n ");
  EXPECT_EQ(str(call("chomp", {S("hello")})), "hello");
}

// --- substr, strrev --------------------------------------------------------------

TEST(Substr, DocumentationExamples) {
  EXPECT_EQ(str(call("substr", {S("hello world"), N(1), N(4)})), "ello");
  EXPECT_EQ(str(call("substr", {S("🤔🤷"), N(0), N(1)})), "🤔");
  EXPECT_EQ(str(call("substr", {S("hello world"), N(-5), N(-1)})), "world");
}

TEST(Substr, EdgeCasesAsCty) {
  EXPECT_EQ(str(call("substr", {S("hello"), N(0), N(0)})), "");
  EXPECT_EQ(str(call("substr", {S("hello"), N(10), N(2)})), "");
  EXPECT_EQ(str(call("substr", {S("hello"), N(3), N(100)})), "lo");
  EXPECT_EQ(str(call("substr", {S("hello"), N(-10), N(2)})), "he");
  EXPECT_EQ(str(call("substr", {S("hello"), N(-1), N(0)})), "o");
  EXPECT_EQ(str(call("substr", {S(""), N(0), N(1)})), "");
  // Grapheme clusters: the combining accent stays with its letter.
  EXPECT_EQ(str(call("substr", {S("q\u0301xy"), N(0), N(1)})), "q\u0301");
  EXPECT_EQ(str(call("substr", {S("a💃🏿b"), N(1), N(1)})), "💃🏿");
  EXPECT_EQ(str(call("substr", {S("🇩🇪🇫🇷"), N(1), N(1)})), "🇫🇷");
  EXPECT_EQ(str(call("substr", {S("hello"), F("1.5"), N(1)})),
            "error: Call to function \"substr\" failed: value must be a whole number, between -9223372036854775808 "
            "and 9223372036854775807.");
}

TEST(Strrev, DocumentationExamples) {
  EXPECT_EQ(str(call("strrev", {S("hello")})), "olleh");
  EXPECT_EQ(str(call("strrev", {S("a ☃")})), "☃ a");
}

TEST(Strrev, KeepsClustersTogether) {
  EXPECT_EQ(str(call("strrev", {S("q\u0301x")})), "xq\u0301");
  EXPECT_EQ(str(call("strrev", {S("💃🏿a")})), "a💃🏿");
  EXPECT_EQ(str(call("strrev", {S("👩‍👩‍👧x")})), "x👩‍👩‍👧");
  EXPECT_EQ(str(call("strrev", {S("a\r\nb")})), "b\r\na");
  EXPECT_EQ(str(call("strrev", {S("")})), "");
}

// --- tests and the rest --------------------------------------------------------

TEST(StartsEndsContains, DocumentationExamples) {
  EXPECT_EQ(show(call("startswith", {S("hello world"), S("hello")})), "true : bool");
  EXPECT_EQ(show(call("startswith", {S("hello world"), S("world")})), "false : bool");
  EXPECT_EQ(show(call("endswith", {S("hello world"), S("world")})), "true : bool");
  EXPECT_EQ(show(call("endswith", {S("hello world"), S("hello")})), "false : bool");
  EXPECT_EQ(show(call("strcontains", {S("hello world"), S("wor")})), "true : bool");
  EXPECT_EQ(show(call("strcontains", {S("hello world"), S("wod")})), "false : bool");
}

TEST(StartsEndsContains, Unknowns) {
  // Every string starts with "".
  EXPECT_EQ(show(call("startswith", {Unknown(Type::string()), S("")})), "true : bool");
  EXPECT_EQ(show(call("startswith", {Unknown(Type::string(), {"a.b.c"}), S("x")})), "(unknown a.b.c) : bool");
  EXPECT_EQ(show(call("endswith", {Unknown(Type::string(), {"a.b.c"}), S("x")})), "(unknown a.b.c) : bool");
  EXPECT_EQ(show(call("strcontains", {S("abc"), Unknown(Type::string())})), "(unknown) : bool");
  EXPECT_FALSE(call("startswith", {Value::null(Type::string()), S("x")}).ok());
}

TEST(Indent, DocumentationExample) {
  EXPECT_EQ(str(call("indent", {N(2), S("[\n  foo,\n  bar,\n]\n")})), "[\n    foo,\n    bar,\n  ]\n  ");
  EXPECT_EQ(str(call("indent", {N(4), S("one line")})), "one line");
  EXPECT_EQ(str(call("indent", {S("2"), S("a\nb")})), "a\n  b");
  EXPECT_FALSE(call("indent", {N(-1), S("a\nb")}).ok());
  EXPECT_FALSE(call("indent", {F("1.5"), S("a")}).ok());
  EXPECT_FALSE(call("indent", {N(100000000), S("a\nb")}).ok());
}

TEST(StringFunctions, UnknownArgumentsGiveUnknownResults) {
  for (const char* name : {"upper", "lower", "title", "trimspace", "chomp", "strrev"}) {
    auto r = call(name, {Unknown(Type::string(), {"aws_instance.web.id"})});
    ASSERT_TRUE(r.ok()) << name;
    EXPECT_EQ(show(r), "(unknown aws_instance.web.id) : string") << name;
  }
  EXPECT_EQ(show(call("replace", {S("abc"), Unknown(Type::string(), {"a.b.c"}), S("x")})), "(unknown a.b.c) : string");
  EXPECT_EQ(show(call("split", {S(","), Unknown(Type::string())})), "(unknown) : list(string)");
  EXPECT_EQ(show(call("substr", {S("abc"), Unknown(Type::number()), N(1)})), "(unknown) : string");
}

TEST(StringFunctions, ArgumentsAreConverted) {
  EXPECT_EQ(str(call("upper", {N(12)})), "12");
  EXPECT_EQ(str(call("substr", {S("hello"), S("1"), S("2")})), "el");
  EXPECT_EQ(call("upper", {Tup({})}).error, "Invalid value for \"str\" parameter: string required, but have tuple.");
  EXPECT_EQ(call("upper", {Value::null(Type::string())}).error,
            "Invalid value for \"str\" parameter: argument must not be null.");
}

TEST(StringFunctions, SensitiveArgumentsGiveSensitiveResults) {
  auto r = call("upper", {S("secret").markedSensitive()});
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r.value.sensitive());
  EXPECT_EQ(r.value.asString(), "SECRET");
  r = call("regex", {S("s(.)c"), S("secret").markedSensitive()});
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r.value.sensitive());
}

TEST(StringFunctions, ResultsAreNfc) {
  // Joining "e" and a combining acute accent gives the composed "é".
  EXPECT_EQ(str(call("join", {S(""), Strings({"e", "\u0301"})})), "\u00e9");
  EXPECT_EQ(str(call("replace", {S("e-\u0301"), S("-"), S("")})), "\u00e9");
}

TEST(StringFunctions, ResultsAreBounded) {
  std::string big(1 << 20, 'a');
  EXPECT_FALSE(call("replace", {S(big), S("a"), S(std::string(100, 'b'))}).ok());
  EXPECT_FALSE(call("replace", {S(big), S(""), S(std::string(100, 'b'))}).ok());
  EXPECT_FALSE(call("replace", {S(big.substr(0, 1 << 17)), S("/a/"), S(std::string(200, 'b'))}).ok());
  std::string many_wide;
  std::vector<Value> args{S("")};
  for (int i = 0; i < 20; ++i) {
    many_wide += "%1000000s";
    args.push_back(S("x"));
  }
  args[0] = S(many_wide);
  EXPECT_EQ(call("format", args).error,
            "Call to function \"format\" failed: the result would be larger than 16 MiB.");
  EXPECT_FALSE(call("join", {S(std::string(1 << 16, ',')), Value::tuple(std::vector<Value>(2000, S("x")))}).ok());
}

TEST(StringFunctions, AllAreRegistered) {
  for (const char* name : {"chomp", "endswith", "format", "formatlist", "indent", "join", "lower", "regex", "regexall",
                           "replace", "split", "startswith", "strcontains", "strrev", "substr", "title", "trim",
                           "trimprefix", "trimspace", "trimsuffix", "upper"}) {
    EXPECT_NE(findFunction(name), nullptr) << name;
  }
}

}  // namespace
}  // namespace tfguard::eval
