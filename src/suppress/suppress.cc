// Inline suppressions: directives are read from the comments the parser
// kept, placed on the body item they precede (or end the line of), then
// matched against the findings once every rule has run.
#include "suppress/suppress.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "base/edit_distance.h"
#include "suppress/tool_mapping.h"

namespace tfguard::suppress {
namespace {

constexpr std::string_view kUnusedIgnore = "unused-ignore";
constexpr std::string_view kSyntax = "syntax";
constexpr std::string_view kSpaces = " \t\r\n";

std::string_view trim(std::string_view s) {
  size_t b = s.find_first_not_of(kSpaces);
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(kSpaces);
  return s.substr(b, e - b + 1);
}

bool isBlank(std::string_view s) { return s.find_first_not_of(kSpaces) == std::string_view::npos; }

/// The text of a comment without its markers (`#`, `//`, `/* */`).
std::string_view commentBody(std::string_view text) {
  if (text.starts_with("#")) {
    text.remove_prefix(1);
  } else if (text.starts_with("//")) {
    text.remove_prefix(2);
  } else if (text.starts_with("/*")) {
    text.remove_prefix(2);
    if (text.ends_with("*/")) text.remove_suffix(2);
  }
  return trim(text);
}

/// Splits off the first whitespace-separated word of `rest`.
std::string_view nextWord(std::string_view& rest) {
  rest = trim(rest);
  size_t end = rest.find_first_of(kSpaces);
  std::string_view word = rest.substr(0, end);
  rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end);
  return word;
}

bool isDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// YYYY-MM-DD, a real calendar day.
bool isValidDate(std::string_view d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  if (!isDigits(d.substr(0, 4)) || !isDigits(d.substr(5, 2)) || !isDigits(d.substr(8, 2))) return false;
  int year = std::stoi(std::string(d.substr(0, 4)));
  int month = std::stoi(std::string(d.substr(5, 2)));
  int day = std::stoi(std::string(d.substr(8, 2)));
  if (month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int max = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  return day <= max;
}

bool isWildcard(std::string_view rule) { return rule == "all" || rule == "*"; }


/// "Did you mean" text for an unknown tfguard rule id; empty if nothing is close.
std::string suggestionFor(std::string_view id, const std::function<bool(std::string_view)>& known_rule) {
  // Another tool's id written after tfguard:ignore.
  for (ToolFamily family : {ToolFamily::kAqua, ToolFamily::kCheckov, ToolFamily::kTflint}) {
    std::vector<std::string_view> mapped = mapToolId(family, id);
    if (mapped.empty()) continue;
    std::string list;
    for (std::string_view r : mapped) list += fmt::format("{}`{}`", list.empty() ? "" : ", ", r);
    return fmt::format(" `{}` is a {} id; the tfguard rule is {}.", id, familyName(family), list);
  }
  std::string_view best;
  size_t best_distance = std::max<size_t>(2, id.size() / 3) + 1;
  for (std::string_view candidate : catalogRuleIds()) {
    if (known_rule && !known_rule(candidate)) continue;
    size_t d = editDistance(id, candidate);
    if (d < best_distance) {
      best = candidate;
      best_distance = d;
    }
  }
  if (best.empty()) return {};
  return fmt::format(" Did you mean `{}`?", best);
}

std::string joinQuoted(const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) out += fmt::format("{}`{}`", out.empty() ? "" : ", ", id);
  return out;
}

// ------------------------------------------------------------------ placement

/// Where comments sit relative to code, and which item a line starts.
class Placer {
 public:
  explicit Placer(const syntax::ParsedFile& file) : file_(file), text_(file.source->text()) {
    // Lines that hold nothing but comments: a directive's target skips them.
    for (const syntax::Comment& c : file.comments) {
      if (!isAlone(c)) continue;
      uint32_t first = lineOf(c.range.begin);
      uint32_t last = lineOf(c.range.end > c.range.begin ? c.range.end - 1 : c.range.begin);
      for (uint32_t l = first; l <= last; ++l) comment_lines_.push_back(l);
    }
    std::sort(comment_lines_.begin(), comment_lines_.end());
  }

  uint32_t lineOf(uint32_t offset) const { return file_.source->lines().position(offset).line; }

  ByteRange lineRange(uint32_t line) const {
    std::string_view t = file_.source->lines().lineText(line);
    auto begin = static_cast<uint32_t>(t.data() - text_.data());
    return {begin, static_cast<uint32_t>(begin + t.size())};
  }

  /// No code before the comment on its first line nor after it on its last.
  bool isAlone(const syntax::Comment& c) const {
    ByteRange first = lineRange(lineOf(c.range.begin));
    if (!isBlank(text_.substr(first.begin, c.range.begin - first.begin))) return false;
    ByteRange last = lineRange(lineOf(c.range.end > c.range.begin ? c.range.end - 1 : c.range.begin));
    if (c.range.end >= last.end) return true;
    std::string_view after = trim(text_.substr(c.range.end, last.end - c.range.end));
    return after.empty() || after.starts_with("#") || after.starts_with("//") || after.starts_with("/*");
  }

  /// What a directive in `c` applies to.
  ByteRange covers(const syntax::Comment& c) const {
    if (isAlone(c)) {
      uint32_t line = lineOf(c.range.end > c.range.begin ? c.range.end - 1 : c.range.begin) + 1;
      while (std::binary_search(comment_lines_.begin(), comment_lines_.end(), line)) ++line;
      if (line > file_.source->lines().lineCount()) return {static_cast<uint32_t>(text_.size()),
                                                             static_cast<uint32_t>(text_.size())};
      if (const syntax::BodyItem* item = outermostStartingOn(file_.body, line)) return item->range;
      return lineRange(line);
    }
    uint32_t line = lineOf(c.range.begin);
    if (const syntax::BodyItem* item = outermostStartingOn(file_.body, line)) return item->range;
    if (const syntax::BodyItem* attr = innermostAttributeAt(file_.body, c.range.begin)) return attr->range;
    return lineRange(line);
  }

  /// The top-level block around `offset` (checkov's skips apply to the
  /// whole resource they are written in), or null.
  const syntax::BodyItem* enclosingTopBlock(uint32_t offset) const {
    if (!file_.body) return nullptr;
    for (const syntax::BodyItem* item : file_.body->items)
      if (item->kind == syntax::BodyItemKind::kBlock && item->range.contains(offset)) return item;
    return nullptr;
  }

  /// Whether `offset` comes before the first attribute or block.
  bool beforeFirstItem(uint32_t offset) const {
    if (!file_.body || file_.body->items.empty()) return true;
    return offset < file_.body->items.front()->range.begin;
  }

 private:
  const syntax::BodyItem* outermostStartingOn(const syntax::Body* body, uint32_t line) const {
    if (!body) return nullptr;
    for (const syntax::BodyItem* item : body->items) {
      uint32_t first = lineOf(item->range.begin);
      if (first == line) return item;
      if (first > line) break;
      if (item->kind != syntax::BodyItemKind::kBlock) continue;
      uint32_t last = lineOf(item->range.end > item->range.begin ? item->range.end - 1 : item->range.begin);
      if (line > last) continue;
      return outermostStartingOn(static_cast<const syntax::Block*>(item)->body, line);
    }
    return nullptr;
  }

  const syntax::BodyItem* innermostAttributeAt(const syntax::Body* body, uint32_t offset) const {
    if (!body) return nullptr;
    for (const syntax::BodyItem* item : body->items) {
      if (!item->range.contains(offset)) continue;
      if (item->kind == syntax::BodyItemKind::kAttribute) return item;
      return innermostAttributeAt(static_cast<const syntax::Block*>(item)->body, offset);
    }
    return nullptr;
  }

  const syntax::ParsedFile& file_;
  std::string_view text_;
  std::vector<uint32_t> comment_lines_;
};

// -------------------------------------------------------------------- parsing

class Collector {
 public:
  Collector(const syntax::ParsedFile& file, const std::function<bool(std::string_view)>& known_rule, Findings& problems)
      : file_(file), known_rule_(known_rule), problems_(problems), placer_(file) {}

  std::vector<Suppression> run() {
    for (const syntax::Comment& c : file_.comments) {
      std::string_view body = commentBody(c.text);
      if (body.starts_with("tfguard:ignore")) {
        tfguard(c, body);
        continue;
      }
      aqua(c, body, "tfsec:ignore:", "tfsec");
      aqua(c, body, "trivy:ignore:", "trivy");
      checkov(c, body);
      tflint(c, body);
    }
    return std::move(out_);
  }

 private:
  Location at(const syntax::Comment& c) const { return {file_.source, c.range}; }

  void problem(const syntax::Comment& c, std::string summary, std::string detail) {
    Finding f;
    f.rule = std::string(kUnusedIgnore);
    f.severity = Severity::kWarning;
    f.summary = std::move(summary);
    f.detail = std::move(detail);
    f.location = at(c);
    problems_.push_back(std::move(f));
  }

  void place(const syntax::Comment& c, Suppression& s) {
    s.location = at(c);
    if (!s.whole_file) s.covers = placer_.covers(c);
    out_.push_back(std::move(s));
  }

  void tfguard(const syntax::Comment& c, std::string_view body) {
    std::string_view rest = body.substr(std::string_view("tfguard:ignore").size());
    Suppression s;
    s.source_tool = "tfguard";
    if (rest.starts_with("-file")) {
      s.whole_file = true;
      rest.remove_prefix(5);
    }
    std::string_view directive = s.whole_file ? "tfguard:ignore-file" : "tfguard:ignore";
    if (!rest.empty() && kSpaces.find(rest.front()) == std::string_view::npos) return;  // tfguard:ignored...
    if (s.whole_file && !placer_.beforeFirstItem(c.range.begin)) {
      problem(c, fmt::format("`{}` after the first block is ignored", directive),
              "A whole-file suppression must come before the first block or attribute of the file. "
              "Move it to the top, or use `tfguard:ignore` before the block it is meant for.");
      return;
    }
    // The rule list: one word, continued while it ends with a comma.
    std::string rules_text;
    for (;;) {
      std::string_view word = nextWord(rest);
      if (word.empty()) break;
      rules_text += word;
      if (!word.ends_with(',')) {
        std::string_view peek = trim(rest);
        if (!peek.starts_with(',')) break;
      }
    }
    std::vector<std::string> unknown;
    for (size_t pos = 0; pos <= rules_text.size();) {
      size_t cut = rules_text.find(',', pos);
      if (cut == std::string::npos) cut = rules_text.size();
      std::string id = rules_text.substr(pos, cut - pos);
      pos = cut + 1;
      if (id.empty()) continue;
      if (id == kSyntax || id == kUnusedIgnore) {
        problem(c, fmt::format("`{}` findings cannot be suppressed", id),
                fmt::format("Syntax errors and problems with suppressions themselves are always reported; "
                            "remove `{}` from the `{}` comment.",
                            id, directive));
        continue;
      }
      if (!isWildcard(id) && known_rule_ && !known_rule_(id)) {
        problem(c, fmt::format("unknown rule `{}` in `{}`", id, directive),
                fmt::format("No rule has the id `{}`, so this suppression does nothing for it.{}", id,
                            suggestionFor(id, known_rule_)));
        unknown.push_back(id);
        continue;
      }
      if (std::find(s.rules.begin(), s.rules.end(), id) == s.rules.end()) s.rules.push_back(std::move(id));
    }
    if (s.rules.empty()) {
      if (unknown.empty() && rules_text.empty())
        problem(c, fmt::format("`{}` names no rule", directive),
                fmt::format("Write the rule ids to suppress: `# {} RULE[,RULE...] [exp:YYYY-MM-DD] "
                            "[env:NAME] [reason]`.",
                            directive));
      return;
    }
    // Options, then the reason.
    for (;;) {
      std::string_view saved = rest;
      std::string_view word = nextWord(rest);
      if (word.starts_with("exp:")) {
        std::string_view date = word.substr(4);
        if (isValidDate(date)) {
          s.expires = std::string(date);
        } else {
          problem(c, fmt::format("invalid expiry date `{}`", date),
                  "Expiry dates are written `exp:YYYY-MM-DD`; the suppression applies without an expiry "
                  "until the date is fixed.");
        }
      } else if (word.starts_with("env:") && word.size() > 4) {
        s.environment = std::string(word.substr(4));
      } else {
        rest = saved;
        break;
      }
    }
    std::string_view reason = trim(rest);
    while (!reason.empty() && (reason.front() == '-' || reason.front() == ':')) reason = trim(reason.substr(1));
    s.reason = std::string(reason);
    place(c, s);
  }

  /// Appends `rules` (filtered by known_rule) to `s`; false if none is left.
  bool addMapped(Suppression& s, const std::vector<std::string_view>& rules) {
    for (std::string_view r : rules) {
      if (known_rule_ && !known_rule_(r)) continue;
      if (std::find(s.rules.begin(), s.rules.end(), r) == s.rules.end()) s.rules.emplace_back(r);
    }
    return !s.rules.empty();
  }

  /// `tfsec:ignore:ID[:exp:DATE][:ws:NAME]`, the same for trivy; several
  /// may share a comment.
  void aqua(const syntax::Comment& c, std::string_view body, std::string_view prefix, std::string_view tool) {
    for (size_t pos = body.find(prefix); pos != std::string_view::npos; pos = body.find(prefix, pos)) {
      pos += prefix.size();
      size_t end = body.find_first_of(kSpaces, pos);
      std::string_view token = body.substr(pos, end == std::string_view::npos ? end : end - pos);
      std::vector<std::string_view> parts;
      for (size_t p = 0;;) {
        size_t cut = token.find(':', p);
        parts.push_back(token.substr(p, cut == std::string_view::npos ? cut : cut - p));
        if (cut == std::string_view::npos) break;
        p = cut + 1;
      }
      std::string_view id = parts[0].substr(0, parts[0].find('['));  // ID[attr=value] filters: whole item
      Suppression s;
      s.source_tool = std::string(tool);
      s.report_unused = false;
      for (size_t i = 1; i + 1 < parts.size(); i += 2) {
        if (parts[i] == "exp" && isValidDate(parts[i + 1])) s.expires = std::string(parts[i + 1]);
        if (parts[i] == "ws") s.environment = std::string(parts[i + 1]);
      }
      // `*` is every check of the tool (tfsec's own tests use it).
      if (!addMapped(s, id == "*" ? mappedRules(ToolFamily::kAqua) : mapToolId(ToolFamily::kAqua, id))) continue;
      place(c, s);
    }
  }

  /// `checkov:skip=ID[:reason]`: applies to the resource it is written in.
  void checkov(const syntax::Comment& c, std::string_view body) {
    constexpr std::string_view kPrefix = "checkov:skip=";
    for (size_t pos = body.find(kPrefix); pos != std::string_view::npos; pos = body.find(kPrefix, pos)) {
      pos += kPrefix.size();
      size_t end = pos;
      while (end < body.size() && (std::isalnum(static_cast<unsigned char>(body[end])) || body[end] == '_')) ++end;
      std::string_view id = body.substr(pos, end - pos);
      Suppression s;
      s.source_tool = "checkov";
      s.report_unused = false;
      if (end < body.size() && body[end] == ':') {
        size_t next = body.find(kPrefix, end);
        s.reason = std::string(trim(body.substr(end + 1, next == std::string_view::npos ? next : next - end - 1)));
      }
      if (!addMapped(s, mapToolId(ToolFamily::kCheckov, id))) continue;
      if (const syntax::BodyItem* block = placer_.enclosingTopBlock(c.range.begin)) {
        s.location = at(c);
        s.covers = block->range;
        out_.push_back(std::move(s));
      } else {
        place(c, s);
      }
    }
  }

  /// `tflint-ignore: a, b # reason` and `tflint-ignore-file: a, b`.
  void tflint(const syntax::Comment& c, std::string_view body) {
    bool whole_file = false;
    size_t pos = body.find("tflint-ignore-file:");
    if (pos != std::string_view::npos) {
      whole_file = true;
      pos += std::string_view("tflint-ignore-file:").size();
      if (!placer_.beforeFirstItem(c.range.begin)) return;
    } else {
      pos = body.find("tflint-ignore:");
      if (pos == std::string_view::npos) return;
      pos += std::string_view("tflint-ignore:").size();
    }
    std::string_view rest = body.substr(pos);
    size_t stop = rest.find_first_of("\n*/#");
    std::string_view list = rest.substr(0, stop);
    Suppression s;
    s.source_tool = "tflint";
    s.report_unused = false;
    s.whole_file = whole_file;
    if (stop != std::string_view::npos && rest[stop] == '#') s.reason = std::string(trim(rest.substr(stop + 1)));
    for (size_t p = 0; p <= list.size();) {
      size_t cut = list.find(',', p);
      if (cut == std::string_view::npos) cut = list.size();
      std::string_view name = trim(list.substr(p, cut - p));
      p = cut + 1;
      if (name == "all")
        addMapped(s, tflintMappedRules());
      else if (!name.empty())
        addMapped(s, mapToolId(ToolFamily::kTflint, name));
    }
    if (s.rules.empty()) return;
    place(c, s);
  }

  const syntax::ParsedFile& file_;
  std::function<bool(std::string_view)> known_rule_;
  Findings& problems_;
  Placer placer_;
  std::vector<Suppression> out_;
};

bool sameFile(const Location& a, const Location& b) {
  if (!a.file || !b.file) return false;
  return a.file == b.file || a.file->path() == b.file->path();
}

}  // namespace

std::vector<Suppression> collectSuppressions(const syntax::ParsedFile& file,
                                             const std::function<bool(std::string_view)>& known_rule, Findings& problems) {
  if (!file.source || file.comments.empty()) return {};
  return Collector(file, known_rule, problems).run();
}

void applySuppressions(std::vector<Finding>& findings, const std::vector<Suppression>& suppressions,
                       std::string_view today) {
  std::vector<std::vector<bool>> used(suppressions.size());
  std::vector<bool> expired(suppressions.size());
  for (size_t i = 0; i < suppressions.size(); ++i) {
    used[i].assign(suppressions[i].rules.size(), false);
    expired[i] = !suppressions[i].expires.empty() && !today.empty() && suppressions[i].expires < today;
  }
  for (Finding& f : findings) {
    if (f.rule == kSyntax || f.rule == kUnusedIgnore || !f.location.file) continue;
    for (size_t i = 0; i < suppressions.size(); ++i) {
      const Suppression& s = suppressions[i];
      if (expired[i] || !sameFile(f.location, s.location)) continue;
      if (!s.whole_file && !s.covers.contains(f.location.range.begin)) continue;
      if (!s.environment.empty() && s.environment != f.environment) continue;
      for (size_t k = 0; k < s.rules.size(); ++k) {
        if (s.rules[k] != f.rule && !isWildcard(s.rules[k])) continue;
        used[i][k] = true;
        if (f.suppressed) break;
        f.suppressed = true;
        if (!s.reason.empty()) {
          f.suppression_reason = s.reason;
        } else {
          f.suppression_reason = fmt::format("{} comment at {}:{}", s.source_tool, s.location.file->path(),
                                             s.location.file->lines().position(s.location.range.begin).line);
        }
        break;
      }
    }
  }
  for (size_t i = 0; i < suppressions.size(); ++i) {
    const Suppression& s = suppressions[i];
    if (!s.report_unused) continue;
    Finding note;
    note.rule = std::string(kUnusedIgnore);
    note.severity = Severity::kNote;
    note.location = s.location;
    std::string scope = s.environment.empty() ? "" : fmt::format(" in environment `{}`", s.environment);
    if (expired[i]) {
      note.summary = fmt::format("suppression expired on {}", s.expires);
      note.detail = fmt::format(
          "The suppression of {} expired on {} and no longer applies. Fix the findings, or give it a later "
          "`exp:` date if the exception still holds.",
          joinQuoted(s.rules), s.expires);
    } else {
      std::vector<std::string> unused;
      for (size_t k = 0; k < s.rules.size(); ++k)
        if (!used[i][k]) unused.push_back(s.rules[k]);
      if (unused.empty()) continue;
      if (unused.size() == s.rules.size()) {
        note.summary = fmt::format("suppression of {} suppressed nothing", joinQuoted(unused));
        note.detail = fmt::format(
            "No finding of {}{} is reported where this comment applies ({}). Remove the comment, or move it "
            "to the line before the block or attribute it is meant for.",
            joinQuoted(unused), scope, s.whole_file ? "the whole file" : "the next block or attribute");
      } else {
        note.summary = fmt::format("{} in this suppression suppressed nothing", joinQuoted(unused));
        note.detail = fmt::format("The other rules of the comment are used; remove {} from it.", joinQuoted(unused));
      }
    }
    findings.push_back(std::move(note));
  }
}

}  // namespace tfguard::suppress
