// string functions (to be filled in).
#include "eval/functions.h"

namespace tfguard::eval {

std::span<const FunctionSpec> stringFunctions() { return {}; }

}  // namespace tfguard::eval
