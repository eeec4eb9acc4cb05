// Number::toString against Terraform. Terraform (cty) parses number literals
// as 512-bit big.Float values and prints them with Text('f', -1): the
// shortest digits that identify the value, the exponent written out. So
// `tostring(1e23)` and "${1e23}" are "100000000000000000000000", never
// "1e+23" nor the nearest double's 99999999999999991611392.
#include "eval/number.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace tfguard::eval {
namespace {

std::string printed(std::string_view literal) {
  std::optional<Number> n = Number::parse(literal);
  EXPECT_TRUE(n) << literal;
  return n ? n->toString() : "";
}

TEST(NumberTest, SmallIntegersAndDecimals) {
  EXPECT_EQ(printed("0"), "0");
  EXPECT_EQ(printed("1"), "1");
  EXPECT_EQ(printed("-5"), "-5");
  EXPECT_EQ(printed("1.5"), "1.5");
  EXPECT_EQ(printed("1.50"), "1.5");
  EXPECT_EQ(printed("1.0"), "1");
  EXPECT_EQ(printed("007"), "7");
  EXPECT_EQ(printed("0.1"), "0.1");
  EXPECT_EQ(printed("3.14159"), "3.14159");
  EXPECT_EQ(printed("1e2"), "100");
  EXPECT_EQ(printed("1.5e3"), "1500");
  EXPECT_EQ(printed("123.456e1"), "1234.56");
  EXPECT_EQ(printed("25e-2"), "0.25");
}

TEST(NumberTest, NoExponentForSmallDecimals) {
  EXPECT_EQ(printed("1e-7"), "0.0000001");
  EXPECT_EQ(printed("-2.5e-10"), "-0.00000000025");
}

TEST(NumberTest, BigIntegerLiteralsPrintInFull) {
  EXPECT_EQ(printed("1e23"), "100000000000000000000000");
  EXPECT_EQ(printed("-1e23"), "-100000000000000000000000");
  EXPECT_EQ(printed("1e21"), "1000000000000000000000");
  EXPECT_EQ(printed("1e28"), "10000000000000000000000000000");
  EXPECT_EQ(printed("1.5e30"), "1500000000000000000000000000000");
  EXPECT_EQ(printed("1e100"), "1" + std::string(100, '0'));
  EXPECT_EQ(printed("18446744073709551615"), "18446744073709551615");  // 2^64 - 1
  EXPECT_EQ(printed("18446744073709551616"), "18446744073709551616");  // 2^64
  EXPECT_EQ(printed("9007199254740993"), "9007199254740993");          // 2^53 + 1
}

// More digits than a long double holds: the literal's own digits, as the
// 512-bit value Terraform keeps prints them.
TEST(NumberTest, LongLiteralsKeepTheirDigits) {
  EXPECT_EQ(printed("12345678901234567890123"), "12345678901234567890123");
  EXPECT_EQ(printed("-98765432109876543210987654321"), "-98765432109876543210987654321");
  EXPECT_EQ(printed("1234567890123456789012e3"), "1234567890123456789012000");
  EXPECT_EQ(printed("123456789.123456789012345"), "123456789.123456789012345");
  EXPECT_EQ(printed("0.1234567890123456789"), "0.1234567890123456789");
  // The value is still the nearest long double: comparisons and arithmetic
  // work as before.
  EXPECT_EQ(*Number::parse("12345678901234567890123"), Number(12345678901234567890123.0L));
}

TEST(NumberTest, ComputedValues) {
  EXPECT_EQ(Number(0.1L + 0.2L).toString(), "0.3");
  EXPECT_EQ(Number(1.0L / 3.0L).toString(), "0.3333333333333333");
  EXPECT_EQ(Number::fromInt(-42).toString(), "-42");
  EXPECT_EQ(Number::fromInt(9223372036854775807LL).toString(), "9223372036854775807");
  EXPECT_EQ(Number(1e23L).toString(), "100000000000000000000000");
  EXPECT_EQ(Number(1e28L).toString(), "10000000000000000000000000000");
  EXPECT_EQ(Number(-1e28L).toString(), "-10000000000000000000000000000");
  EXPECT_EQ(Number(3e20L).toString(), "300000000000000000000");
}

// cty's float64 functions (pow, ...) return 53-bit numbers, which print at
// a double's precision: pow(2, 64) is 18446744073709552000 in Terraform.
TEST(NumberTest, BigIntegersThatAreDoublesPrintAtDoublePrecision) {
  EXPECT_EQ(Number(std::ldexp(1.0L, 64)).toString(), "18446744073709552000");
  EXPECT_EQ(Number(std::ldexp(1.0L, 70)).toString(), "1180591620717411300000");
  EXPECT_EQ(Number(static_cast<long double>(1e23)).toString(), "100000000000000000000000");
  // Below 2^64 integers are exact whatever their origin.
  EXPECT_EQ(Number(std::ldexp(1.0L, 60)).toString(), "1152921504606846976");
}

TEST(NumberTest, PrintedTextReadsBackAsTheSameNumber) {
  for (long double v : {1e19L, 3e19L, 1.2345e25L, 1e27L + 1, std::ldexp(1.0L, 70),
                        std::ldexp(3.0L, 100), -7.5e40L, 1e-5L, 123.456L}) {
    std::string text = Number(v).toString();
    EXPECT_EQ(text.find('e'), std::string::npos) << text;
    std::optional<Number> back = Number::parse(text);
    ASSERT_TRUE(back) << text;
    EXPECT_EQ(static_cast<double>(back->value()), static_cast<double>(v)) << text;
  }
}

TEST(NumberTest, SpecialValues) {
  EXPECT_EQ(Number(-0.0L).toString(), "-0");  // cty keeps the sign of a negated zero
  EXPECT_EQ(Number(INFINITY).toString(), "+Inf");
  EXPECT_EQ(Number(-INFINITY).toString(), "-Inf");
  EXPECT_FALSE(Number::parse("1e99999"));
  EXPECT_FALSE(Number::parse("1e"));
  EXPECT_FALSE(Number::parse(" 1"));
}

}  // namespace
}  // namespace tfguard::eval
