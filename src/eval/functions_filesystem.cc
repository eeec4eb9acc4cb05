// filesystem functions (to be filled in).
#include "eval/functions.h"

namespace tfguard::eval {

std::span<const FunctionSpec> filesystemFunctions() { return {}; }

}  // namespace tfguard::eval
