#pragma once
// Helpers the printers share (private to src/report/): positions of a
// Location, severity names, text sanitising and XML escaping, and the
// selection of what a human-facing printer shows.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "report/report.h"

namespace tfguard::report {

/// 1-based line/column of a location's range, columns in code points; the
/// end is exclusive (the column after the last character), as in SARIF.
struct Span {
  uint32_t line = 0;
  uint32_t column = 0;
  uint32_t end_line = 0;
  uint32_t end_column = 0;
};

/// False when the location has no file.
bool spanOf(const Location& loc, Span* out);

std::string_view severityName(Severity severity);

/// Replaces invalid UTF-8 with U+FFFD and C0 control characters (other than
/// those in `keep`) and DEL with U+FFFD, so that terminal escapes in
/// user-controlled values cannot reach the output.
std::string sanitize(std::string_view s, std::string_view keep = "\t");

/// Escapes for XML 1.0 text or attributes: characters XML cannot carry at all
/// become U+FFFD; in attributes "\t\n\r" become character references so that
/// attribute-value normalisation keeps them.
std::string xmlEscape(std::string_view s, bool attribute);

/// "3 errors, 2 warnings in 2 environments, 41 files, 12 ms (1 suppressed)".
std::string summaryLine(const Summary& summary);

/// The findings a human-facing printer (text, github, checkstyle, junit)
/// shows, in report order: suppressed ones only with show_suppressed; then the
/// undecided ones with show_undecided.
struct Shown {
  const Finding* finding;
  bool undecided;
};
std::vector<Shown> shownFindings(const Report& report, const PrintOptions& options);

/// Rounded milliseconds, never negative.
long long roundedMs(double ms);

std::unique_ptr<Printer> makeTextPrinter(const PrintOptions& options);
std::unique_ptr<Printer> makeJsonPrinter(const PrintOptions& options);
std::unique_ptr<Printer> makeSarifPrinter(const PrintOptions& options);
std::unique_ptr<Printer> makeGithubPrinter(const PrintOptions& options);
std::unique_ptr<Printer> makeCheckstylePrinter(const PrintOptions& options);
std::unique_ptr<Printer> makeJunitPrinter(const PrintOptions& options);
std::unique_ptr<Printer> makeCodeQualityPrinter(const PrintOptions& options);

}  // namespace tfguard::report
