// The JSON printer (SPEC §7): a stable, versioned document. Every finding is
// listed, suppressed ones flagged; the undecided checks only with
// --show-undecided (an extra "undecided" array). docs/report-schema.json
// describes the document; keep the two in step.
#include <nlohmann/json.hpp>

#include <cstdio>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "report/printer_util.h"

namespace tfguard::report {
namespace {

// Writes exactly what nlohmann's dump(2, ' ', false, replace) would print
// for the document, without building it: a report of thousands of findings
// spent most of its printing time building and walking the json tree.
class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  void beginObject() { begin('{'); }
  void endObject() { end('}'); }
  void beginArray() { begin('['); }
  void endArray() { end(']'); }
  /// The key of the next member of the current object.
  void key(std::string_view k) {
    separate();
    string(k);
    out_ += ": ";
    after_key_ = true;
  }
  void value(std::string_view s) {
    separate();
    string(s);
  }
  void value(const char* s) { value(std::string_view(s)); }  // not the bool overload
  void value(long long n) {
    separate();
    out_ += std::to_string(n);
  }
  void value(bool b) {
    separate();
    out_ += b ? "true" : "false";
  }
  void null() {
    separate();
    out_ += "null";
  }
  void stringOrNull(std::string_view s) { s.empty() ? null() : value(s); }

 private:
  void begin(char open) {
    separate();
    out_ += open;
    first_.push_back(true);
  }
  void end(char close) {
    bool empty = first_.back();
    first_.pop_back();
    if (!empty) {
      out_ += '\n';
      out_.append(2 * first_.size(), ' ');
    }
    out_ += close;
  }
  // Before a value: the comma, newline and indentation of an element (a
  // member's value follows its key directly).
  void separate() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (first_.empty()) return;
    if (!first_.back()) out_ += ',';
    first_.back() = false;
    out_ += '\n';
    out_.append(2 * first_.size(), ' ');
  }
  void string(std::string_view s) {
    size_t pos = 0;
    while (pos < s.size()) {  // valid UTF-8 is copied; anything else goes to nlohmann below
      auto c = static_cast<unsigned char>(s[pos]);
      if (c < 0x80) {
        ++pos;
        continue;
      }
      char32_t cp;
      int n = utf8::decode(s, pos, &cp);
      if (n == 0) {
        // Invalid UTF-8 (a value read from a broken file): nlohmann's own
        // replacement with U+FFFD, rather than an exception.
        out_ += nlohmann::json(std::string(s)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return;
      }
      pos += static_cast<size_t>(n);
    }
    out_ += '"';
    for (char ch : s) {
      auto c = static_cast<unsigned char>(ch);
      switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\b': out_ += "\\b"; break;
        case '\f': out_ += "\\f"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        default:
          if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out_ += buf;
          } else {
            out_ += ch;
          }
      }
    }
    out_ += '"';
  }

  std::string& out_;
  std::vector<bool> first_;  // per open object/array: no member written yet
  bool after_key_ = false;
};

// file, line, column, end_line, end_column (null without a file).
void writePlace(JsonWriter& w, const Location& loc) {
  Span span;
  if (!spanOf(loc, &span)) {
    for (const char* k : {"file", "line", "column", "end_line", "end_column"}) {
      w.key(k);
      w.null();
    }
    return;
  }
  w.key("file");
  w.value(loc.file->path());
  w.key("line");
  w.value(static_cast<long long>(span.line));
  w.key("column");
  w.value(static_cast<long long>(span.column));
  w.key("end_line");
  w.value(static_cast<long long>(span.end_line));
  w.key("end_column");
  w.value(static_cast<long long>(span.end_column));
}

void writeFinding(JsonWriter& w, const Finding& f) {
  w.beginObject();
  w.key("rule");
  w.value(f.rule);
  w.key("severity");
  w.value(severityName(f.severity));
  w.key("message");
  w.value(f.summary);
  w.key("detail");
  w.value(f.detail);
  writePlace(w, f.location);
  w.key("environment");
  w.stringOrNull(f.environment);
  w.key("resource");
  w.stringOrNull(f.resource);
  w.key("related");
  w.beginArray();
  for (const RelatedLocation& r : f.related) {
    w.beginObject();
    writePlace(w, r.location);
    w.key("message");
    w.value(r.message);
    w.endObject();
  }
  w.endArray();
  w.key("fingerprint");
  w.value(f.fingerprint);
  w.key("suppressed");
  w.value(f.suppressed);
  if (f.suppressed) {
    w.key("suppression_reason");
    w.value(f.suppression_reason);
  }
  w.endObject();
}

class JsonPrinter final : public Printer {
 public:
  explicit JsonPrinter(const PrintOptions& options) : options_(options) {}

  void print(const Report& report, std::ostream& out) override {
    std::string text;
    text.reserve(1024 + report.findings.size() * 700);
    JsonWriter w(text);
    w.beginObject();
    w.key("version");
    w.value(1LL);
    w.key("tool");
    w.beginObject();
    w.key("name");
    w.value("tfguard");
    w.key("version");
    w.value(report.tool_version);
    w.endObject();
    w.key("findings");
    w.beginArray();
    for (const Finding& f : report.findings) writeFinding(w, f);
    w.endArray();
    if (options_.show_undecided) {
      w.key("undecided");
      w.beginArray();
      for (const Finding& f : report.undecided) writeFinding(w, f);
      w.endArray();
    }
    const Summary& s = report.summary;
    w.key("summary");
    w.beginObject();
    const std::pair<const char*, size_t> counts[] = {
        {"files", s.files},           {"environments", s.environments}, {"errors", s.errors},
        {"warnings", s.warnings},     {"notes", s.notes},               {"suppressed", s.suppressed},
        {"undecided", s.undecided}};
    for (const auto& [k, v] : counts) {
      w.key(k);
      w.value(static_cast<long long>(v));
    }
    w.key("duration_ms");
    w.value(roundedMs(s.duration_ms));
    w.endObject();
    w.endObject();
    text += '\n';
    out << text;
  }

 private:
  PrintOptions options_;
};

}  // namespace

std::unique_ptr<Printer> makeJsonPrinter(const PrintOptions& options) {
  return std::make_unique<JsonPrinter>(options);
}

}  // namespace tfguard::report
