// makePrinter, shouldUseColor and the helpers the printers share.
#include <unistd.h>

#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

#include "base/utf8.h"
#include "report/printer_util.h"
#include "report/report.h"

namespace tfguard::report {

std::unique_ptr<Printer> makePrinter(std::string_view format, const PrintOptions& options) {
  if (format == "text") return makeTextPrinter(options);
  if (format == "json") return makeJsonPrinter(options);
  if (format == "sarif") return makeSarifPrinter(options);
  if (format == "github") return makeGithubPrinter(options);
  if (format == "checkstyle") return makeCheckstylePrinter(options);
  if (format == "junit") return makeJunitPrinter(options);
  if (format == "codequality") return makeCodeQualityPrinter(options);
  return nullptr;
}

std::vector<std::string_view> printerFormats() {
  return {"text", "json", "sarif", "github", "checkstyle", "junit", "codequality"};
}

bool shouldUseColor(std::string_view mode, int fd) {
  if (mode == "always") return true;
  if (mode != "auto") return false;
  // https://no-color.org: set and not empty disables colour; an explicit
  // --color=always still wins.
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::string_view(term) == "dumb") return false;
  return isatty(fd) == 1;
}

bool spanOf(const Location& loc, Span* out) {
  if (loc.file == nullptr) return false;
  const auto size = static_cast<uint32_t>(loc.file->text().size());
  uint32_t begin = std::min(loc.range.begin, size);
  uint32_t end = std::min(std::max(loc.range.end, begin), size);
  Position b = loc.file->lines().position(begin);
  Position e = loc.file->lines().position(end);
  *out = {b.line, b.column, e.line, e.column};
  return true;
}

std::string_view severityName(Severity severity) {
  switch (severity) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kNote: return "note";
  }
  return "error";
}

std::string sanitize(std::string_view s, std::string_view keep) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    // Printable ASCII, most of any text, is copied a run at a time.
    size_t run = i;
    while (run < s.size() && static_cast<unsigned char>(s[run]) >= 0x20 && static_cast<unsigned char>(s[run]) < 0x7F) ++run;
    if (run > i) {
      out.append(s.substr(i, run - i));
      i = run;
      continue;
    }
    char32_t cp = 0;
    int len = utf8::decode(s, i, &cp);
    if (len <= 0) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    if ((cp < 0x20 || cp == 0x7F) && keep.find(static_cast<char>(cp)) == std::string_view::npos) {
      out += "\xEF\xBF\xBD";
    } else {
      out.append(s.substr(i, static_cast<size_t>(len)));
    }
    i += static_cast<size_t>(len);
  }
  return out;
}

std::string xmlEscape(std::string_view s, bool attribute) {
  std::string out;
  out.reserve(s.size() + 16);
  for (size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    int len = utf8::decode(s, i, &cp);
    if (len <= 0) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    switch (cp) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += attribute ? "&quot;" : "\""; break;
      case '\'': out += attribute ? "&apos;" : "'"; break;
      case '\t': out += attribute ? "&#9;" : "\t"; break;
      case '\n': out += attribute ? "&#10;" : "\n"; break;
      case '\r': out += "&#13;"; break;
      default:
        // XML 1.0 Char: no other C0 controls, no U+FFFE/U+FFFF.
        if (cp < 0x20 || cp == 0xFFFE || cp == 0xFFFF) {
          out += "\xEF\xBF\xBD";
        } else {
          out.append(s.substr(i, static_cast<size_t>(len)));
        }
    }
    i += static_cast<size_t>(len);
  }
  return out;
}

long long roundedMs(double ms) {
  if (!(ms > 0)) return 0;  // also NaN
  if (ms > 1e15) return static_cast<long long>(1e15);
  return std::llround(ms);
}

namespace {

std::string counted(size_t n, std::string_view singular, std::string_view plural) {
  return fmt::format("{} {}", n, n == 1 ? singular : plural);
}

}  // namespace

std::string summaryLine(const Summary& summary) {
  std::string counts;
  auto add = [&](size_t n, std::string_view singular, std::string_view plural) {
    if (n == 0) return;
    if (!counts.empty()) counts += ", ";
    counts += counted(n, singular, plural);
  };
  add(summary.errors, "error", "errors");
  add(summary.warnings, "warning", "warnings");
  add(summary.notes, "note", "notes");
  if (counts.empty()) counts = "no findings";
  std::string out = counts + " in ";
  if (summary.environments > 0) {
    out += counted(summary.environments, "environment", "environments");
    if (summary.partial_environments > 0) {
      std::string modules = fmt::format("{}", fmt::join(summary.partial_modules, ", "));
      out += summary.partial_environments == summary.environments
                 ? fmt::format(" (the part of {} in each)", modules)
                 : fmt::format(" ({} of them in the part of {})", summary.partial_environments, modules);
    }
    out += ", ";
  }
  out += counted(summary.files, "file", "files");
  out += fmt::format(", {} ms", roundedMs(summary.duration_ms));
  std::string extra;
  if (summary.suppressed > 0) extra = fmt::format("{} suppressed", summary.suppressed);
  if (summary.undecided > 0) {
    if (!extra.empty()) extra += ", ";
    extra += fmt::format("{} undecided", summary.undecided);
  }
  if (!extra.empty()) out += " (" + extra + ")";
  return out;
}

std::vector<Shown> shownFindings(const Report& report, const PrintOptions& options) {
  std::vector<Shown> out;
  out.reserve(report.findings.size());
  for (const Finding& f : report.findings) {
    if (f.suppressed && !options.show_suppressed) continue;
    out.push_back({&f, false});
  }
  if (options.show_undecided) {
    for (const Finding& f : report.undecided) out.push_back({&f, true});
  }
  return out;
}

}  // namespace tfguard::report
