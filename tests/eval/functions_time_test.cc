// formatdate, timeadd, timecmp, timestamp, plantimestamp.
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

std::string str(const FunctionResult& r) {
  EXPECT_TRUE(r.ok()) << r.error;
  return r.ok() && r.value.isKnown() && !r.value.isNull() ? r.value.asString() : "<none>";
}

std::string fmt(std::string spec, std::string ts) {
  return str(call("formatdate", {S(std::move(spec)), S(std::move(ts))}));
}
std::string add(std::string ts, std::string d) {
  return str(call("timeadd", {S(std::move(ts)), S(std::move(d))}));
}
long long cmp(std::string a, std::string b) {
  FunctionResult r = call("timecmp", {S(std::move(a)), S(std::move(b))});
  EXPECT_TRUE(r.ok()) << r.error;
  return r.ok() ? *r.value.asNumber().toInt() : 99;
}

TEST(FormatDate, DocumentationExamples) {
  EXPECT_EQ(fmt("DD MMM YYYY hh:mm ZZZ", "2018-01-02T23:12:01Z"), "02 Jan 2018 23:12 UTC");
  EXPECT_EQ(fmt("EEEE, DD-MMM-YY hh:mm:ss ZZZ", "2018-01-02T23:12:01Z"),
            "Tuesday, 02-Jan-18 23:12:01 UTC");
  EXPECT_EQ(fmt("EEE, DD MMM YYYY hh:mm:ss ZZZ", "2018-01-02T23:12:01-08:00"),
            "Tue, 02 Jan 2018 23:12:01 -0800");
  EXPECT_EQ(fmt("MMM DD, YYYY", "2018-01-02T23:12:01Z"), "Jan 02, 2018");
  EXPECT_EQ(fmt("HH:mmaa", "2018-01-02T23:12:01Z"), "11:12pm");
  EXPECT_EQ(fmt("h'h'mm", "2018-01-02T23:12:01-08:00"), "23h12");
  EXPECT_EQ(fmt("H 'o''clock'", "2018-01-02T23:12:01-08:00"), "11 o'clock");
  EXPECT_EQ(fmt("YYYY-MM-DD'T'hh:mm:ssZ", "2018-01-02T23:12:01Z"), "2018-01-02T23:12:01Z");
}

TEST(FormatDate, EverySequence) {
  const std::string t = "2006-01-02T15:04:05+07:00";
  EXPECT_EQ(fmt("YYYY YY MMMM MMM MM M DD D", t), "2006 06 January Jan 01 1 02 2");
  EXPECT_EQ(fmt("EEEE EEE hh h HH H AA aa mm m ss s", t), "Monday Mon 15 15 03 3 PM pm 04 4 05 5");
  EXPECT_EQ(fmt("ZZZZZ|ZZZZ|ZZZ|Z", t), "+07:00|+0700|+0700|+07:00");
  EXPECT_EQ(fmt("ZZZZZ|ZZZZ|ZZZ|Z", "2006-01-02T15:04:05Z"), "+00:00|+0000|UTC|Z");
  EXPECT_EQ(fmt("H:mm AA", "2006-01-02T00:30:00Z"), "12:30 AM");
  EXPECT_EQ(fmt("H:mm AA", "2006-01-02T12:30:00Z"), "12:30 PM");
  EXPECT_EQ(fmt("''", t), "'");
  EXPECT_EQ(fmt("", t), "");
  EXPECT_EQ(fmt("é: YYYY.", t), "é: 2006.");
  EXPECT_EQ(fmt("EEEE", "1970-01-01T00:00:00Z"), "Thursday");
  EXPECT_EQ(fmt("EEEE DD", "2000-02-29T00:00:00Z"), "Tuesday 29");
}

TEST(FormatDate, FormatErrors) {
  auto e = [](std::string spec) {
    return call("formatdate", {S(std::move(spec)), S("2017-11-22T00:00:00Z")});
  };
  EXPECT_EQ(e("YYY").error,
            "invalid date format verb \"YYY\": year must either be \"YY\" or \"YYYY\"");
  EXPECT_EQ(e("YYY").error_arg, 0);
  EXPECT_EQ(
      e("MMMMM").error,
      "invalid date format verb \"MMMMM\": month must be \"M\", \"MM\", \"MMM\", or \"MMMM\"");
  EXPECT_EQ(e("DDD").error,
            "invalid date format verb \"DDD\": day of month must either be \"D\" or \"DD\"");
  EXPECT_EQ(e("EE").error,
            "invalid date format verb \"EE\": day of week must either be \"EEE\" or \"EEEE\"");
  EXPECT_EQ(e("hhh").error,
            "invalid date format verb \"hhh\": 24-hour must either be \"h\" or \"hh\"");
  EXPECT_EQ(e("HHH").error,
            "invalid date format verb \"HHH\": 12-hour must either be \"H\" or \"HH\"");
  EXPECT_EQ(e("a").error, "invalid date format verb \"a\": must be \"aa\"");
  EXPECT_EQ(e("mmm").error,
            "invalid date format verb \"mmm\": minute must either be \"m\" or \"mm\"");
  EXPECT_EQ(e("sss").error,
            "invalid date format verb \"sss\": second must either be \"s\" or \"ss\"");
  EXPECT_EQ(e("ZZ").error, "invalid date format verb \"ZZ\": timezone must be Z, ZZZZ, or ZZZZZ");
  EXPECT_EQ(e("x").error, "invalid date format verb \"x\"");
  EXPECT_EQ(e("'abc").error, "unterminated literal '");
}

TEST(Timestamps, ParseErrorsAsTerraformWordsThem) {
  auto e = [](std::string ts) { return call("formatdate", {S("YYYY"), S(std::move(ts))}); };
  EXPECT_EQ(e("2017-11-22 00:00:00Z").error,
            "not a valid RFC3339 timestamp: missing required time introducer 'T'");
  EXPECT_EQ(e("2017-11-22 00:00:00Z").error_arg, 1);
  EXPECT_EQ(e("2017-13-22T00:00:00Z").error,
            "not a valid RFC3339 timestamp: cannot use \"-22T00:00:00Z\" as month");
  EXPECT_EQ(e("2017-02-29T00:00:00Z").error, "not a valid RFC3339 timestamp: day out of range");
  EXPECT_EQ(e("2017-11-22T00:00:00").error,
            "not a valid RFC3339 timestamp: end of string before UTC offset");
  EXPECT_EQ(e("2017-11-22T00:00").error,
            "not a valid RFC3339 timestamp: end of string where \":\" is expected");
  EXPECT_EQ(e("2017-11-22T24:00:00Z").error,
            "not a valid RFC3339 timestamp: cannot use \":00:00Z\" as hour");
  EXPECT_EQ(e("2017/11/22T00:00:00Z").error,
            "not a valid RFC3339 timestamp: found \"/11/22T00:00:00Z\" where \"-\" is expected");
  EXPECT_EQ(e("2017-11-22T00:00:00+01:00x").error,
            "not a valid RFC3339 timestamp: cannot use \"x\" as timestamp segment");
  EXPECT_EQ(e("abc").error, "not a valid RFC3339 timestamp: cannot use \"abc\" as year");
  EXPECT_EQ(e("").error, "not a valid RFC3339 timestamp: end of string before year");
  // What Go's parser accepts, Terraform accepts.
  EXPECT_EQ(fmt("hh", "2017-11-22T1:02:03Z"), "01");
  EXPECT_EQ(fmt("ss", "2017-11-22T01:02:03.123456789Z"), "03");
}

TEST(TimeAdd, DocumentationExamples) {
  EXPECT_EQ(add("2024-08-16T12:45:05Z", "10m"), "2024-08-16T12:55:05Z");
  EXPECT_EQ(add("2024-08-16T12:45:05Z", "-10m"), "2024-08-16T12:35:05Z");
  EXPECT_EQ(add("2017-11-22T00:00:00Z", "10m"), "2017-11-22T00:10:00Z");
}

TEST(TimeAdd, Durations) {
  EXPECT_EQ(add("2017-11-22T00:00:00Z", "1.5h"), "2017-11-22T01:30:00Z");
  EXPECT_EQ(add("2017-11-22T00:00:00Z", "1h30m"), "2017-11-22T01:30:00Z");
  EXPECT_EQ(add("2017-11-22T00:00:00Z", "-2h5m"), "2017-11-21T21:55:00Z");
  EXPECT_EQ(add("2017-11-22T00:00:00Z", "8760h"), "2018-11-22T00:00:00Z");
  EXPECT_EQ(add("2017-11-22T00:00:00Z", "0"), "2017-11-22T00:00:00Z");
  EXPECT_EQ(add("2017-11-22T00:00:00Z", "1µs"), "2017-11-22T00:00:00Z");
  EXPECT_EQ(add("2017-11-22T00:00:00.5Z", "1.5s"), "2017-11-22T00:00:02Z");
  // The result keeps the timestamp's UTC offset.
  EXPECT_EQ(add("2017-11-22T00:00:00+05:30", "-90m"), "2017-11-21T22:30:00+05:30");
  EXPECT_EQ(add("2017-11-22T00:00:00-00:00", "1s"), "2017-11-22T00:00:01Z");
  EXPECT_EQ(add("2000-02-28T23:00:00Z", "1h"), "2000-02-29T00:00:00Z");
  EXPECT_EQ(add("1969-12-31T23:59:59Z", "1s"), "1970-01-01T00:00:00Z");
}

TEST(TimeAdd, Errors) {
  auto e = [](std::string d) {
    return call("timeadd", {S("2017-11-22T00:00:00Z"), S(std::move(d))}).error;
  };
  EXPECT_EQ(e("1x"), "time: unknown unit \"x\" in duration \"1x\"");
  EXPECT_EQ(e("1"), "time: missing unit in duration \"1\"");
  EXPECT_EQ(e(""), "time: invalid duration \"\"");
  EXPECT_EQ(e(".s"), "time: invalid duration \".s\"");
  EXPECT_EQ(e("9999999999h"), "time: invalid duration \"9999999999h\"");
  EXPECT_EQ(call("timeadd", {S("2017-11-22"), S("1h")}).error,
            "not a valid RFC3339 timestamp: missing required time introducer 'T'");
}

TEST(TimeCmp, DocumentationExamples) {
  EXPECT_EQ(cmp("2017-11-22T00:00:00Z", "2017-11-22T00:00:00Z"), 0);
  EXPECT_EQ(cmp("2017-11-22T00:00:00Z", "2017-11-22T01:00:00Z"), -1);
  EXPECT_EQ(cmp("2017-11-22T01:00:00Z", "2017-11-22T00:00:00Z"), 1);
  EXPECT_EQ(cmp("2017-11-22T01:00:00Z", "2017-11-22T00:00:00-01:00"), 0);
  EXPECT_EQ(cmp("2017-11-22T06:00:00+02:00", "2017-11-22T04:00:00Z"), 0);
  EXPECT_EQ(cmp("2017-11-22T00:00:00.1Z", "2017-11-22T00:00:00Z"), 1);
}

TEST(TimeCmp, ErrorsNameTheArgument) {
  FunctionResult r = call("timecmp", {S("2017-11-22T00:00:00Z"), S("nope")});
  EXPECT_EQ(r.error, "not a valid RFC3339 timestamp: cannot use \"nope\" as year");
  EXPECT_EQ(r.error_arg, 1);
}

TEST(TimeFunctions, RunTimeValuesAreUnknown) {
  for (const char* name : {"timestamp", "plantimestamp"}) {
    FunctionResult r = call(name, {});
    ASSERT_TRUE(r.ok()) << name;
    EXPECT_FALSE(r.value.isKnown()) << name;
    EXPECT_EQ(r.value.type(), Type::string());
  }
  // ...and so is anything computed from them.
  FunctionResult r = call("formatdate", {S("YYYY"), Value::unknown(Type::string())});
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r.value.isKnown());
  EXPECT_EQ(r.value.type(), Type::string());
  FunctionResult c = call("timecmp", {Value::unknown(Type::string()), S("2017-11-22T00:00:00Z")});
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c.value.type(), Type::number());
}

}  // namespace
}  // namespace tfguard::eval
