#include "base/unicode_nfc.h"

#include <gtest/gtest.h>

#include <string>

namespace tfguard::utf8 {
namespace {

TEST(UnicodeNfc, AsciiIsUnchanged) {
  EXPECT_EQ(toNfc(""), "");
  EXPECT_EQ(toNfc("resource \"aws_s3_bucket\" \"b\" {}\n"),
            "resource \"aws_s3_bucket\" \"b\" {}\n");
  EXPECT_TRUE(isNfc("plain ascii"));
  EXPECT_TRUE(isNfc(""));
}

TEST(UnicodeNfc, ComposesBaseAndMark) {
  EXPECT_EQ(toNfc("e\u0301"), "\u00e9");
  EXPECT_EQ(toNfc("cafe\u0301!"), "caf\u00e9!");
  EXPECT_FALSE(isNfc("e\u0301"));
  EXPECT_TRUE(isNfc("\u00e9"));
  // é is a composite, but é + ̂ has none: the circumflex stays separate.
  EXPECT_EQ(toNfc("e\u0301\u0302"), "\u00e9\u0302");
  // ê + ́ does compose (U+1EBF).
  EXPECT_EQ(toNfc("e\u0302\u0301"), "\u1ebf");
}

TEST(UnicodeNfc, DecomposesAndRecomposes) {
  // Already composed but followed by a mark that should combine first.
  EXPECT_EQ(toNfc("\u00c5\u0301"), "\u01fa");
  EXPECT_EQ(toNfc("\u1e0b\u0323"), "\u1e0d\u0307");  // ḋ + dot below → ḍ + dot above
  EXPECT_EQ(toNfc("\u01fa"), "\u01fa");
}

TEST(UnicodeNfc, CanonicalOrderingOfMarks) {
  // ccc(U+0323) = 220 < ccc(U+0307) = 230: both orders normalise to ạ + ̇.
  EXPECT_EQ(toNfc("a\u0323\u0307"), "\u1ea1\u0307");
  EXPECT_EQ(toNfc("a\u0307\u0323"), "\u1ea1\u0307");
  // Equal classes keep their order and block each other.
  EXPECT_EQ(toNfc("a\u0301\u0300"), "\u00e1\u0300");
  EXPECT_EQ(toNfc("a\u0300\u0301"), "\u00e0\u0301");
}

TEST(UnicodeNfc, BlockedByStarter) {
  // A starter between the base and the mark blocks composition.
  EXPECT_EQ(toNfc("ey\u0301"), "e\u00fd");
  EXPECT_EQ(toNfc("a-\u0301"), "a-\u0301");
  EXPECT_EQ(toNfc("\u0301e"), "\u0301e");
}

TEST(UnicodeNfc, Hangul) {
  EXPECT_EQ(toNfc("\u1100\u1161"), "\uac00");
  EXPECT_EQ(toNfc("\u1100\u1161\u11a8"), "\uac01");
  EXPECT_EQ(toNfc("\uac00\u11a8"), "\uac01");
  EXPECT_EQ(toNfc("\uac01"), "\uac01");
  EXPECT_EQ(toNfc("\uac01\u11a8"), "\uac01\u11a8");  // LVT takes no second T
  EXPECT_TRUE(isNfc("\ud55c\uad6d\uc5b4"));
  EXPECT_FALSE(isNfc("\u1112\u1161\u11ab"));
  EXPECT_EQ(toNfc("\u1112\u1161\u11ab"), "\ud55c");
}

TEST(UnicodeNfc, SingletonsDecompose) {
  EXPECT_EQ(toNfc("\u212b"), "\u00c5");  // ANGSTROM SIGN
  EXPECT_EQ(toNfc("\u2126"), "\u03a9");  // OHM SIGN
  EXPECT_EQ(toNfc("\u212a"), "K");       // KELVIN SIGN
  EXPECT_FALSE(isNfc("\u212b"));
}

TEST(UnicodeNfc, CompositionExclusionsStayDecomposed) {
  EXPECT_EQ(toNfc("\u0958"), "\u0915\u093c");
  EXPECT_EQ(toNfc("\u0915\u093c"), "\u0915\u093c");
  EXPECT_TRUE(isNfc("\u0915\u093c"));
  // Non-starter decomposition: U+0344 → U+0308 U+0301.
  EXPECT_EQ(toNfc("\u0344"), "\u0308\u0301");
}

TEST(UnicodeNfc, CompatibilityCharactersAreKept) {
  EXPECT_EQ(toNfc("\ufb01"), "\ufb01");  // ﬁ ligature: NFKC only
  EXPECT_EQ(toNfc("\u2460"), "\u2460");
}

TEST(UnicodeNfc, SupplementaryPlane) {
  // U+1D15E MUSICAL SYMBOL HALF NOTE is excluded from composition.
  EXPECT_EQ(toNfc("\U0001D15E"), "\U0001D157\U0001D165");
  EXPECT_EQ(toNfc("\U00011099\U000110BA"), "\U0001109A");
}

TEST(UnicodeNfc, InvalidBytesPassThrough) {
  const std::string withFf = std::string("a\xff") + "b";
  EXPECT_EQ(toNfc(withFf), withFf);
  EXPECT_EQ(toNfc("\xc0\x80"), "\xc0\x80");
  EXPECT_EQ(toNfc("\xed\xa0\x80"), "\xed\xa0\x80");  // surrogate
  EXPECT_EQ(toNfc("e\x80\u0301"), "e\x80\u0301");    // stray continuation blocks
  EXPECT_EQ(toNfc("e\u0301\xfe"), "\u00e9\xfe");
  EXPECT_EQ(toNfc("\xe0\x80\x80\u0301"), "\xe0\x80\x80\u0301");
  // A sequence cut off by the end of input ends normalisation, as in Go.
  EXPECT_EQ(toNfc("e\u0301\xe1\x84"), "\u00e9\xe1\x84");
  EXPECT_EQ(toNfc("\xf0\xcc\x81"), "\xf0\xcc\x81");
  EXPECT_TRUE(isNfc("a\xff"));
}

TEST(UnicodeNfc, StreamSafeInsertsGraphemeJoiner) {
  // Go's norm inserts U+034F after 30 consecutive non-starters.
  std::string in = "a";
  for (int i = 0; i < 31; ++i) in += "\u0301";
  std::string want = "\u00e1";
  for (int i = 0; i < 29; ++i) want += "\u0301";
  want += "\u034f\u0301";
  EXPECT_EQ(toNfc(in), want);
}

TEST(UnicodeNfc, LowSixteenBitsCompositionKeyLikeGo) {
  // norm's combine() keys pairs by the low 16 bits of each code point, so
  // U+10065 + U+0301 composes to U+00E9 in Go (and hence in Terraform).
  EXPECT_EQ(toNfc("\U00010065\u0301"), "\u00e9");
}

TEST(UnicodeNfc, IsNfcAgreesWithToNfc) {
  for (const char* s : {"e\u0301", "\u00e9", "a\u0307\u0323", "\u1ea1\u0307", "\uac00",
                        "\u1100\u1161", "x\xff", "\u0958"}) {
    EXPECT_EQ(isNfc(s), toNfc(s) == s) << s;
  }
}

}  // namespace
}  // namespace tfguard::utf8
