#!/usr/bin/env bash
# pre-commit latency: the wall time of the tfguard process as the hook runs
# it (`tfguard check --changed FILE`, from the tree's root), on the tree
# tfguard_eval_bench generates (3 environments x 50 modules x 20 resources).
#
#   bench/changed_latency.sh [BUILD_DIR] [RUNS]     (make bench runs it)
#
# Prints the median of RUNS (default 21) runs of: a one-module change (every
# environment calls every module there, so all 3 are affected), a
# one-tfvars change (1 environment), a change that affects nothing, and the
# full check for comparison, and the module change without the heap tuning
# of src/cli/heap_tuning.cc (TFGUARD_NO_HEAP_TUNING=1); then `--stats` phase
# timings of the module change. Target (issue 6): a one-module change under
# 50 ms wall.
set -euo pipefail

source_dir=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-build}" && pwd)
runs=${2:-21}
tfguard="$build/tfguard"
tree="$build/bench-eval-tree"
if [ ! -x "$tfguard" ] || [ ! -x "$build/bench/tfguard_eval_bench" ]; then
  echo "changed_latency.sh: build tfguard with -DTFGUARD_BENCH=ON first (make bench)" >&2
  exit 1
fi
if [ ! -f "$tree/modules/m0/main.tf" ]; then
  "$build/bench/tfguard_eval_bench" --dir "$tree" --envs 3 --modules 50 --resources 20 --runs 1 >/dev/null
fi
cd "$tree"
[ -d .git ] || mkdir .git  # the tree is its own repository, as in a pre-commit run

# measure ARGS...: "WALL CPU", the medians over $runs runs of `tfguard ARGS`
# in ms: wall time of the process, and its CPU time (user + system), which a
# busy machine disturbs less.
TIMEFORMAT='%R %U %S'
# Runs in a subshell ($(measure ...)): env_vars are exported there, so that
# the time is tfguard's alone, not also an `env` process's in front of it.
measure() {
  local status=0
  if [ ${#env_vars[@]} -gt 0 ]; then export "${env_vars[@]}"; fi
  "$tfguard" "$@" >/dev/null 2>&1 || status=$?
  if [ "$status" -ge 2 ]; then
    echo "changed_latency.sh: tfguard $* exited $status" >&2
    exit 1
  fi
  for ((i = 0; i < runs; i++)); do
    { time "$tfguard" "$@" >/dev/null 2>&1; } 2>&1 || true
  done | awk '{ wall[NR] = $1 * 1000; cpu[NR] = ($2 + $3) * 1000 }
    function median(a, n,   i, j, t) {
      for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
      return a[int((n + 1) / 2)]
    }
    END { printf "%.1f %.1f", median(wall, NR), median(cpu, NR) }'
}

row() {
  local label=$1 note=$2
  shift 2
  local result
  result=$(measure "$@")
  printf '  %-50s %8s ms %8s ms%s\n' "$label" "${result% *}" "${result#* }" "$note"
  last_wall=${result% *}
}

env_vars=()
echo "tree: $tree (3 environments x 50 modules x 20 resources)"
echo "median of $runs runs of the process; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '  %-50s %11s %11s\n' "" "wall" "CPU"
row "--changed modules/m0/main.tf (3 environments)" "" check -q --changed modules/m0/main.tf
module_ms=$last_wall
row "--changed environments/dev/terraform.tfvars (1)" "" check -q --changed environments/dev/terraform.tfvars
row "--changed README.md (nothing affected)" "" check -q --changed README.md
row "full check (3 environments)" "" check -q
env_vars=(TFGUARD_NO_HEAP_TUNING=1)
row "--changed modules/m0/main.tf, 4 KiB heap pages" "" check -q --changed modules/m0/main.tf
env_vars=()
met=$(awk -v t="$module_ms" 'BEGIN { print (t < 50 ? "met" : "NOT met") }')
echo "  one-module change: $module_ms ms wall (target < 50 ms: $met)"
# A small repository for comparison: the bundled example (2 environments, 1 module).
example="$source_dir/testdata/examples/signaling-server"
cd "$example"
echo "the bundled example ($example: 2 environments, 1 module):"
row "--changed modules/signaling-server/main.tf (2)" "" check -q --changed modules/signaling-server/main.tf
row "--changed environments/dev/terraform.tfvars (1)" "" check -q --changed environments/dev/terraform.tfvars
cd "$tree"
echo "phases of one --changed modules/m0/main.tf run (--stats):"
"$tfguard" check -q --stats --changed modules/m0/main.tf 2>&1 >/dev/null | sed 's/^tfguard: /  /'
