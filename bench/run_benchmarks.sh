#!/usr/bin/env bash
# Parse-speed benchmark: tfguard's parser against HashiCorp's hclsyntax.
#
#   bench/run_benchmarks.sh [BUILD_DIR]          (make bench runs it on build/)
#
# 1. Generates a corpus of realistic Terraform in BUILD_DIR/bench-corpus
#    (tfguard_gen_corpus) unless it is there already, and checks that every
#    file parses without errors with HashiCorp's parser too.
# 2. Runs tfguard_parse_bench (Google Benchmark) and `hcldump --bench` over
#    the same files, and prints a table of MB/s and the ratio.
# 3. With CORPUS_LIST=/path/list.txt (one path per line, native syntax only),
#    does the same over that corpus of real files.
#
# Environment: BENCH_FILES (2000), BENCH_SEED (1), BENCH_REPS (5: tfguard
# reports the median of that many repetitions), BENCH_GO_RUNS (5: hcldump
# reports the best of that many passes), CORPUS_LIST (unset), REAL_CODE_DIR
# (unset: a directory of real repositories for bench/real_code.sh).
# MB is 10^6 bytes. Rates are per CPU second (see bench/README.md).
set -euo pipefail

build=${1:-build}
files=${BENCH_FILES:-2000}
seed=${BENCH_SEED:-1}
reps=${BENCH_REPS:-5}
go_runs=${BENCH_GO_RUNS:-5}

gen="$build/bench/tfguard_gen_corpus"
bench="$build/bench/tfguard_parse_bench"
hcldump="$build/hcldump"
for tool in "$gen" "$bench"; do
  if [ ! -x "$tool" ]; then
    echo "run_benchmarks.sh: $tool is missing: build with -DTFGUARD_BENCH=ON (make build)" >&2
    exit 1
  fi
done
have_go=1
if [ ! -x "$hcldump" ]; then
  have_go=0
  echo "run_benchmarks.sh: $hcldump is missing (needs golang-go and" \
       "golang-github-hashicorp-hcl-v2-dev): HashiCorp's numbers are skipped" >&2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# ---- the generated corpus
corpus="$build/bench-corpus"
stamp="$corpus/.complete"
if [ "$(cat "$stamp" 2>/dev/null)" != "$files $seed" ]; then
  echo "== generating $files files (seed $seed) in $corpus"
  rm -rf "$corpus"
  "$gen" "$corpus" "$files" "$seed"
  if [ "$have_go" = 1 ]; then
    check=$("$hcldump" --bench 1 "@$corpus/files.txt")
    bad=$(sed -n 's/.*"files_with_errors": \([0-9]*\).*/\1/p' <<<"$check")
    if [ "$bad" != 0 ]; then
      echo "run_benchmarks.sh: HashiCorp's parser rejects $bad generated files:" \
           "a generator bug (see bench/gen_corpus.cc)" >&2
      exit 1
    fi
    echo "   every file parses without errors with tfguard and with HashiCorp's hclsyntax"
  fi
  echo "$files $seed" > "$stamp"
fi

# field NAME JSON: a number from hcldump's one-line JSON.
field() { sed -n "s/.*\"$1\": \([0-9.e+-]*\).*/\1/p" <<<"$2"; }

# Runs both parsers over one list and prints its table.
run_corpus() {
  local title=$1 list=$2 tag=$3
  local csv="$work/$tag.csv" log="$work/$tag.log"
  echo
  echo "== $title: running tfguard_parse_bench ($reps repetitions, median)"
  "$bench" "--list=$list" --benchmark_repetitions="$reps" \
    --benchmark_report_aggregates_only=true \
    --benchmark_out="$csv" --benchmark_out_format=csv >"$log" 2>&1 || {
    cat "$log" >&2
    echo "run_benchmarks.sh: tfguard_parse_bench failed" >&2
    exit 1
  }
  local nfiles nbytes errs
  nfiles=$(sed -n 's/^corpus_files: //p' "$log")
  nbytes=$(sed -n 's/^corpus_bytes: //p' "$log")
  errs=$(sed -n 's/^corpus_files_with_errors: //p' "$log")

  local go=""
  if [ "$have_go" = 1 ]; then
    echo "== $title: running hcldump --bench $go_runs (best pass)"
    go=$("$hcldump" --bench "$go_runs" "@$list")
  fi

  echo
  echo "$title: $nfiles files, $(awk -v b="$nbytes" 'BEGIN { printf "%.2f", b / 1e6 }') MB," \
       "files with errors: tfguard $errs${go:+, HashiCorp $(field files_with_errors "$go")}"
  awk -F, -v go_cpu="$(field cpu_mb_per_s "$go")" -v go_wall="$(field mb_per_s "$go")" \
      -v go_sec="$(field cpu_seconds "$go")" -v nfiles="$nfiles" '
    function unq(s) { gsub(/"/, "", s); return s }
    # The file starts with the context lines, then the header row.
    unq($1) == "name" { for (i = 1; i <= NF; i++) col[unq($i)] = i; next }
    !("name" in col) { next }
    # The median of the repetitions, or the single run when there is one.
    {
      name = unq($col["name"])
      if (name ~ /_(mean|stddev|cv)$/) next
      if (sub(/_median$/, "", name)) median[name] = 1
      else if (name in median) next
      bps = $col["bytes_per_second"]; cpu = $col["cpu_time"]; real = $col["real_time"]
      mbs[name] = bps / 1e6
      wall[name] = real > 0 ? bps * cpu / real / 1e6 : 0
      fps[name] = $col["files_per_second"]
    }
    function row(label, name) {
      if (name in mbs) printf "  %-40s %10.1f %12.1f %12.0f\n", label, mbs[name], wall[name], fps[name]
    }
    END {
      printf "  %-40s %10s %12s %12s\n", "", "MB/s (CPU)", "MB/s (wall)", "files/s"
      row("file read baseline (open+read+close)", "BM_ReadFiles")
      row("tfguard lexer only", "BM_Lex")
      row("tfguard parse", "BM_Parse")
      row("tfguard parse incl. SourceFile", "BM_ParseWithSource")
      row("tfguard parse + AST-JSON build", "BM_ParseAndDump")
      if (go_cpu != "") {
        printf "  %-40s %10.1f %12.1f %12.0f\n", "HashiCorp hclsyntax.ParseConfig", go_cpu, go_wall,
               (go_sec > 0 ? nfiles / go_sec : 0)
        if (go_cpu > 0 && ("BM_Parse" in mbs)) {
          ratio = mbs["BM_Parse"] / go_cpu
          printf "  %-40s %10.1fx %11.1fx   (target >= 20x: %s)\n", "ratio tfguard parse / HashiCorp",
                 ratio, (go_wall > 0 ? wall["BM_Parse"] / go_wall : 0), (ratio >= 20 ? "met" : "NOT met")
        }
      }
    }' "$csv"
}

run_corpus "generated corpus ($corpus)" "$corpus/files.txt" generated

if [ -n "${CORPUS_LIST:-}" ]; then
  if [ ! -r "$CORPUS_LIST" ]; then
    echo "run_benchmarks.sh: CORPUS_LIST=$CORPUS_LIST is not readable" >&2
    exit 1
  fi
  run_corpus "real corpus ($CORPUS_LIST)" "$CORPUS_LIST" real
fi

# ---- the whole pipeline on real code against HashiCorp's parse-only time
if [ -n "${REAL_CODE_DIR:-}" ] && [ "$have_go" = 1 ]; then
  echo
  echo "== real code: bench/real_code.sh over $REAL_CODE_DIR"
  "$(dirname "$0")/real_code.sh" "$build" "$REAL_CODE_DIR" 3
fi

# ---- load + evaluate (issue: 3 environments x 50 modules x 20 resources < 100 ms, one core)
if [ -x "$build/bench/tfguard_eval_bench" ]; then
  echo
  echo "== load + evaluate: tfguard_eval_bench (generated tree in $build/bench-eval-tree)"
  "$build/bench/tfguard_eval_bench" --dir "$build/bench-eval-tree" --envs 3 --modules 50 --resources 20 --runs 5
fi

# ---- the language server: on-save re-check of one module file (target < 20 ms)
if [ -x "$build/bench/tfguard_lsp_bench" ]; then
  echo
  echo "== language server on save: tfguard_lsp_bench (the same tree)"
  "$build/bench/tfguard_lsp_bench" --dir "$build/bench-eval-tree" --envs 3 --modules 50 --resources 20 --runs 11
fi

# ---- pre-commit latency: tfguard check --changed, the process as the hook runs it
if [ -x "$build/tfguard" ] && [ -x "$build/bench/tfguard_eval_bench" ]; then
  echo
  echo "== pre-commit latency: bench/changed_latency.sh"
  "$(dirname "$0")/changed_latency.sh" "$build"
fi

# ---- scale: full check processes on 10 to 10,000 generated files (10,000 < 2 s wall on 2 cores)
if [ -x "$build/bench/tfguard_scale_bench" ] && [ -x "$build/tfguard" ]; then
  echo
  echo "== scale: tfguard_scale_bench (generated repositories in $build/bench-scale)"
  "$build/bench/tfguard_scale_bench" --tfguard "$build/tfguard" --dir "$build/bench-scale" --runs 3
fi
