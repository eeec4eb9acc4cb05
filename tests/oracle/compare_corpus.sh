#!/usr/bin/env bash
# Differential run over a local corpus of real Terraform (never committed):
# every file is parsed by tfguard and by HashiCorp's parser (hcldump), and
# the ASTs are compared node by node.
#   tests/oracle/compare_corpus.sh LIST [--template] [BUILD_DIR]
# LIST: a file with one path per line. Prints ast-compare's summary line.
set -euo pipefail
list=$1; shift
mode=""
if [ "${1:-}" = "--template" ]; then mode="--template"; shift; fi
build=${1:-build}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
split -l 400 "$list" "$work/batch."
total_out="$work/summary"
: > "$total_out"
for batch in "$work"/batch.*; do
  mapfile -t files < "$batch"
  "$build/tfguard" parse ${mode:+--template} "${files[@]}" > "$batch.ours" 2>/dev/null || true
  "$build/hcldump" $mode "${files[@]}" > "$batch.theirs"
  # A single file prints a document, not an array; ast-compare takes both.
  "$build/tests/oracle/ast-compare" "$batch.ours" "$batch.theirs" >> "$total_out" || true
done
grep -v " files, " "$total_out" || true
awk '/ files, / {f+=$1; i+=$3; m+=$5; eb+=$7; eo+=$9; et+=$11}
     END {printf "TOTAL %d files, %d identical, %d mismatched, %d errors-both, %d errors-only-ours, %d errors-only-theirs\n", f, i, m, eb, eo, et}' "$total_out"
