#pragma once
// A policy block after validation (policy_file.cc) — what the rule that
// runs it (policy_rule.cc) reads. Internal to src/policy/.
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "eval/functions.h"
#include "eval/value.h"
#include "rules/rule.h"
#include "syntax/ast.h"

namespace tfguard::policy {

enum class SelectorKind : uint8_t { kResource, kData, kModule, kEnvironment };

struct PolicyParamDecl {
  std::string name;
  std::string description;
  std::string default_text;  ///< the default as written
  eval::Value default_value;
};

struct CompiledPolicy {
  std::shared_ptr<syntax::ParsedFile> file;  ///< owns the AST the expressions point into
  // Metadata (RuleMeta views into these strings).
  std::string id, summary, description, bad_example, good_example, security_severity, source;
  Severity severity = Severity::kWarning;
  std::optional<Severity> development_severity, production_severity;
  std::vector<std::string> tags;
  bool enabled = true;
  std::vector<PolicyParamDecl> params;
  // What it looks at.
  SelectorKind selector = SelectorKind::kResource;
  std::vector<std::string> types;  ///< resource / data types; module sources ("*": every call)
  // The check.
  std::vector<std::pair<std::string, const syntax::Expr*>> locals;
  const syntax::Expr* when = nullptr;
  const syntax::Expr* for_each = nullptr;
  const syntax::Expr* assertion = nullptr;
  const syntax::Expr* at = nullptr;
  const syntax::Expr* message = nullptr;
  const syntax::Expr* detail = nullptr;
  ByteRange header;  ///< `policy "ID"`
};

/// The rule that runs a compiled policy.
std::unique_ptr<rules::Rule> makePolicyRule(std::unique_ptr<CompiledPolicy> policy);

/// The names of the query functions policies add to Terraform's library.
bool isQueryFunction(std::string_view name);

}  // namespace tfguard::policy
