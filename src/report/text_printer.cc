// The text printer (SPEC §7): compiler-style blocks
//
//   main.tf:31:3: error: SSH (22/tcp) is open to 0.0.0.0/0 [ssh-admin-cidr] (production)
//      31 |   ingress {
//         |   ^~~~~~~
//   terraform.tfvars:4:3: note: value set here
//
// then one summary line. The snippet is the first line of the range; tabs are
// expanded to 8-column stops in both the source line and the underline, and
// wide (East Asian) characters take two columns, so the caret lines up in any
// terminal. Control characters and invalid UTF-8 print as U+FFFD. A location
// marked secret has its text printed as '*'.
#include <fmt/format.h>

#include "base/utf8.h"
#include "report/printer_util.h"

namespace tfguard::report {
namespace {

constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kRed = "\x1b[1;31m";
constexpr std::string_view kMagenta = "\x1b[1;35m";
constexpr std::string_view kCyan = "\x1b[1;36m";
constexpr std::string_view kGreen = "\x1b[1;32m";
constexpr uint32_t kTabStop = 8;

struct CodePointRange {
  char32_t first;
  char32_t last;
};

// Zero-width: combining marks, zero-width spaces and joiners, variation
// selectors, the byte-order mark.
constexpr CodePointRange kZeroWidth[] = {
    {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x0610, 0x061A}, {0x064B, 0x065F},
    {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF}, {0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x2064},
    {0x20D0, 0x20FF}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF}, {0xE0100, 0xE01EF},
};
// Wide: East Asian Wide and Fullwidth blocks and the common emoji blocks.
constexpr CodePointRange kWide[] = {
    {0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},   {0x23E9, 0x23EC},
    {0x2614, 0x2615},   {0x2E80, 0x303E},   {0x3041, 0x33FF},   {0x3400, 0x4DBF},
    {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},   {0xA960, 0xA97F},   {0xAC00, 0xD7A3},
    {0xF900, 0xFAFF},   {0xFE10, 0xFE19},   {0xFE30, 0xFE6F},   {0xFF00, 0xFF60},
    {0xFFE0, 0xFFE6},   {0x16FE0, 0x18AFF}, {0x1B000, 0x1B2FF}, {0x1F300, 0x1F64F},
    {0x1F680, 0x1F6FF}, {0x1F900, 0x1F9FF}, {0x1FA70, 0x1FAFF}, {0x20000, 0x3FFFD},
};

bool inRanges(char32_t cp, const CodePointRange* begin, const CodePointRange* end) {
  for (const CodePointRange* r = begin; r != end; ++r)
    if (cp >= r->first && cp <= r->last) return true;
  return false;
}

uint32_t displayWidth(char32_t cp) {
  if (inRanges(cp, std::begin(kZeroWidth), std::end(kZeroWidth))) return 0;
  if (inRanges(cp, std::begin(kWide), std::end(kWide))) return 2;
  return 1;
}

class TextPrinter final : public Printer {
 public:
  explicit TextPrinter(const PrintOptions& options) : options_(options) {}

  void print(const Report& report, std::ostream& out) override {
    for (const Shown& shown : shownFindings(report, options_)) printFinding(*shown.finding, shown.undecided, out);
    out << paint(kBold, summaryLine(report.summary)) << '\n';
  }

 private:
  std::string paint(std::string_view color, std::string_view text) const {
    if (!options_.color || text.empty()) return std::string(text);
    return fmt::format("{}{}{}", color, text, kReset);
  }

  static std::string place(const Location& loc) {
    Span span;
    if (!spanOf(loc, &span)) return "tfguard";
    return fmt::format("{}:{}:{}", sanitize(loc.file->path()), span.line, span.column);
  }

  void printFinding(const Finding& f, bool undecided, std::ostream& out) const {
    Severity severity = undecided ? Severity::kNote : f.severity;
    std::string_view color = severity == Severity::kError     ? kRed
                             : severity == Severity::kWarning ? kMagenta
                                                              : kCyan;
    std::string message = sanitize(f.summary);
    if (undecided) message = "undecided: " + message;
    out << paint(kBold, place(f.location) + ":") << ' ' << paint(color, std::string(severityName(severity)) + ":")
        << ' ' << paint(kBold, message);
    if (!f.rule.empty()) out << " [" << sanitize(f.rule) << ']';
    if (!f.environment.empty()) out << " (" << sanitize(f.environment) << ')';
    if (f.suppressed) {
      out << " [suppressed";
      if (!f.suppression_reason.empty()) out << ": " << sanitize(f.suppression_reason);
      out << ']';
    }
    out << '\n';
    printSnippet(f.location, out);
    // The detail (Terraform's explanation, a validation's error_message)
    // under the snippet, indented like it.
    if (!f.detail.empty()) {
      std::string detail = sanitize(f.detail);
      size_t start = 0;
      while (start <= detail.size()) {
        size_t nl = detail.find('\n', start);
        if (nl == std::string::npos) nl = detail.size();
        if (nl > start) out << "      = " << std::string_view(detail).substr(start, nl - start) << '\n';
        start = nl + 1;
      }
    }
    for (const RelatedLocation& r : f.related) {
      out << paint(kBold, place(r.location) + ":") << ' ' << paint(kCyan, "note:") << ' ' << sanitize(r.message)
          << '\n';
    }
  }

  void printSnippet(const Location& loc, std::ostream& out) const {
    Span span;
    if (!spanOf(loc, &span)) return;
    std::string_view text = loc.file->text();
    std::string_view line = loc.file->lines().lineText(span.line);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const auto line_start = static_cast<uint32_t>(line.data() - text.data());
    const uint32_t size = static_cast<uint32_t>(text.size());
    const uint32_t begin = std::min(loc.range.begin, size);
    const uint32_t end = std::min(std::max(loc.range.end, begin), size);

    std::string source, underline;
    uint32_t column = 0;  // display column, 0-based
    bool caret = false;
    for (size_t i = 0; i < line.size();) {
      const uint32_t offset = line_start + static_cast<uint32_t>(i);
      char32_t cp = 0;
      int len = utf8::decode(line, i, &cp);
      uint32_t width;
      if (len <= 0) {
        len = 1;
        width = 1;
        source += "\xEF\xBF\xBD";
      } else if (loc.secret && offset >= begin && offset < end) {
        // A secret at the location is never shown: one '*' per character.
        width = 1;
        source += '*';
      } else if (cp == '\t') {
        width = kTabStop - column % kTabStop;
        source.append(width, ' ');
      } else if (cp < 0x20 || cp == 0x7F) {
        width = 1;
        source += "\xEF\xBF\xBD";
      } else {
        width = displayWidth(cp);
        source.append(line.substr(i, static_cast<size_t>(len)));
      }
      const bool inside = offset >= begin && (offset < end || (begin == end && !caret));
      for (uint32_t w = 0; w < width; ++w) {
        if (inside && !caret) {
          underline += '^';
          caret = true;
        } else {
          underline += inside ? '~' : ' ';
        }
      }
      column += width;
      i += static_cast<size_t>(len);
    }
    // The range starts at the end of the line (a missing item, the newline
    // itself): the caret goes after the last character.
    if (!caret) underline += '^';
    while (!underline.empty() && underline.back() == ' ') underline.pop_back();
    std::string number = std::to_string(span.line);
    const size_t gutter = std::max<size_t>(5, number.size());
    out << fmt::format("{:>{}} | ", number, gutter) << source << '\n';
    out << std::string(gutter, ' ') << " | " << paint(kGreen, underline) << '\n';
  }

  PrintOptions options_;
};

}  // namespace

std::unique_ptr<Printer> makeTextPrinter(const PrintOptions& options) {
  return std::make_unique<TextPrinter>(options);
}

}  // namespace tfguard::report
