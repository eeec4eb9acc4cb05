#pragma once
// The query functions policies add to Terraform's library
// (policies/README.md): resources, refers_to, references, address,
// cidr_contains, cidr_is_public, port_in_range, iam_statements, matches.
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "eval/functions.h"
#include "eval/value.h"

namespace tfguard::policy {

/// What the functions need from the environment being checked.
class QueryHost {
 public:
  virtual ~QueryHost() = default;
  /// Every instance of `type` ("data.T" for data sources) as policy objects.
  virtual eval::Value resources(std::string_view type) = 0;
  /// The instances of `type` whose arguments (all, or only `attributes`
  /// when not empty) refer to the instance at `address`, through an index
  /// built once per environment and type.
  virtual eval::Value referrers(const std::string& address, std::string_view type,
                                const std::vector<std::string>& attributes) = 0;
};

/// "module.a[0].aws_x.y[1].id" -> "aws_x.y" ("data.aws_x.y" for data
/// sources): the resource a reference or an address names, without module
/// path, instance key or attribute; empty when it names none.
std::string resourceNameOf(std::string_view reference);

bool isQueryFunction(std::string_view name);
eval::FunctionResult callQueryFunction(std::string_view name, std::span<const eval::Value> args, QueryHost& host);

/// The statements of an IAM policy document (see iam_statements in the README).
eval::Value iamStatements(const eval::Value& document, std::string* error);

}  // namespace tfguard::policy
