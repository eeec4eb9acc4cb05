#include "settings/validate.h"

#include <fmt/format.h>

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "settings/constant.h"

namespace tfguard::settings {
namespace {

using syntax::Attribute;
using syntax::Block;
using syntax::Expr;
using syntax::ExprKind;

constexpr std::string_view kTopArguments[] = {"exclude", "policies", "fail_on"};
constexpr std::string_view kTopBlocks[] = {"environment", "rule"};
constexpr std::string_view kEnvironmentArguments[] = {
    "root", "var_files", "env_file", "backend_config", "vars", "tier", "workspace"};
constexpr std::string_view kFailOnValues[] = {"error", "warning", "note", "never"};
constexpr std::string_view kSeverityValues[] = {"error", "warning", "note"};
constexpr std::string_view kTierValues[] = {"production", "staging", "development"};

// The directory names SPEC §3 reads as a tier: `tier = "prod"` is a near
// miss worth naming even though it is no typo of "production".
struct TierAlias {
  std::string_view alias;
  std::string_view tier;
};
constexpr TierAlias kTierAliases[] = {
    {"prod", "production"},     {"prd", "production"},   {"live", "production"},
    {"main", "production"},     {"stage", "staging"},    {"stg", "staging"},
    {"uat", "staging"},         {"preprod", "staging"},  {"dev", "development"},
    {"sandbox", "development"}, {"test", "development"}, {"qa", "development"},
    {"demo", "development"},
};

constexpr std::string_view kConstantDetail =
    "Values in .tfguard.hcl are read before any Terraform code is evaluated: write them out as "
    "strings, numbers, bools, lists and objects.";

std::string quotedList(std::span<const std::string_view> names) {
  std::string out;
  for (std::string_view name : names) {
    if (!out.empty()) out += ", ";
    out += fmt::format("\"{}\"", name);
  }
  return out;
}

std::string plainList(std::span<const std::string_view> names) {
  std::string out;
  for (std::string_view name : names) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

bool contains(std::span<const std::string_view> names, std::string_view name) {
  for (std::string_view candidate : names)
    if (candidate == name) return true;
  return false;
}

std::string_view suggestTier(std::string_view given) {
  for (const TierAlias& alias : kTierAliases)
    if (alias.alias == given) return alias.tier;
  return suggestName(given, kTierValues);
}

// HCL identifiers (ASCII part; other bytes are accepted as letters).
bool isVariableName(std::string_view name) {
  if (name.empty() || (name[0] >= '0' && name[0] <= '9') || name[0] == '-') return false;
  for (char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-' || static_cast<unsigned char>(c) >= 0x80;
    if (!ok) return false;
  }
  return true;
}

std::string blockName(const Block& block) {
  return block.labels.empty() ? std::string(block.type)
                              : fmt::format("{} \"{}\"", block.type, block.labels[0].value);
}

// The header of a block, where declaration errors point (HCL's DefRange).
ByteRange headerRange(const Block& block) {
  ByteRange range = block.type_range;
  for (const syntax::BlockLabel& label : block.labels) range = rangeBetween(range, label.range);
  return range;
}

class Validator {
 public:
  Validator(const syntax::ParsedFile& file, std::string_view file_label, Findings& errors)
      : file_(file), file_label_(file_label), errors_(errors) {}

  void run(Settings& out) {
    for (const syntax::BodyItem* item : file_.body->items) {
      if (item->kind == syntax::BodyItemKind::kAttribute)
        topAttribute(static_cast<const Attribute&>(*item), out);
      else
        topBlock(static_cast<const Block&>(*item), out);
    }
  }

 private:
  // ------------------------------------------------------------ reporting

  Location at(ByteRange range) const { return {file_.source, range}; }

  void error(ByteRange range, std::string summary, std::string_view detail = {},
             std::vector<RelatedLocation> related = {}) {
    Finding finding;
    finding.rule = "invalid-config";
    finding.severity = Severity::kError;
    finding.summary = std::move(summary);
    finding.detail = detail;
    finding.location = at(range);
    finding.related = std::move(related);
    errors_.push_back(std::move(finding));
  }

  std::string sourceText(ByteRange range) const {
    std::string_view text = file_.source->text().substr(range.begin, range.size());
    if (text.size() > 40) return std::string(text.substr(0, 37)) + "...";
    return std::string(text);
  }

  std::string lineColumn(ByteRange range) const {
    Position pos = file_.source->lines().position(range.begin);
    return fmt::format("{}:{}", pos.line, pos.column);
  }

  // "unknown argument "x" in Y; did you mean "z"?" or "...; Y allows a, b".
  void unknownName(ByteRange range, std::string_view kind, std::string_view name,
                   std::string_view where, std::span<const std::string_view> allowed,
                   std::string_view detail) {
    std::string_view suggestion = suggestName(name, allowed);
    std::string summary = fmt::format("unknown {} \"{}\" in {}", kind, name, where);
    if (!suggestion.empty())
      summary += fmt::format("; did you mean \"{}\"?", suggestion);
    else
      summary += fmt::format("; allowed: {}", plainList(allowed));
    error(range, std::move(summary), detail);
  }

  // ------------------------------------------------------------ values

  // Reports the first part of `expr` that is not written out literally.
  bool checkConstant(const Expr& expr, std::string_view what) {
    std::optional<NonConstant> bad = firstNonConstant(expr);
    if (!bad) return true;
    std::string summary;
    switch (bad->reason) {
      case NonConstantReason::kNull:
        summary = fmt::format(
            "{} cannot be null in .tfguard.hcl; remove the argument to get the "
            "default",
            what);
        break;
      case NonConstantReason::kReference:
        summary = fmt::format(
            "{} must be a literal value; .tfguard.hcl cannot use references "
            "such as {}",
            what, sourceText(bad->expr->range));
        break;
      case NonConstantReason::kCall:
        summary = fmt::format(
            "{} must be a literal value; .tfguard.hcl cannot call functions "
            "such as {}()",
            what, syntax::as<syntax::CallExpr>(*bad->expr).name);
        break;
      case NonConstantReason::kInterpolation:
        summary = fmt::format(
            "{} must be a literal value; .tfguard.hcl cannot use interpolation "
            "(\"${{...}}\")",
            what);
        break;
      case NonConstantReason::kDirective:
        summary = fmt::format(
            "{} must be a literal value; .tfguard.hcl cannot use template "
            "directives (\"%{{...}}\")",
            what);
        break;
      case NonConstantReason::kObjectKey:
        summary = fmt::format(
            "{} must be a literal value; object keys must be names or quoted "
            "strings, not {}",
            what, sourceText(bad->expr->range));
        break;
      case NonConstantReason::kExpression:
        summary = fmt::format(
            "{} must be a literal value; .tfguard.hcl cannot compute "
            "expressions such as {}",
            what, sourceText(bad->expr->range));
        break;
    }
    error(bad->expr->range, std::move(summary), kConstantDetail);
    return false;
  }

  std::optional<std::string> readString(const Expr& expr, std::string_view what) {
    if (!checkConstant(expr, what)) return std::nullopt;
    std::optional<std::string> value = constantString(expr);
    if (!value)
      error(expr.range, fmt::format("{} must be a string, not {}", what, describeExpr(expr)));
    return value;
  }

  std::optional<std::string> readNonEmptyString(const Expr& expr, std::string_view what) {
    std::optional<std::string> value = readString(expr, what);
    if (value && value->empty()) {
      error(expr.range, fmt::format("{} must not be empty", what));
      return std::nullopt;
    }
    return value;
  }

  std::optional<std::vector<std::string>> readStringList(const Expr& expr, std::string_view what) {
    if (!checkConstant(expr, what)) return std::nullopt;
    const Expr& list = unwrapParens(expr);
    if (list.kind != ExprKind::kTuple) {
      error(expr.range,
            fmt::format("{} must be a list of strings, not {}", what, describeExpr(expr)));
      return std::nullopt;
    }
    std::vector<std::string> values;
    size_t index = 0;
    for (const Expr* item : syntax::as<syntax::TupleExpr>(list).items) {
      ++index;
      std::optional<std::string> value = constantString(*item);
      if (!value) {
        error(item->range, fmt::format("{} must be a list of strings; element {} is {}", what,
                                       index, describeExpr(*item)));
        return std::nullopt;
      }
      values.push_back(std::move(*value));
    }
    return values;
  }

  std::optional<std::string> readChoice(
      const Expr& expr, std::string_view what, std::span<const std::string_view> allowed,
      std::string_view (*suggest)(std::string_view, std::span<const std::string_view>)) {
    std::optional<std::string> value = readString(expr, what);
    if (!value || contains(allowed, *value)) return value;
    std::string summary = fmt::format("invalid value \"{}\" for {}", *value, what);
    std::string_view suggestion = suggest(*value, allowed);
    if (!suggestion.empty())
      summary += fmt::format("; did you mean \"{}\"?", suggestion);
    else
      summary += fmt::format("; allowed: {}", quotedList(allowed));
    error(expr.range, std::move(summary),
          fmt::format("{} takes one of {}.", what, quotedList(allowed)));
    return std::nullopt;
  }

  static std::string_view suggestAny(std::string_view given,
                                     std::span<const std::string_view> allowed) {
    return suggestName(given, allowed);
  }
  static std::string_view suggestTierValue(std::string_view given,
                                           std::span<const std::string_view>) {
    return suggestTier(given);
  }

  // Object entries `{ key = value }` with their keys checked: constant,
  // unique. Values are left to the caller.
  std::optional<std::vector<std::pair<std::string, const syntax::ObjectItem*>>> readObject(
      const Expr& expr, std::string_view what) {
    if (!checkConstant(expr, what)) return std::nullopt;
    const Expr& object = unwrapParens(expr);
    if (object.kind != ExprKind::kObject) {
      error(expr.range, fmt::format("{} must be an object, not {}", what, describeExpr(expr)));
      return std::nullopt;
    }
    std::vector<std::pair<std::string, const syntax::ObjectItem*>> entries;
    for (const syntax::ObjectItem& item : syntax::as<syntax::ObjectExpr>(object).items) {
      std::string key = *objectKeyName(*item.key);  // checkConstant vetted every key
      bool duplicate = false;
      for (const auto& [seen, first] : entries) {
        if (seen != key) continue;
        error(item.key->range,
              fmt::format("duplicate key \"{}\" in {}; it is already set at {}", key, what,
                          lineColumn(first->key->range)),
              {}, {{at(first->key->range), "first set here"}});
        duplicate = true;
        break;
      }
      if (duplicate) return std::nullopt;
      entries.emplace_back(std::move(key), &item);
    }
    return entries;
  }

  // ------------------------------------------------------------ top level

  void topAttribute(const Attribute& attr, Settings& out) {
    std::string what = fmt::format("\"{}\"", attr.name);
    if (attr.name == "exclude") {
      if (auto values = readStringList(*attr.expr, what)) out.exclude = std::move(*values);
    } else if (attr.name == "policies") {
      if (auto values = readStringList(*attr.expr, what)) out.policies = std::move(*values);
    } else if (attr.name == "fail_on") {
      if (auto value = readChoice(*attr.expr, what, kFailOnValues, suggestAny))
        out.fail_on = std::move(*value);
    } else if (contains(kTopBlocks, attr.name)) {
      error(attr.name_range,
            fmt::format("\"{}\" is a block, not an argument; write {} \"NAME\" {{ ... }}",
                        attr.name, attr.name),
            topLevelDetail());
    } else {
      unknownName(attr.name_range, "argument", attr.name, file_label_, kTopArguments,
                  topLevelDetail());
    }
  }

  void topBlock(const Block& block, Settings& out) {
    if (block.type == "environment") {
      environment(block, out);
    } else if (block.type == "rule") {
      rule(block, out);
    } else if (contains(kTopArguments, block.type)) {
      error(
          block.type_range,
          fmt::format("\"{}\" is an argument, not a block; write {} = ...", block.type, block.type),
          topLevelDetail());
    } else {
      unknownName(block.type_range, "block type", block.type, file_label_, kTopBlocks,
                  topLevelDetail());
    }
  }

  std::string topLevelDetail() const {
    return fmt::format(
        "The top level of {} accepts the arguments {} and the blocks environment \"NAME\" and "
        "rule \"ID\".",
        file_label_, plainList(kTopArguments));
  }

  // The one label of an environment or rule block, or null after reporting.
  const syntax::BlockLabel* nameLabel(const Block& block, std::string_view label_name) {
    if (block.labels.empty()) {
      error(block.type_range,
            fmt::format("{} block has no {}; write {} \"{}\" {{ ... }}", block.type, label_name,
                        block.type, label_name == "name" ? "NAME" : "RULE-ID"));
      return nullptr;
    }
    if (block.labels.size() > 1) {
      error(block.labels[1].range,
            fmt::format("unexpected label \"{}\" on {}; {} blocks take one label, the {}",
                        block.labels[1].value, blockName(block), block.type, label_name));
      return nullptr;
    }
    if (block.labels[0].value.empty()) {
      error(block.labels[0].range, fmt::format("{} {} must not be empty", block.type, label_name));
      return nullptr;
    }
    return &block.labels[0];
  }

  // Nested blocks are not part of the schema; a block written where an
  // argument was meant (`vars { }`) gets a hint.
  void nestedBlock(const Block& nested, const Block& parent,
                   std::span<const std::string_view> arguments) {
    if (contains(arguments, nested.type)) {
      error(nested.type_range,
            fmt::format("\"{}\" is an argument, not a block; write {} = {{ ... }}", nested.type,
                        nested.type));
      return;
    }
    error(nested.type_range,
          fmt::format("unexpected block \"{}\" in {}; {} blocks contain only arguments",
                      nested.type, blockName(parent), parent.type));
  }

  // ------------------------------------------------------------ environment

  void environment(const Block& block, Settings& out) {
    size_t errors_before = errors_.size();
    const syntax::BlockLabel* label = nameLabel(block, "name");
    EnvironmentConfig env;
    if (label) env.name = label->value;
    env.location = at(headerRange(block));
    bool has_root = false;
    std::string where = blockName(block);
    for (const syntax::BodyItem* item : block.body->items) {
      if (item->kind == syntax::BodyItemKind::kBlock) {
        nestedBlock(static_cast<const Block&>(*item), block, kEnvironmentArguments);
        continue;
      }
      const auto& attr = static_cast<const Attribute&>(*item);
      has_root |= attr.name == "root";
      environmentArgument(attr, where, env);
    }
    if (!has_root)
      error(headerRange(block),
            fmt::format("{} has no \"root\"; add root = \"DIR\", the directory of its root "
                        "module relative to {}",
                        where, file_label_));
    if (label) {
      for (const EnvironmentConfig& seen : out.environments) {
        if (seen.name != env.name) continue;
        error(label->range,
              fmt::format("duplicate environment \"{}\"; it is already defined at {}", env.name,
                          lineColumn(seen.location.range)),
              "Environment names must be unique; rename one of them.",
              {{seen.location, "first defined here"}});
        break;
      }
    }
    if (errors_.size() == errors_before) out.environments.push_back(std::move(env));
  }

  void environmentArgument(const Attribute& attr, const std::string& where,
                           EnvironmentConfig& env) {
    std::string what = fmt::format("\"{}\" in {}", attr.name, where);
    const Expr& expr = *attr.expr;
    if (attr.name == "root") {
      if (auto value = readNonEmptyString(expr, what)) env.root = std::move(*value);
    } else if (attr.name == "var_files") {
      if (auto values = readStringList(expr, what)) env.var_files = std::move(*values);
    } else if (attr.name == "env_file") {
      if (auto value = readNonEmptyString(expr, what)) env.env_file = std::move(*value);
    } else if (attr.name == "backend_config") {
      // A single file or a list of them, like repeated -backend-config.
      if (unwrapParens(expr).kind == ExprKind::kTuple) {
        if (auto values = readStringList(expr, what)) env.backend_config = std::move(*values);
      } else if (checkConstant(expr, what)) {
        if (auto value = constantString(expr))
          env.backend_config = {std::move(*value)};
        else
          error(expr.range, fmt::format("{} must be a string or a list of strings, not {}", what,
                                        describeExpr(expr)));
      }
    } else if (attr.name == "vars") {
      readVars(expr, what, env);
    } else if (attr.name == "tier") {
      if (auto value = readChoice(expr, what, kTierValues, suggestTierValue))
        env.tier = std::move(*value);
    } else if (attr.name == "workspace") {
      if (auto value = readNonEmptyString(expr, what)) env.workspace = std::move(*value);
    } else {
      unknownName(attr.name_range, "argument", attr.name, where, kEnvironmentArguments,
                  fmt::format("environment blocks accept {}.", plainList(kEnvironmentArguments)));
    }
  }

  void readVars(const Expr& expr, const std::string& what, EnvironmentConfig& env) {
    auto entries = readObject(expr, what);
    if (!entries) return;
    for (auto& [name, item] : *entries) {
      if (!isVariableName(name)) {
        error(item->key->range,
              fmt::format("\"{}\" in {} is not a valid variable name", name, what),
              "Variable names start with a letter or an underscore and contain letters, "
              "digits, underscores and dashes.");
        continue;
      }
      env.vars.emplace_back(std::move(name), item->value);
    }
  }

  // ------------------------------------------------------------ rule

  void rule(const Block& block, Settings& out) {
    size_t errors_before = errors_.size();
    const syntax::BlockLabel* label = nameLabel(block, "ID");
    RuleConfig config;
    if (label) config.id = label->value;
    config.location = at(headerRange(block));
    std::string where = blockName(block);
    for (const syntax::BodyItem* item : block.body->items) {
      if (item->kind == syntax::BodyItemKind::kBlock) {
        const auto& nested = static_cast<const Block&>(*item);
        constexpr std::string_view kKnown[] = {"enabled", "severity"};
        nestedBlock(nested, block, kKnown);
        continue;
      }
      ruleArgument(static_cast<const Attribute&>(*item), where, config);
    }
    if (label) {
      for (const RuleConfig& seen : out.rules) {
        if (seen.id != config.id) continue;
        error(label->range,
              fmt::format("duplicate rule \"{}\"; it is already configured at {}", config.id,
                          lineColumn(seen.location.range)),
              "Configure each rule in one block.", {{seen.location, "first configured here"}});
        break;
      }
    }
    if (errors_.size() == errors_before) out.rules.push_back(std::move(config));
  }

  void ruleArgument(const Attribute& attr, const std::string& where, RuleConfig& config) {
    std::string what = fmt::format("\"{}\" in {}", attr.name, where);
    const Expr& expr = *attr.expr;
    if (attr.name == "enabled") {
      if (!checkConstant(expr, what)) return;
      if (auto value = constantBool(expr))
        config.enabled = *value;
      else
        error(expr.range,
              fmt::format("{} must be true or false, not {}", what, describeExpr(expr)));
    } else if (attr.name == "severity") {
      readSeverity(expr, where, config.severity);
    } else if (checkConstant(expr, what)) {
      // Which parameters a rule takes is the rule's own business: the rule
      // engine checks names and types against its declaration.
      config.parameters.emplace_back(std::string(attr.name), &expr);
    }
  }

  void readSeverity(const Expr& expr, const std::string& where, RuleSeverity& severity) {
    std::string what = fmt::format("\"severity\" in {}", where);
    if (unwrapParens(expr).kind != ExprKind::kObject) {
      if (!checkConstant(expr, what)) return;
      if (!constantString(expr)) {
        error(expr.range, fmt::format("{} must be a string ({}) or an object keyed by tier, not {}",
                                      what, quotedList(kSeverityValues), describeExpr(expr)));
        return;
      }
      if (auto value = readChoice(expr, what, kSeverityValues, suggestAny))
        severity.all = std::move(*value);
      return;
    }
    auto entries = readObject(expr, what);
    if (!entries) return;
    for (auto& [tier, item] : *entries) {
      if (!contains(kTierValues, tier)) {
        std::string summary = fmt::format("unknown tier \"{}\" in {}", tier, what);
        std::string_view suggestion = suggestTier(tier);
        if (!suggestion.empty())
          summary += fmt::format("; did you mean \"{}\"?", suggestion);
        else
          summary += fmt::format("; allowed: {}", plainList(kTierValues));
        error(item->key->range, std::move(summary),
              fmt::format("A severity object maps tiers ({}) to severities ({}).",
                          plainList(kTierValues), quotedList(kSeverityValues)));
        continue;
      }
      std::string entry_what = fmt::format("\"severity.{}\" in {}", tier, where);
      if (auto value = readChoice(*item->value, entry_what, kSeverityValues, suggestAny))
        severity.by_tier[tier] = std::move(*value);
    }
  }

  const syntax::ParsedFile& file_;
  std::string file_label_;
  Findings& errors_;
};

}  // namespace

void validateSettings(const syntax::ParsedFile& file, std::string_view file_label, Settings& out,
                      Findings& errors) {
  Validator(file, file_label, errors).run(out);
}

}  // namespace tfguard::settings
