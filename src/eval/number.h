#pragma once
// Numbers as Terraform computes them, within what a fixed-size type allows:
// integers are exact up to 2^64, decimals are computed in extended precision
// (64-bit mantissa) and printed as the shortest text that reads back as the
// same double. So 0.1 + 0.2 prints "0.3" as in Terraform (cty uses 512-bit
// floats), where plain doubles would print 0.30000000000000004.
//
// Terraform prints numbers with big.Float.Text('f', -1): the shortest digits
// that identify the value, never an exponent, so 1e23 prints
// "100000000000000000000000". A parsed literal whose digits the long double
// cannot reproduce keeps its exact decimal text for printing.
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace tfguard::eval {

class Number {
 public:
  Number() = default;
  explicit Number(long double v) : v_(v) {}
  static Number fromInt(long long v) { return Number(static_cast<long double>(v)); }
  /// Parses Terraform number syntax ("12", "-1.5", "1e5", " 3 " is not a number).
  static std::optional<Number> parse(std::string_view text);

  long double value() const { return v_; }
  bool isInteger() const;
  bool isFinite() const;
  /// The value as an integer if it is one and fits, else nullopt.
  std::optional<long long> toInt() const;
  /// Terraform's formatting: "1", "1.5", "0.0000001", "100000000000000000000000";
  /// never an exponent, integers in full.
  std::string toString() const;

  friend bool operator==(const Number& a, const Number& b) { return a.v_ == b.v_; }
  friend auto operator<=>(const Number& a, const Number& b) { return a.v_ <=> b.v_; }

 private:
  long double v_ = 0;
  /// The literal's exact value in plain notation, only when v_ cannot print
  /// it (more digits than a long double holds: 123456789012345678901234).
  /// Arithmetic starts from v_ alone, so results print at v_'s precision.
  std::shared_ptr<const std::string> exact_;
};

}  // namespace tfguard::eval
