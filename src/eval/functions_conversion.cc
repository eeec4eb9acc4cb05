// conversion functions (to be filled in).
#include "eval/functions.h"

namespace tfguard::eval {

std::span<const FunctionSpec> conversionFunctions() { return {}; }

}  // namespace tfguard::eval
