#include "rules/rule.h"

namespace tfguard::rules {

Location locationOf(const eval::EvaluatedAttr& attr) {
  return {attr.file ? attr.file->source : nullptr, attr.range};
}

Location locationOf(const eval::EvaluatedBlock& block) {
  return {block.file ? block.file->source : nullptr, block.range};
}

Location headerOf(const eval::ResourceInstance& instance) {
  return instance.decl ? instance.decl->decl.location() : Location{};
}

}  // namespace tfguard::rules
