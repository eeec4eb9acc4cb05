#pragma once
// Terraform's built-in function library (SPEC §4). One sorted table of
// FunctionSpec, assembled from the families in functions_*.cc; the
// evaluator looks functions up by name and calls them through callFunction,
// which checks arity, converts arguments to the parameter types, propagates
// unknowns and marks, and turns failures into error values with the
// argument at fault (the evaluator adds source ranges).
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "eval/value.h"

namespace tfguard::eval {

/// What a function may use besides its arguments.
struct FunctionContext {
  /// Directory of the module being evaluated (path.module), for file functions.
  std::string module_dir;
  /// Reads a file for file()/templatefile()/fileexists(); nullopt = cannot.
  /// The evaluator confines it to the scanned tree (never outside).
  std::function<std::optional<std::string>(const std::string& path, std::string* error)> read_file;
  /// Lists files for fileset(); relative paths, sorted. A non-empty *error
  /// (a directory outside the scanned tree, too many files) fails the call.
  std::function<std::vector<std::string>(const std::string& dir, const std::string& pattern, std::string* error)>
      list_files;
};

struct FunctionParam {
  std::string_view name;
  Type type;                   ///< dynamic = any; arguments are converted to it
  bool allow_null = false;     ///< else a null argument is an error
  bool allow_unknown = false;  ///< else an unknown argument makes the result unknown
};

/// The result of a call: a value, or an error message and the argument at
/// fault (-1: the call as a whole).
struct FunctionResult {
  Value value;
  std::string error;
  int error_arg = -1;

  bool ok() const { return error.empty(); }
  static FunctionResult fail(std::string message, int arg = -1) {
    return {Value::unknown(), std::move(message), arg};
  }
};

using FunctionImpl = FunctionResult (*)(std::span<const Value> args, FunctionContext& ctx);

struct FunctionSpec {
  std::string_view name;
  std::vector<FunctionParam> params;
  std::optional<FunctionParam> variadic;  ///< repeated trailing parameter
  /// The result type when some argument is unknown (dynamic if not known).
  Type unknown_result = Type::dynamic();
  FunctionImpl impl = nullptr;
  /// The function reads and sets the sensitive mark itself (sensitive,
  /// nonsensitive, issensitive): callFunction does not propagate it.
  bool handles_marks = false;
};

/// Every function, sorted by name.
std::span<const FunctionSpec> allFunctions();
const FunctionSpec* findFunction(std::string_view name);

/// Calls `spec` with `args` (see the file comment). Sensitive arguments make
/// a sensitive result; an unknown argument (unless the parameter allows
/// unknowns) makes an unknown result carrying the arguments' references.
FunctionResult callFunction(const FunctionSpec& spec, std::span<const Value> args,
                            FunctionContext& ctx);

// The families; each returns its functions in any order.
std::span<const FunctionSpec> stringFunctions();
std::span<const FunctionSpec> collectionFunctions();
std::span<const FunctionSpec> numericFunctions();
std::span<const FunctionSpec> encodingFunctions();
std::span<const FunctionSpec> filesystemFunctions();
std::span<const FunctionSpec> hashFunctions();
std::span<const FunctionSpec> networkFunctions();
std::span<const FunctionSpec> conversionFunctions();
std::span<const FunctionSpec> timeFunctions();

}  // namespace tfguard::eval
