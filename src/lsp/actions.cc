// Requests about a place in an open file: hover (the rule's documentation
// and the finding) and code actions (a suppression comment, placed where
// the suppression collector reads it — verified by parsing the result).
#include <fmt/format.h>

#include <algorithm>

#include "engine/rule_docs.h"
#include "lsp/server.h"
#include "lsp/server_internal.h"
#include "suppress/suppress.h"
#include "syntax/parser.h"

namespace tfguard::lsp {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// Findings of these rules can never be suppressed (docs/suppressions.md).
bool suppressible(std::string_view rule) { return rule != "syntax" && rule != "unused-ignore"; }

// Whether `text` (the file after the edit) has a suppression of `rule`
// (for `environment`) that covers the offset `begin`.
bool suppresses(const fs::path& path, std::string text, std::string_view rule, std::string_view environment,
                uint32_t begin, const engine::RuleCatalog* catalog) {
  auto source = std::make_shared<SourceFile>(path.string(), std::move(text));
  syntax::ParsedFile parsed = syntax::parseByName(source);
  Findings problems;
  auto known = [&](std::string_view id) { return catalog == nullptr || catalog->find(id) != nullptr; };
  for (const suppress::Suppression& s : suppress::collectSuppressions(parsed, known, problems)) {
    if (s.whole_file || !s.covers.contains(begin) || s.environment != environment) continue;
    if (std::find(s.rules.begin(), s.rules.end(), rule) != s.rules.end()) return true;
  }
  return false;
}

}  // namespace

std::optional<json> Server::hover(const json& p) {
  auto uri = params::documentUri(p);
  const json* at = params::member(p, "position");
  auto position = at ? params::position(*at) : std::nullopt;
  if (!uri || !position) return std::nullopt;
  const TextDocument* doc = documents_.find(*uri);
  if (doc == nullptr || doc->path.empty()) return json(nullptr);
  flushFor(doc->path);
  Workspace& ws = workspaceOf(doc->path);
  uint32_t offset = LineTable(doc->text).offsetAt(*position, encoding_);
  std::vector<std::string> parts;
  std::optional<ByteRange> covered;
  for (const Group& g : groupsOf(ws, doc->path)) {
    const Finding& f = g.first();
    if (f.location.file->text() != doc->text) continue;  // the check was of another text
    if (offset < f.location.range.begin || offset > f.location.range.end) continue;
    std::string part = fmt::format("**{}** (`{}`)", f.summary, f.rule);
    if (!g.environments.empty()) part += fmt::format(" in {}", fmt::join(g.environments, ", "));
    if (!f.detail.empty()) part += "\n\n" + f.detail;
    if (const rules::Rule* rule = ws.catalog ? ws.catalog->find(f.rule) : nullptr)
      part += "\n\n---\n\n" + engine::ruleMarkdown(rule->meta());
    parts.push_back(std::move(part));
    covered = covered ? rangeBetween(*covered, f.location.range) : f.location.range;
  }
  if (parts.empty()) return json(nullptr);
  LineTable lines(doc->text);
  LspRange range{lines.positionAt(covered->begin, encoding_), lines.positionAt(covered->end, encoding_)};
  return json{{"contents", {{"kind", "markdown"}, {"value", fmt::format("{}", fmt::join(parts, "\n\n---\n\n"))}}},
              {"range", toJson(range)}};
}

std::optional<json> Server::codeActions(const json& p) {
  auto uri = params::documentUri(p);
  const json* r = params::member(p, "range");
  auto range = r ? params::range(*r) : std::nullopt;
  if (!uri || !range) return std::nullopt;
  json actions = json::array();
  if (const json* context = params::member(p, "context")) {
    if (const json* only = params::member(*context, "only"); only && only->is_array()) {
      bool wanted = std::any_of(only->begin(), only->end(), [](const json& kind) {
        return kind == "quickfix" || kind == "";
      });
      if (!wanted) return actions;
    }
  }
  const TextDocument* doc = documents_.find(*uri);
  if (doc == nullptr || doc->path.empty()) return actions;
  flushFor(doc->path);
  Workspace& ws = workspaceOf(doc->path);
  LineTable lines(doc->text);
  uint32_t begin = lines.offsetAt(range->start, encoding_);
  uint32_t end = lines.offsetAt(range->end, encoding_);
  PositionMapper positions(encoding_);
  for (const Group& g : groupsOf(ws, doc->path)) {
    const Finding& f = g.first();
    if (!suppressible(f.rule) || f.location.range.begin > end || f.location.range.end < begin) continue;
    json diagnostic = diagnosticOf(ws, g, positions);
    if (auto action = suppressionAction(*doc, g, ws, "", diagnostic)) actions.push_back(std::move(*action));
    // Reported in one environment of several: it may be meant for that one only.
    if (g.environments.size() == 1 && ws.known_environments.size() > 1)
      if (auto action = suppressionAction(*doc, g, ws, g.environments[0], diagnostic)) actions.push_back(std::move(*action));
  }
  return actions;
}

std::optional<json> Server::suppressionAction(const TextDocument& doc, const Group& group, const Workspace& ws,
                                              std::string_view environment, const json& diagnostic) const {
  const Finding& f = group.first();
  std::string_view text = doc.text;
  if (f.location.file->text() != text) return std::nullopt;  // stale: the buffer changed since
  LineTable lines(text);
  uint32_t begin = f.location.range.begin;
  LspPosition where = lines.positionAt(begin, PositionEncoding::kUtf8);
  uint32_t line_start = lines.offsetAt({where.line, 0}, PositionEncoding::kUtf8);
  uint32_t line_end = lines.offsetAt({where.line, UINT32_MAX}, PositionEncoding::kUtf8);
  std::string_view line = text.substr(line_start, line_end - line_start);
  std::string indent(line.substr(0, line.find_first_not_of(" \t")));
  if (indent.size() > line.size()) indent = std::string(line);
  bool crlf = line_end < text.size() && text[line_end] == '\r';
  std::string comment = fmt::format("# tfguard:ignore {}", f.rule);
  if (!environment.empty()) comment += fmt::format(" env:{}", environment);
  // First choice: a comment line above, indented like the finding's line
  // (it covers the block or attribute starting there); else at the end of
  // the line. Inside a heredoc neither is a comment: no action then.
  struct Candidate {
    uint32_t offset;
    std::string insert;
    uint32_t shifted_begin;
  };
  std::string above = indent + comment + (crlf ? "\r\n" : "\n");
  const Candidate candidates[] = {
      {line_start, above, begin + static_cast<uint32_t>(above.size())},
      {line_end, " " + comment, begin},
  };
  for (const Candidate& c : candidates) {
    std::string edited(text);
    edited.insert(c.offset, c.insert);
    if (!suppresses(doc.path, std::move(edited), f.rule, environment, c.shifted_begin, ws.catalog.get())) continue;
    LspPosition at = lines.positionAt(c.offset, encoding_);
    json edit = {{"range", toJson(LspRange{at, at})}, {"newText", c.insert}};
    std::string title = environment.empty() ? fmt::format("Suppress {} here (# tfguard:ignore)", f.rule)
                                            : fmt::format("Suppress {} here in {} only", f.rule, environment);
    return json{{"title", title},
                {"kind", "quickfix"},
                {"diagnostics", json::array({diagnostic})},
                {"edit", {{"changes", {{doc.uri, json::array({edit})}}}}}};
  }
  return std::nullopt;
}

}  // namespace tfguard::lsp
