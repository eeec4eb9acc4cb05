// Encoding functions: jsonencode, jsondecode, yamlencode, yamldecode,
// csvdecode, base64*, urlencode, text*base64. Expected results are
// Terraform's documentation examples and outputs of Terraform's own
// implementations (go-cty, go-cty-yaml, Go's encoding/*) for the same input.
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

Value S(std::string s) { return Value::string(std::move(s)); }
Value N(long long n) { return Value::number(n); }
Value D(std::string_view n) { return Value::number(*Number::parse(n)); }

/// The string a call returns (failing the test if it is not one).
std::string str(const FunctionResult& r) {
  EXPECT_TRUE(r.ok()) << r.error;
  EXPECT_TRUE(r.value.isKnown());
  EXPECT_EQ(r.value.type().kind(), TypeKind::kString) << r.value.debugString();
  return r.ok() && r.value.isKnown() && !r.value.isNull() ? r.value.asString()
                                                          : std::string("<none>");
}

std::string err(const FunctionResult& r) {
  EXPECT_FALSE(r.ok()) << r.value.debugString();
  return r.error;
}

/// Builds values from JSON text (objects, tuples), as test input.
Value json(std::string_view text) {
  FunctionResult r = call("jsondecode", {S(std::string(text))});
  EXPECT_TRUE(r.ok()) << r.error;
  return r.value;
}

// ---------------------------------------------------------------- jsonencode

TEST(JsonEncode, DocumentationExample) {
  EXPECT_EQ(str(call("jsonencode", {Value::object({{"hello", S("world")}})})),
            "{\"hello\":\"world\"}");
}

TEST(JsonEncode, CompactSortedAndTyped) {
  Value v =
      Value::object({{"b", Value::tuple({N(1), D("2.5"), Value::boolean(true), Value::null()})},
                     {"a", Value::map({{"z", S("1")}, {"y", S("2")}}, Type::string())},
                     {"c", Value::set({S("q"), S("p")}, Type::string())}});
  EXPECT_EQ(str(call("jsonencode", {v})),
            R"({"a":{"y":"2","z":"1"},"b":[1,2.5,true,null],"c":["p","q"]})");
  EXPECT_EQ(str(call("jsonencode", {Value::list({}, Type::string())})), "[]");
  EXPECT_EQ(str(call("jsonencode", {Value::object({})})), "{}");
}

TEST(JsonEncode, NullAtTopLevel) {
  EXPECT_EQ(str(call("jsonencode", {Value::null()})), "null");
  EXPECT_EQ(str(call("jsonencode", {Value::null(Type::string())})), "null");
}

TEST(JsonEncode, EscapesLikeGo) {
  // <, >, & and U+2028/U+2029 as \u escapes (Terraform 0.11 compatibility).
  EXPECT_EQ(str(call("jsonencode", {S("<b>&amp;</b>")})),
            R"("\u003cb\u003e\u0026amp;\u003c/b\u003e")");
  EXPECT_EQ(str(call("jsonencode", {S("a\u2028b\u2029c")})), R"("a\u2028b\u2029c")");
  EXPECT_EQ(str(call("jsonencode", {S("q\"b\\s\n\r\t")})), R"("q\"b\\s\n\r\t")");
  EXPECT_EQ(str(call("jsonencode", {S(std::string("\x01\x1f\x7f", 3))})), "\"\\u0001\\u001f\x7f\"");
  EXPECT_EQ(str(call("jsonencode", {S("\b\f")})), R"("\b\f")");  // Go 1.22+
  EXPECT_EQ(str(call("jsonencode", {S("é😀")})), "\"é😀\"");
  EXPECT_EQ(str(call("jsonencode", {S("bad\xff")})), R"("bad\ufffd")");
}

TEST(JsonEncode, NumbersAsTerraformPrintsThem) {
  EXPECT_EQ(str(call("jsonencode", {D("0.1")})), "0.1");
  EXPECT_EQ(str(call("jsonencode", {D("-1.5")})), "-1.5");
  EXPECT_EQ(str(call("jsonencode", {D("1e3")})), "1000");
  EXPECT_EQ(str(call("jsonencode", {D("9007199254740993")})), "9007199254740993");
  // Beyond a double: written out in full, as Terraform (big.Float 'f') does.
  EXPECT_EQ(str(call("jsonencode", {D("1e400")})), "1" + std::string(400, '0'));
  EXPECT_EQ(str(call("yamlencode", {Value::tuple({D("1e400")})})), "- 1" + std::string(400, '0') + "\n");
}

TEST(JsonEncode, UnknownsAndMarks) {
  FunctionResult r =
      call("jsonencode", {Value::tuple({N(1), Value::unknown(Type::string(), {"aws_x.y.id"})})});
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r.value.isKnown());
  EXPECT_EQ(r.value.type(), Type::string());
  ASSERT_EQ(r.value.references().size(), 1u);
  // A secret anywhere inside makes the whole document sensitive.
  FunctionResult s =
      call("jsonencode", {Value::object({{"password", S("hunter2").markedSensitive()}})});
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(s.value.sensitive());
}

// ---------------------------------------------------------------- jsondecode

TEST(JsonDecode, DocumentationExamples) {
  Value v = call("jsondecode", {S("{\"hello\": \"world\"}")}).value;
  EXPECT_EQ(v.type(), Type::object({{"hello", Type::string(), false}}));
  EXPECT_EQ(v.debugString(), "{hello = \"world\"}");
  EXPECT_TRUE(call("jsondecode", {S("true")}).value.rawEquals(Value::boolean(true)));
}

TEST(JsonDecode, TypesAreStructural) {
  Value v = json(R"([1, 2.5, "x", null, true, {"a": [], "b": {}}])");
  ASSERT_EQ(v.type().kind(), TypeKind::kTuple);
  EXPECT_EQ(v.debugString(), "[1, 2.5, \"x\", null, true, {a = [], b = {}}]");
  EXPECT_EQ(v.elements()[5].type().kind(), TypeKind::kObject);
  EXPECT_TRUE(v.elements()[3].isNull());
  EXPECT_TRUE(v.elements()[3].type().isDynamic());
  EXPECT_TRUE(call("jsondecode", {S("null")}).value.isNull());
}

TEST(JsonDecode, Details) {
  EXPECT_EQ(json(R"({"a":1,"a":2})").debugString(), "{a = 2}");  // last wins
  EXPECT_EQ(json(R"("\u00e9\ud83d\ude00\ud800x\/")").asString(), "é😀\xEF\xBF\xBDx/");
  EXPECT_EQ(json("\"e\xcc\x81\"").asString(), "\xC3\xA9");  // NFC, as cty strings are
  EXPECT_EQ(json("123456789012345678").asNumber().toString(), "123456789012345678");
  EXPECT_EQ(json("1E+2").asNumber().toString(), "100");
  // Go's decoder stops at a value and only calls text that starts a new
  // value "extraneous": a trailing ] or } is ignored.
  EXPECT_EQ(json("1]").debugString(), "1");
}

TEST(JsonDecode, ErrorsAsGoReportsThem) {
  EXPECT_EQ(err(call("jsondecode", {S("")})), "EOF");
  EXPECT_EQ(err(call("jsondecode", {S("[1, 2")})), "EOF");
  EXPECT_EQ(err(call("jsondecode", {S("\"abc")})), "unexpected EOF");
  EXPECT_EQ(err(call("jsondecode", {S("tru")})), "unexpected EOF");
  EXPECT_EQ(err(call("jsondecode", {S("{\"a\" 1}")})), "invalid character '1' after object key");
  EXPECT_EQ(err(call("jsondecode", {S("[1 2]")})), "invalid character '2' after array element");
  EXPECT_EQ(err(call("jsondecode", {S("{1:2}")})), "invalid character '1'");
  EXPECT_EQ(err(call("jsondecode", {S("{\"a\":1,}")})),
            "invalid character '}' looking for beginning of object key string");
  EXPECT_EQ(err(call("jsondecode", {S("{\"a\":1 \"b\":2}")})),
            "invalid character '\"' after object key:value pair");
  EXPECT_EQ(err(call("jsondecode", {S("nul!")})),
            "invalid character '!' in literal null (expecting 'l')");
  EXPECT_EQ(err(call("jsondecode", {S("\"a\\qb\"")})),
            "invalid character 'q' in string escape code");
  EXPECT_EQ(err(call("jsondecode", {S("\"\\u12g4\"")})),
            "invalid character 'g' in \\u hexadecimal character escape");
  EXPECT_EQ(err(call("jsondecode", {S("\"\x01\"")})),
            "invalid character '\\x01' in string literal");
  EXPECT_EQ(err(call("jsondecode", {S("-x")})), "invalid character 'x' in numeric literal");
  EXPECT_EQ(err(call("jsondecode", {S("1.e3")})),
            "invalid character 'e' after decimal point in numeric literal");
  EXPECT_EQ(err(call("jsondecode", {S("1ex")})),
            "invalid character 'x' in exponent of numeric literal");
  EXPECT_EQ(err(call("jsondecode", {S("1 2")})), "extraneous data after JSON object");
  EXPECT_EQ(err(call("jsondecode", {S("é")})),
            "invalid character 'Ã' looking for beginning of value");
}

TEST(JsonDecode, BoundedNesting) {
  std::string deep(5000, '[');
  EXPECT_EQ(err(call("jsondecode", {S(deep)})), "exceeded max depth");
}

TEST(JsonDecode, UnknownAndSensitiveArguments) {
  FunctionResult r = call("jsondecode", {Value::unknown(Type::string(), {"data.x.y.json"})});
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r.value.isKnown());
  EXPECT_TRUE(r.value.type().isDynamic());
  EXPECT_TRUE(call("jsondecode", {S("{\"a\":1}").markedSensitive()}).value.sensitive());
}

TEST(JsonRoundTrip, EncodeDecode) {
  std::string doc =
      R"({"Statement":[{"Action":["s3:GetObject"],"Effect":"Allow","Resource":"arn:aws:s3:::b/*"}],"Version":"2012-10-17"})";
  EXPECT_EQ(str(call("jsonencode", {json(doc)})), doc);
}

// ---------------------------------------------------------------- yamlencode

TEST(YamlEncode, DocumentationExamples) {
  EXPECT_EQ(str(call("yamlencode", {json(R"({"a":"b", "c":"d"})")})),
            "\"a\": \"b\"\n\"c\": \"d\"\n");
  EXPECT_EQ(str(call("yamlencode", {json(R"({"foo":[1, 2, 3], "bar": "baz"})")})),
            "\"bar\": \"baz\"\n\"foo\":\n- 1\n- 2\n- 3\n");
  EXPECT_EQ(str(call("yamlencode", {json(R"({"foo":[1, {"a":"b","c":"d"}, 3], "bar": "baz"})")})),
            "\"bar\": \"baz\"\n\"foo\":\n- 1\n- \"a\": \"b\"\n  \"c\": \"d\"\n- 3\n");
}

TEST(YamlEncode, Scalars) {
  EXPECT_EQ(str(call("yamlencode", {S("hello")})), "\"hello\"\n");
  EXPECT_EQ(str(call("yamlencode", {S("true")})), "\"true\"\n");
  EXPECT_EQ(str(call("yamlencode", {S("")})), "\"\"\n");
  // Plain top-level scalars end the document with "...".
  EXPECT_EQ(str(call("yamlencode", {Value::boolean(true)})), "true\n...\n");
  EXPECT_EQ(str(call("yamlencode", {D("1.5")})), "1.5\n...\n");
  EXPECT_EQ(str(call("yamlencode", {Value::null()})), "null\n...\n");
  EXPECT_EQ(str(call("yamlencode", {Value::tuple({})})), "[]\n");
  EXPECT_EQ(str(call("yamlencode", {Value::object({})})), "{}\n");
}

TEST(YamlEncode, StringStyles) {
  EXPECT_EQ(str(call("yamlencode", {S("multi\nline\n")})), "|\n  multi\n  line\n");
  EXPECT_EQ(str(call("yamlencode", {S("a\n\n")})), "|+\n  a\n\n");
  EXPECT_EQ(str(call("yamlencode", {S(" lead\nx")})), "|2-\n   lead\n  x\n");
  EXPECT_EQ(str(call("yamlencode", {S("trail \nx")})), "\"trail \\nx\"\n");
  EXPECT_EQ(str(call("yamlencode", {S("tab\there")})), "\"tab\\there\"\n");
  EXPECT_EQ(str(call("yamlencode", {S("😀 é\u00a0")})), "\"\\U0001F600 é\u00a0\"\n");
  EXPECT_EQ(
      str(call(
          "yamlencode",
          {json(
              R"({"script":"#!/bin/sh\necho hi","empty":"","list":[],"map":{},"n":null,"t":true})")})),
      "\"empty\": \"\"\n\"list\": []\n\"map\": {}\n\"n\": null\n\"script\": |-\n  #!/bin/sh\n  "
      "echo hi\n\"t\": true\n");
}

TEST(YamlEncode, LongLinesAndKeys) {
  std::string words;
  for (int i = 0; i < 25; ++i) words += i ? " word" : "word";
  EXPECT_EQ(
      str(call("yamlencode", {Value::object({{"k", S(words)}})})),
      "\"k\": \"word word word word word word word word word word word word word word word word\n"
      "  word word word word word word word word word\"\n");
  std::string long_key(130, 'k');
  EXPECT_EQ(str(call("yamlencode", {Value::object({{long_key, N(1)}})})),
            "? \"" + long_key + "\"\n: 1\n");
  EXPECT_EQ(str(call("yamlencode", {json(R"({"multi\nkey":[[1,2],{"x":[]}]})")})),
            "? |-\n  multi\n  key\n: - - 1\n    - 2\n  - \"x\": []\n");
}

TEST(YamlEncode, UnknownAndSensitive) {
  EXPECT_FALSE(
      call("yamlencode", {Value::tuple({Value::unknown(Type::number())})}).value.isKnown());
  EXPECT_TRUE(call("yamlencode", {Value::tuple({S("x").markedSensitive()})}).value.sensitive());
}

// ---------------------------------------------------------------- yamldecode

TEST(YamlDecode, DocumentationExamples) {
  EXPECT_EQ(call("yamldecode", {S("hello: world")}).value.debugString(), "{hello = \"world\"}");
  EXPECT_TRUE(call("yamldecode", {S("true")}).value.rawEquals(Value::boolean(true)));
  EXPECT_EQ(call("yamldecode", {S("{a: &foo [1, 2, 3], b: *foo}")}).value.debugString(),
            "{a = [1, 2, 3], b = [1, 2, 3]}");
  EXPECT_EQ(err(call("yamldecode", {S("{a: &foo [1, *foo, 3]}")})),
            "cannot refer to anchor \"foo\" from inside its own definition");
  EXPECT_EQ(err(call("yamldecode", {S("{a: !not-supported foo}")})),
            "unsupported tag \"!not-supported\"");
}

TEST(YamlDecode, ScalarResolution) {
  auto y = [](std::string src) {
    return call("yamldecode", {S(std::move(src))}).value.debugString();
  };
  EXPECT_EQ(y("[yes, No, on, OFF, y, true, False]"),
            "[true, false, true, false, true, true, false]");
  EXPECT_EQ(y("[~, null, '', \"null\"]"), "[null, null, \"\", \"null\"]");
  EXPECT_EQ(y("[1, -1, +1, 0x1F, 0o17, 017, 1.5, .5, 1e3, 1_000]"),
            "[1, -1, 1, 31, 15, 17, 1.5, 0.5, 1000, \"1_000\"]");
  EXPECT_EQ(y("[2001-12-14, 2001-12-14t21:59:43.10-05:00, 2001-12-14 21:59:43.10]"),
            "[\"2001-12-14T00:00:00Z\", \"2001-12-14T21:59:43-05:00\", \"2001-12-14T21:59:43Z\"]");
  EXPECT_EQ(y("[!!str 123, !!int '12', !!float 1, !!bool yes, !!null x, !!binary aGVsbG8=]"),
            "[\"123\", \"12\", 1, true, null, \"aGVsbG8=\"]");
  EXPECT_EQ(y("key: value with spaces\nother:  spaced   \n"),
            "{key = \"value with spaces\", other = \"spaced\"}");
  EXPECT_EQ(y("1: one\n2.5: x\ntrue: t\n"), "{1 = \"one\", 2.5 = \"x\", true = \"t\"}");
  // Untagged block scalars are strings, after the resolution cty applies.
  EXPECT_EQ(y("a: |-\n  1e3\n"), "{a = \"1000\"}");
}

TEST(YamlDecode, BlockStructure) {
  const char* manifest =
      "apiVersion: apps/v1\n"
      "kind: Deployment\n"
      "metadata:\n"
      "  name: web   # a comment\n"
      "  labels: {app: web, tier: \"frontend\"}\n"
      "spec:\n"
      "  replicas: 3\n"
      "  containers:\n"
      "    - name: web\n"
      "      ports:\n"
      "        - containerPort: 80\n"
      "      env:\n"
      "      - name: A\n"
      "        value: \"1\"\n"
      "      command: [\"sh\", \"-c\", \"echo hi\"]\n";
  EXPECT_EQ(call("yamldecode", {S(manifest)}).value.debugString(),
            "{apiVersion = \"apps/v1\", kind = \"Deployment\", metadata = {labels = {app = "
            "\"web\", tier = "
            "\"frontend\"}, name = \"web\"}, spec = {containers = [{command = [\"sh\", \"-c\", "
            "\"echo hi\"], env = "
            "[{name = \"A\", value = \"1\"}], name = \"web\", ports = [{containerPort = 80}]}], "
            "replicas = 3}}");
}

TEST(YamlDecode, MultiLineStrings) {
  auto y = [](std::string src) {
    return call("yamldecode", {S(std::move(src))}).value.debugString();
  };
  EXPECT_EQ(y("a: |\n  line1\n  line2\n"), "{a = \"line1\\nline2\\n\"}");
  EXPECT_EQ(y("a: |-\n  line1\n  line2\n"), "{a = \"line1\\nline2\"}");
  EXPECT_EQ(y("a: |+\n  line1\n\n\n"), "{a = \"line1\\n\\n\\n\"}");
  EXPECT_EQ(y("a: >\n  folded\n  text\n\n  para\n"), "{a = \"folded text\\npara\\n\"}");
  EXPECT_EQ(y("a: >-\n  x\n   indented\n  y\n"), "{a = \"x\\n indented\\ny\"}");
  EXPECT_EQ(y("a: |2\n   two\n  one\n"), "{a = \" two\\none\\n\"}");
  EXPECT_EQ(y("a: |\n  # not a comment\n"), "{a = \"# not a comment\\n\"}");
  EXPECT_EQ(y("a: plain\n  continued\n\n  here\n"), "{a = \"plain continued\\nhere\"}");
  EXPECT_EQ(y("a: 'it''s\n  here'\n"), "{a = \"it's here\"}");
  EXPECT_EQ(y("a: \"esc\\\n   aped \\t \\u00e9 \\x41\"\n"), "{a = \"escaped \t é A\"}");
}

TEST(YamlDecode, AnchorsAndMerges) {
  auto y = [](std::string src) {
    return call("yamldecode", {S(std::move(src))}).value.debugString();
  };
  EXPECT_EQ(y("base: &b {p: 1, q: 2}\nderived:\n  <<: *b\n  q: 3\n"),
            "{base = {p = 1, q = 2}, derived = {p = 1, q = 3}}");
  // YAML 1.1 booleans apply to keys too, as in Terraform: "y" is true.
  EXPECT_EQ(y("{x: 1, y: 2}"), "{true = 2, x = 1}");
  EXPECT_EQ(y("? explicit\n: 3\n? bare\n"), "{bare = null, explicit = 3}");
  EXPECT_EQ(err(call("yamldecode", {S("x: *nope\n")})), "reference to undefined anchor \"nope\"");
  EXPECT_EQ(err(call("yamldecode", {S("<<: [1]\n")})), "cannot merge tuple into mapping");
}

TEST(YamlDecode, ErrorsAsTerraformReportsThem) {
  EXPECT_EQ(err(call("yamldecode", {S("")})), "on line 1, column 1: missing start of document");
  EXPECT_EQ(err(call("yamldecode", {S("a: b: c")})),
            "mapping values are not allowed in this context");
  EXPECT_EQ(err(call("yamldecode", {S("a: 1\n  b: 2\n")})),
            "on line 2, column 1: mapping values are not allowed in this context");
  EXPECT_EQ(err(call("yamldecode", {S("- a\nb: 1\n")})),
            "on line 1, column 1: did not find expected '-' indicator");
  EXPECT_EQ(err(call("yamldecode", {S("a: [1, 2\n")})),
            "on line 1, column 1: did not find expected ',' or ']'");
  EXPECT_EQ(err(call("yamldecode", {S("---\na: 1\n---\nb: 2\n")})),
            "on line 2, column 1: unexpected extra content after value");
  EXPECT_EQ(err(call("yamldecode", {S("a: .nan\n")})), "floating point NaN is not supported");
  EXPECT_EQ(err(call("yamldecode", {S("null: x\n")})), "mapping key cannot be null");
  EXPECT_EQ(err(call("yamldecode", {S("[a]: x\n")})), "only strings are allowed as mapping keys");
  EXPECT_EQ(err(call("yamldecode", {S("\tx: 1\n")})),
            "found character that cannot start any token");
  EXPECT_EQ(err(call("yamldecode", {S("a: !!int nope\n")})),
            "cannot parse \"nope\" as tag:yaml.org,2002:int");
  EXPECT_EQ(err(call("yamldecode", {S("%YAML 1.2\n---\nx\n")})),
            "found incompatible YAML document");
}

TEST(YamlDecode, Bounds) {
  // Aliases multiply: a document whose expansion is too large is refused.
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'j'; ++c, ++prev) {
    bomb += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i) bomb += std::string(i ? ", *" : "*") + prev;
    bomb += "]\n";
  }
  std::string e = err(call("yamldecode", {S(bomb)}));
  EXPECT_NE(e.find("YAML document too large"), std::string::npos) << e;
  EXPECT_NE(
      err(call("yamldecode", {S(std::string(500, '['))})).find("YAML nesting exceeds 200 levels"),
      std::string::npos);
}

TEST(YamlRoundTrip, DecodeWhatWeEncode) {
  Value v = json(
      R"({"a":["x\ny", " lead", "", "yes", "1", null, true, 2.5], "b":{"c":{"d":"e: f"}}, "k\nm":"#x"})");
  FunctionResult enc = call("yamlencode", {v});
  ASSERT_TRUE(enc.ok());
  EXPECT_TRUE(call("yamldecode", {enc.value}).value.rawEquals(v)) << enc.value.asString();
}

// ---------------------------------------------------------------- csvdecode

TEST(CsvDecode, DocumentationExample) {
  Value v = call("csvdecode", {S("a,b,c\n1,2,3\n4,5,6")}).value;
  EXPECT_EQ(v.type(), Type::list(Type::object({{"a", Type::string(), false},
                                               {"b", Type::string(), false},
                                               {"c", Type::string(), false}})));
  EXPECT_EQ(v.debugString(),
            "[{a = \"1\", b = \"2\", c = \"3\"}, {a = \"4\", b = \"5\", c = \"6\"}]");
}

TEST(CsvDecode, Rfc4180) {
  auto c = [](std::string src) {
    return call("csvdecode", {S(std::move(src))}).value.debugString();
  };
  EXPECT_EQ(c("a,b\n\"x,y\",\"q\"\"r\"\n"), "[{a = \"x,y\", b = \"q\\\"r\"}]");
  EXPECT_EQ(c("a,b\r\n\"multi\r\nline\",2\r\n\r\n3,4"),
            "[{a = \"multi\\nline\", b = \"2\"}, {a = \"3\", b = \"4\"}]");
  EXPECT_EQ(c(" a , b \n 1 , 2 "), "[{ a  = \" 1 \",  b  = \" 2 \"}]");
  EXPECT_EQ(c("a,b\n"), "[]");
}

TEST(CsvDecode, Errors) {
  EXPECT_EQ(err(call("csvdecode", {S("")})), "missing header line");
  EXPECT_EQ(err(call("csvdecode", {S("a,a\n1,2")})), "duplicate column name \"a\"");
  EXPECT_EQ(err(call("csvdecode", {S("a,b\n1,2,3")})),
            "CSV parse error on line 2: wrong number of fields");
  EXPECT_EQ(err(call("csvdecode", {S("a,b\n\"x\"y,z")})),
            "CSV parse error on line 2: extraneous or missing \" in quoted-field");
  EXPECT_EQ(err(call("csvdecode", {S("a,b\nx\"y,z")})),
            "CSV parse error on line 2: bare \" in non-quoted-field");
  EXPECT_EQ(err(call("csvdecode", {S("a,b\n1,\"open\n\nmore")})),
            "CSV parse error on line 4: extraneous or missing \" in quoted-field");
}

// ---------------------------------------------------------------- base64, url, text

TEST(Base64, Rfc4648Vectors) {
  const std::pair<const char*, const char*> vectors[] = {{"", ""},
                                                         {"f", "Zg=="},
                                                         {"fo", "Zm8="},
                                                         {"foo", "Zm9v"},
                                                         {"foob", "Zm9vYg=="},
                                                         {"fooba", "Zm9vYmE="},
                                                         {"foobar", "Zm9vYmFy"}};
  for (const auto& [plain, encoded] : vectors) {
    EXPECT_EQ(str(call("base64encode", {S(plain)})), encoded);
    EXPECT_EQ(str(call("base64decode", {S(encoded)})), plain);
  }
}

TEST(Base64, DocumentationExamples) {
  EXPECT_EQ(str(call("base64encode", {S("Hello World")})), "SGVsbG8gV29ybGQ=");
  EXPECT_EQ(str(call("base64decode", {S("SGVsbG8gV29ybGQ=")})), "Hello World");
  EXPECT_EQ(str(call("textencodebase64", {S("Hello World"), S("UTF-8")})), "SGVsbG8gV29ybGQ=");
  EXPECT_EQ(str(call("textdecodebase64", {S("SGVsbG8gV29ybGQ="), S("utf-8")})), "Hello World");
}

TEST(Base64, DecodeErrors) {
  EXPECT_EQ(str(call("base64decode", {S("SGVs\nbG8=")})), "Hello");  // newlines ignored, as in Go
  EXPECT_EQ(err(call("base64decode", {S("SGVsbG8gV29ybGQ")})),
            "failed to decode base64 data \"SGVsbG8gV29ybGQ\"");
  EXPECT_EQ(err(call("base64decode", {S("!!!!").markedSensitive()})),
            "failed to decode base64 data (sensitive value)");
  EXPECT_EQ(err(call("base64decode", {S("/w==")})),
            "the result of decoding the provided string is not valid UTF-8");
  EXPECT_EQ(err(call("textdecodebase64", {S("AA==x"), S("UTF-8")})),
            "the given value is has an invalid base64 symbol at offset 4");
  EXPECT_EQ(err(call("textdecodebase64", {S("QQ"), S("UTF-8")})),
            "the given value is has an invalid base64 symbol at offset 0");
  EXPECT_EQ(err(call("textdecodebase64", {S("/w=="), S("UTF-8")})),
            "the given string contains symbols that are not defined for UTF-8");
}

TEST(Base64, OtherEncodingsAndGzipAreUnknown) {
  // Only UTF-8 is implemented; Terraform would give SABlAGwAbABvACAAVwBvAHIAbABkAA== here.
  EXPECT_FALSE(call("textencodebase64", {S("Hello World"), S("UTF-16LE")}).value.isKnown());
  EXPECT_FALSE(call("textdecodebase64", {S("SABlAGwAbABvACAAVwBvAHIAbABkAA=="), S("UTF-16LE")})
                   .value.isKnown());
  EXPECT_FALSE(call("base64gzip", {S("test")}).value.isKnown());
}

TEST(UrlEncode, DocumentationExamples) {
  EXPECT_EQ(str(call("urlencode", {S("Hello World!")})), "Hello+World%21");
  EXPECT_EQ(str(call("urlencode", {S("☃")})), "%E2%98%83");
  EXPECT_EQ(str(call("urlencode", {S("terraform urlencode")})), "terraform+urlencode");
  EXPECT_EQ(str(call("urlencode", {S("foo:bar@localhost?foo=bar&bar=baz")})),
            "foo%3Abar%40localhost%3Ffoo%3Dbar%26bar%3Dbaz");
  EXPECT_EQ(str(call("urlencode", {S("~-_.")})), "~-_.");
}

TEST(EncodingFunctions, UnknownArgumentsGiveUnknownStrings) {
  for (const char* name :
       {"base64encode", "base64decode", "urlencode", "yamlencode", "csvdecode"}) {
    FunctionResult r = call(name, {Value::unknown(Type::string(), {"var.x"})});
    ASSERT_TRUE(r.ok()) << name;
    EXPECT_FALSE(r.value.isKnown()) << name;
    ASSERT_EQ(r.value.references().size(), 1u) << name;
  }
}

}  // namespace
}  // namespace tfguard::eval
