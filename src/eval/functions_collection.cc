// collection functions (to be filled in).
#include "eval/functions.h"

namespace tfguard::eval {

std::span<const FunctionSpec> collectionFunctions() { return {}; }

}  // namespace tfguard::eval
