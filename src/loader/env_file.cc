// Shell env files (`terraform/deployments/env-prod`, `prod.env`): the
// assignments a POSIX shell would make when the file is sourced, with the
// places they were written. This is not a shell: it reads the subset people
// put in such files and never runs anything.
//
// What it understands, and how it departs from the shell:
//   - statements end at a newline, `;`, `&` or `|`; `#` starts a comment at
//     the start of a word only (`A=a#b` is "a#b", `A=a #b` is "a");
//   - `export`, `readonly`, `declare`, `typeset` and `local` before the
//     assignments (their `-x` style options skipped); `export A=1 B=2` and
//     `A=1 B=2` assign both; `A=1 make` only prefixes a command and assigns
//     nothing (as in the shell);
//   - quoting: '...' literal; "..." with the shell's escapes (\$ \` \" \\ and
//     backslash-newline, any other backslash kept); $'...' with the C escapes
//     (\n \t \r \e \a \b \f \v \\ \' \" \xHH \NNN); unquoted backslash quotes
//     the next character, backslash-newline joins lines;
//   - expansion, unquoted and in double quotes: $NAME, ${NAME},
//     ${NAME:-word}, ${NAME-word} from earlier assignments of the same file;
//     anything else ($(cmd), `cmd`, $1, ${#X}, variables from outside the
//     file) is kept as written and marks the entry `dynamic`;
//   - CRLF: a "\r" right before "\n" belongs to the line break, also inside
//     quotes (files edited on Windows and sourced through WSL or Git Bash
//     mean the value without it);
//   - no word splitting or globbing applies to assignment values, as in the
//     shell; arrays (`A=(1 2)`) are not supported.
#include <fmt/format.h>

#include <cctype>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "loader/environments.h"

namespace tfguard::loader {
namespace {

bool isNameStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool isNameChar(char c) { return isNameStart(c) || (c >= '0' && c <= '9'); }
bool isBlank(char c) { return c == ' ' || c == '\t'; }

class EnvFileParser {
 public:
  EnvFileParser(std::string_view text, const std::shared_ptr<const SourceFile>& file,
                Findings& findings)
      : text_(text), file_(file), findings_(findings) {}

  std::vector<EnvFileEntry> parse() {
    if (text_.size() >= std::numeric_limits<uint32_t>::max()) {
      report({0, 0}, "Env file too large", "The file is larger than 4 GiB and was not read.");
      return {};
    }
    if (text_.starts_with("\xEF\xBB\xBF")) pos_ = 3;  // a UTF-8 byte order mark
    while (pos_ < text_.size()) parseStatement();
    return std::move(entries_);
  }

 private:
  // What scanning one word found.
  enum class WordEnd { kOk, kUnterminated };

  bool atEnd() const { return pos_ >= text_.size(); }
  char peek(size_t ahead = 0) const {
    return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
  }
  /// A line break at pos_: "\n" or "\r\n"; returns its length (0: none).
  size_t lineBreakAt(size_t at) const {
    if (at < text_.size() && text_[at] == '\n') return 1;
    if (at + 1 < text_.size() && text_[at] == '\r' && text_[at + 1] == '\n') return 2;
    return 0;
  }
  /// The character that ends an unquoted word (a newline, a blank or an operator).
  bool atWordEnd() const {
    if (atEnd()) return true;
    char c = peek();
    return isBlank(c) || lineBreakAt(pos_) > 0 || c == ';' || c == '&' || c == '|' || c == '<' ||
           c == '>' || c == '(' || c == ')';
  }
  bool atStatementEnd() const {
    if (atEnd()) return true;
    char c = peek();
    return lineBreakAt(pos_) > 0 || c == '#' || c == ';' || c == '&' || c == '|';
  }
  void skipBlanks() {
    while (!atEnd()) {
      if (isBlank(peek())) {
        ++pos_;
      } else if (peek() == '\\' && lineBreakAt(pos_ + 1) > 0) {
        pos_ += 1 + lineBreakAt(pos_ + 1);  // a continuation line
      } else {
        break;
      }
    }
  }
  void skipToLineEnd() {
    while (!atEnd() && peek() != '\n') ++pos_;
  }
  size_t lineEndFrom(size_t at) const {
    size_t end = text_.find('\n', at);
    if (end == std::string_view::npos) return text_.size();
    if (end > at && text_[end - 1] == '\r') --end;
    return end;
  }
  uint32_t lineOf(size_t offset) {
    // Offsets are asked in increasing order, so counting is incremental.
    for (; counted_to_ < offset && counted_to_ < text_.size(); ++counted_to_)
      if (text_[counted_to_] == '\n') ++line_;
    return line_;
  }
  void report(ByteRange range, std::string summary, std::string detail) {
    Finding f;
    f.rule = "invalid-config";
    f.severity = Severity::kError;
    f.summary = std::move(summary);
    f.detail = std::move(detail);
    f.location = {file_, range};
    findings_.push_back(std::move(f));
  }

  /// A name followed by `=` at pos_: its end, else nullopt.
  std::optional<size_t> assignmentNameEnd() const {
    if (atEnd() || !isNameStart(peek())) return std::nullopt;
    size_t end = pos_ + 1;
    while (end < text_.size() && isNameChar(text_[end])) ++end;
    if (end < text_.size() && text_[end] == '=') return end;
    return std::nullopt;
  }

  void parseStatement() {
    skipBlanks();
    if (atEnd()) return;
    if (size_t brk = lineBreakAt(pos_)) {
      pos_ += brk;
      return;
    }
    char c = peek();
    if (c == '#') {
      skipToLineEnd();
      return;
    }
    if (c == ';' || c == '&' || c == '|') {
      ++pos_;
      return;
    }

    bool declaration = false;  // after export/readonly/...: names and assignments only
    size_t word_start = pos_;
    while (!atEnd() && isNameChar(peek())) ++pos_;
    std::string_view first(text_.data() + word_start, pos_ - word_start);
    if ((first == "export" || first == "readonly" || first == "declare" || first == "typeset" ||
         first == "local") &&
        (atEnd() || isBlank(peek()) || atStatementEnd())) {
      declaration = true;
    } else {
      pos_ = word_start;
    }

    // Assignments take effect left to right (`A=1 B=$A` sets B to 1); when
    // a command follows they were only its environment, and are undone.
    size_t first_entry = entries_.size();
    std::vector<std::pair<std::string, std::optional<std::string>>> undo;
    bool command = false;
    while (true) {
      skipBlanks();
      if (atStatementEnd()) break;
      if (std::optional<size_t> name_end = assignmentNameEnd()) {
        if (!command) {
          if (!parseAssignment(*name_end, undo)) return;  // unterminated: resumed at the next line
          continue;
        }
      } else if (declaration && peek() == '-') {
        // an option of export/declare (-x, -r)
      } else if (!declaration) {
        command = true;
      }
      std::string ignored;
      bool dynamic = false;
      if (scanWord(ignored, dynamic, /*expand=*/false, "") == WordEnd::kUnterminated) return;
      if (!atEnd() && (peek() == '(' || peek() == ')' || peek() == '<' || peek() == '>')) {
        command = true;  // a subshell, function or redirection: not an env line
        ++pos_;
      }
    }
    if (command) {
      entries_.resize(first_entry);
      for (auto it = undo.rbegin(); it != undo.rend(); ++it) {
        if (it->second)
          known_[it->first] = *it->second;
        else
          known_.erase(it->first);
      }
    }
    if (!atEnd() && peek() == '#') skipToLineEnd();
  }

  bool parseAssignment(size_t name_end,
                       std::vector<std::pair<std::string, std::optional<std::string>>>& undo) {
    EnvFileEntry entry;
    size_t name_start = pos_;
    entry.name.assign(text_.substr(name_start, name_end - name_start));
    entry.line = lineOf(name_start);
    entry.name_range = {static_cast<uint32_t>(name_start), static_cast<uint32_t>(name_end)};
    pos_ = name_end + 1;  // past '='
    size_t value_start = pos_;
    if (scanWord(entry.value, entry.dynamic, /*expand=*/true, entry.name) == WordEnd::kUnterminated)
      return false;
    entry.value_range = {static_cast<uint32_t>(value_start), static_cast<uint32_t>(pos_)};
    entry.is_tf_var = entry.name.size() > 7 && entry.name.starts_with("TF_VAR_");
    auto previous = known_.find(entry.name);
    undo.emplace_back(entry.name, previous == known_.end()
                                      ? std::nullopt
                                      : std::optional<std::string>(previous->second));
    known_[entry.name] = entry.value;
    entries_.push_back(std::move(entry));
    return true;
  }

  /// Reads one shell word at pos_ into `out` (quotes removed, escapes and,
  /// when `expand`, parameters applied). On an unterminated quote reports it
  /// (naming `assigned` when the word is a value), moves to the line after
  /// the quote and returns kUnterminated.
  WordEnd scanWord(std::string& out, bool& dynamic, bool expand, std::string_view assigned) {
    while (!atWordEnd()) {
      char c = peek();
      size_t open = pos_;
      if (c == '\\') {
        if (size_t brk = lineBreakAt(pos_ + 1)) {
          pos_ += 1 + brk;  // continuation: nothing
        } else if (pos_ + 1 < text_.size()) {
          out.push_back(text_[pos_ + 1]);
          pos_ += 2;
        } else {
          out.push_back('\\');  // a trailing backslash stays
          ++pos_;
        }
      } else if (c == '\'') {
        size_t close = text_.find('\'', pos_ + 1);
        if (close == std::string_view::npos) return unterminated(open, "a single quote", assigned);
        appendQuoted(out, text_.substr(open + 1, close - open - 1));
        pos_ = close + 1;
      } else if (c == '$' && peek(1) == '\'') {
        if (!scanAnsiC(out)) return unterminated(open, "a $'...' quote", assigned);
      } else if (c == '"') {
        if (!scanDoubleQuoted(out, dynamic, expand))
          return unterminated(open, "a double quote", assigned);
      } else if (c == '$') {
        if (!scanDollar(out, dynamic, expand, /*in_double_quotes=*/false))
          return unterminated(open, peek(1) == '{' ? "a `${`" : "a `$(`", assigned);
      } else if (c == '`') {
        if (!scanBackquote(out, dynamic)) return unterminated(open, "a backquote", assigned);
      } else {
        out.push_back(c);
        ++pos_;
      }
    }
    return WordEnd::kOk;
  }

  WordEnd unterminated(size_t open, std::string_view what, std::string_view assigned) {
    size_t line_end = lineEndFrom(open);
    ByteRange range{static_cast<uint32_t>(open), static_cast<uint32_t>(line_end)};
    if (assigned.empty()) {
      report(range, "Unterminated quote in env file",
             fmt::format("This line opens {} that is never closed; a shell sourcing the file "
                         "would read the rest of the file into it.",
                         what));
    } else {
      report(range, "Unterminated quote in env file",
             fmt::format("The value of `{}` opens {} that is never closed; a shell sourcing the "
                         "file would read the rest of the file into it. Close it on this line.",
                         assigned, what));
    }
    pos_ = line_end;
    if (size_t brk = lineBreakAt(pos_)) pos_ += brk;
    return WordEnd::kUnterminated;
  }

  /// Quoted text with "\r\n" read as "\n".
  static void appendQuoted(std::string& out, std::string_view text) {
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
      out.push_back(text[i]);
    }
  }

  bool scanDoubleQuoted(std::string& out, bool& dynamic, bool expand) {
    ++pos_;  // '"'
    while (!atEnd()) {
      char c = peek();
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (c == '\\') {
        char next = peek(1);
        if (size_t brk = lineBreakAt(pos_ + 1)) {
          pos_ += 1 + brk;
        } else if (next == '$' || next == '`' || next == '"' || next == '\\') {
          out.push_back(next);
          pos_ += 2;
        } else {
          out.push_back('\\');
          ++pos_;
        }
      } else if (c == '$') {
        if (!scanDollar(out, dynamic, expand, /*in_double_quotes=*/true)) return false;
      } else if (c == '`') {
        if (!scanBackquote(out, dynamic)) return false;
      } else if (size_t brk = lineBreakAt(pos_); brk == 2) {
        out.push_back('\n');
        pos_ += 2;
      } else {
        out.push_back(c);
        ++pos_;
      }
    }
    return false;
  }

  bool scanAnsiC(std::string& out) {
    pos_ += 2;  // $'
    while (!atEnd()) {
      char c = peek();
      if (c == '\'') {
        ++pos_;
        return true;
      }
      if (c != '\\' || pos_ + 1 >= text_.size()) {
        if (size_t brk = lineBreakAt(pos_); brk == 2) {
          out.push_back('\n');
          pos_ += 2;
          continue;
        }
        out.push_back(c);
        ++pos_;
        continue;
      }
      char e = text_[pos_ + 1];
      pos_ += 2;
      switch (e) {
        case 'n':
          out.push_back('\n');
          break;
        case 't':
          out.push_back('\t');
          break;
        case 'r':
          out.push_back('\r');
          break;
        case 'a':
          out.push_back('\a');
          break;
        case 'b':
          out.push_back('\b');
          break;
        case 'e':
        case 'E':
          out.push_back('\x1b');
          break;
        case 'f':
          out.push_back('\f');
          break;
        case 'v':
          out.push_back('\v');
          break;
        case '\\':
          out.push_back('\\');
          break;
        case '\'':
          out.push_back('\'');
          break;
        case '"':
          out.push_back('"');
          break;
        case '?':
          out.push_back('?');
          break;
        case 'x': {
          int value = 0, digits = 0;
          while (digits < 2 && !atEnd() && std::isxdigit(static_cast<unsigned char>(peek()))) {
            char h = peek();
            value = value * 16 + (h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
            ++digits;
            ++pos_;
          }
          if (digits == 0) {
            out += "\\x";
          } else {
            out.push_back(static_cast<char>(value));
          }
          break;
        }
        default:
          if (e >= '0' && e <= '7') {
            int value = e - '0', digits = 1;
            while (digits < 3 && !atEnd() && peek() >= '0' && peek() <= '7') {
              value = value * 8 + (peek() - '0');
              ++digits;
              ++pos_;
            }
            out.push_back(static_cast<char>(value & 0xff));
          } else {
            out.push_back('\\');  // unknown escapes stay as written
            out.push_back(e);
          }
      }
    }
    return false;
  }

  /// `$...` at pos_. Returns false only for an unterminated `$(` or `${`.
  bool scanDollar(std::string& out, bool& dynamic, bool expand, bool in_double_quotes) {
    size_t start = pos_;
    char next = peek(1);
    if (next == '(') {
      // Command substitution or arithmetic: kept as written, never run.
      size_t close = matchingParen(pos_ + 1);
      if (close == std::string_view::npos) return false;
      out.append(text_.substr(start, close + 1 - start));
      pos_ = close + 1;
      dynamic = true;
      return true;
    }
    if (next == '{') {
      size_t close = text_.find('}', pos_ + 2);
      if (close == std::string_view::npos) return false;
      std::string_view inner = text_.substr(pos_ + 2, close - pos_ - 2);
      pos_ = close + 1;
      size_t name_len = 0;
      if (!inner.empty() && isNameStart(inner[0]))
        while (name_len < inner.size() && isNameChar(inner[name_len])) ++name_len;
      std::string_view name = inner.substr(0, name_len);
      std::string_view rest = inner.substr(name_len);
      if (!expand || name.empty()) {
        out.append(text_.substr(start, pos_ - start));
        dynamic = dynamic || expand;
        return true;
      }
      auto known = known_.find(name);
      if (rest.empty()) {
        expandKnown(out, dynamic, known, text_.substr(start, pos_ - start));
      } else if (rest.starts_with(":-") || rest.starts_with("-")) {
        bool colon = rest[0] == ':';
        std::string_view fallback = rest.substr(colon ? 2 : 1);
        if (known != known_.end() && !(colon && known->second.empty())) {
          out += known->second;
        } else {
          // Unset in the file: the environment sourcing it may still set it.
          if (known == known_.end()) dynamic = true;
          out.append(fallback);
        }
      } else {
        out.append(text_.substr(start, pos_ - start));  // ${X:=y}, ${X#y}, ...: as written
        dynamic = true;
      }
      return true;
    }
    if (isNameStart(next)) {
      size_t end = pos_ + 1;
      while (end < text_.size() && isNameChar(text_[end])) ++end;
      std::string_view name = text_.substr(pos_ + 1, end - pos_ - 1);
      pos_ = end;
      if (!expand) {
        out.append(text_.substr(start, end - start));
        return true;
      }
      expandKnown(out, dynamic, known_.find(name), text_.substr(start, end - start));
      return true;
    }
    if ((next >= '0' && next <= '9') || next == '@' || next == '*' || next == '#' || next == '?' ||
        next == '$' || next == '!' || (next == '-' && !in_double_quotes)) {
      out.append(text_.substr(start, 2));
      pos_ += 2;
      dynamic = dynamic || expand;
      return true;
    }
    out.push_back('$');  // a lone dollar is literal
    ++pos_;
    return true;
  }

  void expandKnown(std::string& out, bool& dynamic,
                   std::map<std::string, std::string, std::less<>>::const_iterator known,
                   std::string_view as_written) {
    if (known != known_.end()) {
      out += known->second;
    } else {
      out.append(as_written);
      dynamic = true;
    }
  }

  bool scanBackquote(std::string& out, bool& dynamic) {
    size_t close = pos_ + 1;
    while (close < text_.size() && text_[close] != '`') close += text_[close] == '\\' ? 2 : 1;
    if (close >= text_.size()) return false;
    out.append(text_.substr(pos_, close + 1 - pos_));
    pos_ = close + 1;
    dynamic = true;
    return true;
  }

  /// The `)` closing the `(` at `open`, skipping quoted text; npos if none.
  size_t matchingParen(size_t open) const {
    int depth = 0;
    for (size_t i = open; i < text_.size(); ++i) {
      char c = text_[i];
      if (c == '\\') {
        ++i;
      } else if (c == '\'') {
        i = text_.find('\'', i + 1);
        if (i == std::string_view::npos) return i;
      } else if (c == '"') {
        for (++i; i < text_.size() && text_[i] != '"'; ++i)
          if (text_[i] == '\\') ++i;
        if (i >= text_.size()) return std::string_view::npos;
      } else if (c == '(') {
        ++depth;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    return std::string_view::npos;
  }

  std::string_view text_;
  const std::shared_ptr<const SourceFile>& file_;
  Findings& findings_;
  size_t pos_ = 0;
  size_t counted_to_ = 0;
  uint32_t line_ = 1;
  std::map<std::string, std::string, std::less<>> known_;  // earlier assignments
  std::vector<EnvFileEntry> entries_;
};

}  // namespace

std::vector<EnvFileEntry> parseEnvFile(std::string_view text,
                                       const std::shared_ptr<const SourceFile>& file,
                                       Findings& findings) {
  return EnvFileParser(text, file, findings).parse();
}

}  // namespace tfguard::loader
