#pragma once
// Policies: rules written in HCL (policies/README.md is the language
// reference). A policy file is parsed with our own parser, validated
// strictly (unknown arguments, wrong types, names that do not exist are
// errors with a location), and each `policy` block becomes a rules::Rule
// that the engine dispatches like a C++ rule: per resource, data source or
// module call instance, or once per environment.
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/source_file.h"
#include "rules/rule.h"

namespace tfguard::policy {

/// A problem in a policy file: "FILE:LINE:COL: message".
struct PolicyError {
  std::string text;
};

struct PolicySet {
  std::vector<std::unique_ptr<rules::Rule>> rules;  ///< in file order
  std::vector<PolicyError> errors;
};

/// Parses and validates one policy file. `source` names where the rules
/// come from in `tfguard rules` ("builtin policy policies/aws/x.hcl", or
/// the file's path). The rules keep `file` alive.
PolicySet loadPolicyText(std::shared_ptr<const SourceFile> file, std::string source);

/// Loads every *.hcl file under `dir` (recursively, in path order).
PolicySet loadPolicyDir(const std::filesystem::path& dir);

/// The built-in policies: policies/**/*.hcl, embedded at build time,
/// loaded once. An error in them is a bug (a test loads them).
const PolicySet& builtinPolicies();

/// The embedded files (path relative to policies/, text).
struct EmbeddedPolicyFile {
  std::string_view path;
  std::string_view text;
};
std::span<const EmbeddedPolicyFile> embeddedPolicyFiles();

}  // namespace tfguard::policy
