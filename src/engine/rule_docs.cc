#include "engine/rule_docs.h"

#include <fmt/format.h>

#include <fstream>

#include "suppress/tool_mapping.h"

namespace tfguard::engine {
namespace {

std::string trimEnd(std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.remove_suffix(1);
  return std::string(text);
}

/// Other tools' checks that report the same problem, per tool.
std::vector<std::pair<std::string, std::vector<std::string>>> equivalentsOf(std::string_view id) {
  std::vector<std::pair<std::string, std::vector<std::string>>> out;
  for (const suppress::ToolMapping& m : suppress::toolMappings()) {
    bool listed = false;
    std::string_view rules = m.rules;
    while (!rules.empty()) {
      size_t comma = rules.find(',');
      if (rules.substr(0, comma) == id) listed = true;
      rules = comma == std::string_view::npos ? std::string_view() : rules.substr(comma + 1);
    }
    if (!listed) continue;
    std::string family(suppress::familyName(m.family));
    if (out.empty() || out.back().first != family) out.emplace_back(family, std::vector<std::string>());
    std::string_view ids = m.ids;
    size_t space = ids.find(' ');
    // The first id is the canonical one; aliases follow in parentheses.
    std::string entry = fmt::format("`{}`", ids.substr(0, space));
    if (space != std::string_view::npos) {
      std::string aliases;
      std::string_view rest = ids.substr(space + 1);
      while (!rest.empty()) {
        size_t s = rest.find(' ');
        aliases += (aliases.empty() ? "" : ", ") + fmt::format("`{}`", rest.substr(0, s));
        rest = s == std::string_view::npos ? std::string_view() : rest.substr(s + 1);
      }
      entry += " (" + aliases + ")";
    }
    out.back().second.push_back(entry);
  }
  return out;
}

std::string severityText(const rules::RuleMeta& m) {
  std::string s = severityName(m.default_severity);
  if (m.development_severity) s += fmt::format(" ({} in development)", severityName(*m.development_severity));
  if (m.production_severity) s += fmt::format(" ({} in production)", severityName(*m.production_severity));
  return s;
}

std::string sourceText(const rules::RuleMeta& m) {
  if (m.source == "builtin") return "built-in, C++";
  if (m.source.starts_with("builtin policy ")) return fmt::format("built-in policy `{}`", m.source.substr(15));
  return fmt::format("policy `{}`", m.source);
}

}  // namespace

std::string severityName(Severity s) {
  return s == Severity::kError ? "error" : s == Severity::kWarning ? "warning" : "note";
}

std::string ruleMarkdown(const rules::RuleMeta& m) {
  std::string out = fmt::format("# {}\n\n{}\n\n", m.id, m.summary);
  out += "| | |\n| --- | --- |\n";
  out += fmt::format("| Default severity | {} |\n", severityText(m));
  out += fmt::format("| Enabled | {} |\n", m.disabled_by_default ? "no: enable it in `.tfguard.hcl` or with `--enable`"
                                                                  : "yes");
  if (!m.tags.empty()) {
    std::string tags;
    for (auto t : m.tags) tags += (tags.empty() ? "" : ", ") + std::string(t);
    out += fmt::format("| Tags | {} |\n", tags);
  }
  if (!m.security_severity.empty()) out += fmt::format("| SARIF security-severity | {} |\n", m.security_severity);
  out += fmt::format("| Source | {} |\n", sourceText(m));
  if (!m.description.empty()) out += "\n" + trimEnd(m.description) + "\n";
  if (!m.params.empty()) {
    out += "\n## Parameters\n\nSet in `.tfguard.hcl`:\n\n";
    for (const rules::RuleParam& p : m.params) {
      out += fmt::format("- `{}`", p.name);
      if (!p.default_text.empty()) out += fmt::format(" (default `{}`)", p.default_text);
      out += fmt::format(": {}\n", trimEnd(p.description));
    }
    out += fmt::format("\n```hcl\nrule \"{}\" {{\n  {} = ...\n}}\n```\n", m.id, m.params[0].name);
  }
  if (!m.bad_example.empty()) out += fmt::format("\n## Failing example\n\n```hcl\n{}\n```\n", trimEnd(m.bad_example));
  if (!m.good_example.empty()) out += fmt::format("\n## Passing example\n\n```hcl\n{}\n```\n", trimEnd(m.good_example));
  if (!m.why_cpp.empty()) out += fmt::format("\n## Why this rule is C++\n\n{}\n", trimEnd(m.why_cpp));
  if (m.id == "syntax") {
    out += "\n## Suppressing\n\nSyntax errors cannot be suppressed.\n";
  } else {
    out += fmt::format(
        "\n## Suppressing\n\nOn the line before the block or attribute, or at the end of the offending line:\n\n"
        "```hcl\n# tfguard:ignore {} the reason\n```\n\n"
        "`exp:YYYY-MM-DD` after the id makes it expire, `env:NAME` limits it to one environment; "
        "`rule \"{}\" {{ enabled = false }}` in `.tfguard.hcl` turns the rule off "
        "(see [suppressions](../suppressions.md)).\n",
        m.id, m.id);
  }
  auto equivalents = equivalentsOf(m.id);
  if (!equivalents.empty()) {
    out += "\n## Equivalents in other tools\n\nTheir suppression comments are honoured for this rule.\n\n";
    for (const auto& [family, ids] : equivalents) {
      std::string list;
      for (const auto& i : ids) list += (list.empty() ? "" : "; ") + i;
      out += fmt::format("- {}: {}\n", family, list);
    }
  }
  return out;
}

std::string catalogMarkdown(const RuleCatalog& catalog) {
  std::string out =
      "# Rules\n\nEvery rule tfguard ships, generated from the rules' metadata (`make docs`; `tfguard rules` "
      "lists the same, with your own policies). Each page says what fails, why it matters, a failing and a "
      "passing example, how to suppress it and the equivalent checks of other tools.\n\n"
      "| rule | severity | source | summary | equivalents |\n| --- | --- | --- | --- | --- |\n";
  for (const rules::Rule* r : catalog.rules()) {
    const rules::RuleMeta& m = r->meta();
    std::string eq;
    for (const auto& [family, ids] : equivalentsOf(m.id)) {
      std::string first = ids.front().substr(0, ids.front().find(' '));
      eq += (eq.empty() ? "" : "<br>") + family + " " + first + (ids.size() > 1 ? fmt::format(" +{}", ids.size() - 1) : "");
    }
    out += fmt::format("| [{}]({}.md) | {}{} | {} | {} | {} |\n", m.id, m.id, severityText(m),
                       m.disabled_by_default ? ", off by default" : "",
                       m.source == "builtin" ? "C++" : "policy", m.summary, eq);
  }
  return out;
}

bool writeRuleDocs(const RuleCatalog& catalog, const std::filesystem::path& dir, std::string* error) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  auto write = [&](const std::filesystem::path& path, const std::string& text) {
    std::ofstream f(path, std::ios::binary);
    if (!f) {
      *error = fmt::format("cannot write {}", path.string());
      return false;
    }
    f << text;
    return true;
  };
  for (const rules::Rule* r : catalog.rules())
    if (!write(dir / (std::string(r->meta().id) + ".md"), ruleMarkdown(r->meta()))) return false;
  return write(dir / "README.md", catalogMarkdown(catalog));
}

}  // namespace tfguard::engine
