// Golden outputs of every printer on the sample report, plus the properties
// the goldens do not make obvious: escaping, filtering, colour decisions.
#include <cstdlib>

#include "report/printer_util.h"
#include "report/report.h"
#include "report_fixture.h"

namespace tfguard::report {
namespace {

using testing::expectGolden;
using testing::render;
using testing::sampleReport;

TEST(ReportFormats, KnownAndUnknown) {
  for (std::string_view format : printerFormats()) EXPECT_NE(makePrinter(format, {}), nullptr) << format;
  EXPECT_EQ(makePrinter("yaml", {}), nullptr);
  EXPECT_EQ(printerFormats().size(), 7u);
}

TEST(TextPrinter, Plain) { expectGolden("text_plain.txt", render("text", sampleReport())); }

TEST(TextPrinter, Color) {
  PrintOptions options;
  options.color = true;
  expectGolden("text_color.txt", render("text", sampleReport(), options));
}

TEST(TextPrinter, SuppressedAndUndecided) {
  PrintOptions options;
  options.show_suppressed = true;
  options.show_undecided = true;
  expectGolden("text_all.txt", render("text", sampleReport(), options));
}

TEST(TextPrinter, HidesSuppressedAndUndecidedByDefault) {
  std::string out = render("text", sampleReport());
  EXPECT_EQ(out.find("suppressed]"), std::string::npos);
  EXPECT_EQ(out.find("undecided:"), std::string::npos);
  EXPECT_EQ(out.find('\x1b'), std::string::npos);
  EXPECT_NE(out.find("tfguard: error: Variable"), std::string::npos);
}

TEST(TextPrinter, NoFindings) {
  Report report;
  report.summary = {.files = 1, .environments = 1, .duration_ms = 0.4};
  expectGolden("text_empty.txt", render("text", report));
  report.summary = {.files = 3, .environments = 0, .suppressed = 2, .duration_ms = 7};
  EXPECT_EQ(render("text", report), "no findings in 3 files, 7 ms (2 suppressed)\n");
  report.summary = {.files = 2, .environments = 3, .errors = 1, .warnings = 1, .notes = 1, .undecided = 4};
  EXPECT_EQ(render("text", report), "1 error, 1 warning, 1 note in 3 environments, 2 files, 0 ms (4 undecided)\n");
}

TEST(TextPrinter, SaysWhenEnvironmentsWereCheckedInTheChangedModulesPart) {
  Report report;
  report.summary = {.files = 56, .environments = 3, .partial_environments = 3, .partial_modules = {"modules/m0"},
                    .warnings = 2};
  EXPECT_EQ(render("text", report), "2 warnings in 3 environments (the part of modules/m0 in each), 56 files, 0 ms\n");
  report.summary.partial_environments = 2;
  report.summary.partial_modules = {"modules/a", "modules/b"};
  EXPECT_EQ(render("text", report),
            "2 warnings in 3 environments (2 of them in the part of modules/a, modules/b), 56 files, 0 ms\n");
}

TEST(TextPrinter, SanitizesControlCharacters) {
  Report report = sampleReport();
  report.findings.resize(1);
  report.findings[0].summary = "evil \x1b[31mred\x1b[0m \xff";
  std::string out = render("text", report);
  EXPECT_EQ(out.find('\x1b'), std::string::npos);
  EXPECT_NE(out.find("evil \xEF\xBF\xBD[31mred"), std::string::npos);
}

TEST(Sanitize, KeepsPrintableTextAndReplacesControlsAndBadBytes) {
  const std::string r = "\xEF\xBF\xBD";  // U+FFFD
  EXPECT_EQ(report::sanitize("plain text, 100% ASCII ~"), "plain text, 100% ASCII ~");
  EXPECT_EQ(report::sanitize("a\tb\x1b[0m\x7f\nc"), "a\tb" + r + "[0m" + r + r + "c");
  EXPECT_EQ(report::sanitize("a\nb", "\n"), "a\nb");
  EXPECT_EQ(report::sanitize("caf\xC3\xA9 \xE2\x82\xAC \xff end"), "caf\xC3\xA9 \xE2\x82\xAC " + r + " end");
  EXPECT_EQ(report::sanitize("\xC3"), r);  // a truncated sequence
  EXPECT_EQ(report::sanitize(""), "");
}

TEST(TextPrinter, RangeOnWideCharactersAndTabs) {
  std::string out = render("text", sampleReport());
  // 'description = "héllo ' is 21 columns; 世界 takes 4.
  EXPECT_NE(out.find("    1 | description = \"héllo 世界 ✓\"\n      |                      ^~~~\n"), std::string::npos)
      << out;
  // The tab before "name" expands to 8 columns, the one after "name" to 4.
  EXPECT_NE(out.find("    2 |         name    = \"x\"   # why\n      |                   ^~~\n"), std::string::npos)
      << out;
}

TEST(ReportColor, ShouldUseColor) {
  ::unsetenv("NO_COLOR");
  ::setenv("TERM", "xterm-256color", 1);
  EXPECT_TRUE(shouldUseColor("always", -1));
  EXPECT_FALSE(shouldUseColor("never", 1));
  EXPECT_FALSE(shouldUseColor("sometimes", 1));
  EXPECT_FALSE(shouldUseColor("auto", -1));  // not a terminal
  ::setenv("NO_COLOR", "1", 1);
  EXPECT_TRUE(shouldUseColor("always", -1));
  EXPECT_FALSE(shouldUseColor("auto", 1));
  ::unsetenv("NO_COLOR");
  ::setenv("TERM", "dumb", 1);
  EXPECT_FALSE(shouldUseColor("auto", 1));
  ::unsetenv("TERM");
}

TEST(GithubPrinter, Golden) { expectGolden("github.txt", render("github", sampleReport())); }

TEST(GithubPrinter, Escaping) {
  std::string out = render("github", sampleReport());
  EXPECT_NE(out.find("::warning file=tabs dir/tabs.tf,line=2,col=9,endLine=2,endColumn=11,title=tab-indent::"
                     "Indentation uses tabs, values \"quoted\" & <angled>, commas: yes\n"),
            std::string::npos)
      << out;
  // Multi-line range: no columns.
  EXPECT_NE(out.find("::error file=terraform/modules/signaling-server/main.tf,line=3,endLine=6,title=ssh-admin-cidr::"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("Missing newline%0Aafter value"), std::string::npos);
  Report report;
  Finding f;
  f.rule = "a,b:c%";
  f.summary = "100% done\r\n";
  report.findings = {f};
  EXPECT_EQ(render("github", report), "::error title=a%2Cb%3Ac%25::100%25 done%0D%0A\n");
}

TEST(CheckstylePrinter, Golden) {
  PrintOptions options;
  options.show_suppressed = true;
  expectGolden("checkstyle.xml", render("checkstyle", sampleReport(), options));
}

TEST(JunitPrinter, Golden) {
  PrintOptions options;
  options.show_undecided = true;
  expectGolden("junit.xml", render("junit", sampleReport(), options));
}

TEST(CodeQualityPrinter, Golden) {
  // Suppressed, undecided and file-less findings are left out whatever the options.
  PrintOptions options;
  options.show_undecided = true;
  options.show_suppressed = true;
  expectGolden("codequality.json", render("codequality", sampleReport(), options));
}

TEST(CodeQualityPrinter, EmptyReportAndRepeatedFingerprints) {
  EXPECT_EQ(render("codequality", Report{}), "[]\n");
  Report report = sampleReport();
  report.findings = {report.findings[3], report.findings[3]};
  std::string out = render("codequality", report);
  EXPECT_NE(out.find("\"fingerprint\": \"" + report.findings[0].fingerprint + "-2\""), std::string::npos) << out;
}

TEST(JunitPrinter, EmptyReport) {
  Report report;
  EXPECT_EQ(render("junit", report),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<testsuites name=\"tfguard\" tests=\"0\" failures=\"0\" errors=\"0\" skipped=\"0\" time=\"0.000\">\n"
            "  <testsuite name=\"tfguard\" tests=\"0\" failures=\"0\" errors=\"0\" skipped=\"0\">\n"
            "  </testsuite>\n"
            "</testsuites>\n");
}

TEST(CheckstylePrinter, XmlEscaping) {
  Report report;
  Finding f;
  f.rule = "r";
  f.summary = "a<b>&\"c'\x01\n";
  report.findings = {f};
  std::string out = render("checkstyle", report);
  EXPECT_NE(out.find("message=\"a&lt;b&gt;&amp;&quot;c&apos;\xEF\xBF\xBD&#10;\""), std::string::npos) << out;
}

TEST(ReportDeterminism, SameOutputTwice) {
  PrintOptions options;
  options.show_undecided = true;
  options.show_suppressed = true;
  for (std::string_view format : printerFormats())
    EXPECT_EQ(render(format, sampleReport(), options), render(format, sampleReport(), options)) << format;
}

}  // namespace
}  // namespace tfguard::report
