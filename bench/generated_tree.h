#pragma once
// The generated benchmark tree: environments/{dev,staging,production,...}
// roots, each calling every module of modules/m<i>, each module with
// `resources` resources of a few kinds (security groups with dynamic
// ingress, counted instances with heredoc user data, EIPs attached by
// index, for_each buckets, locals, optional() defaults). Deterministic.
// Used by tfguard_eval_bench and tfguard_lsp_bench.
#include <filesystem>

namespace tfguard::bench {

/// Writes the tree into `dir` unless `dir/.complete` says it is there.
void ensureGeneratedTree(const std::filesystem::path& dir, int envs, int modules, int resources);

}  // namespace tfguard::bench
