#!/usr/bin/env bash
# The whole pipeline on real code against HashiCorp's parser alone (SPEC §9:
# "whole-pipeline time on real code below HashiCorp's parse-only time").
#
#   bench/real_code.sh BUILD_DIR DIR [RUNS]
#
# DIR holds real Terraform repositories (fetched outside this repository;
# never commit them). Prints the median of RUNS (3) runs of the `tfguard
# check` process over DIR — reading, parsing, models, environment discovery,
# evaluation of every environment, every rule, the JSON report — with its
# wall and CPU time, next to the best of RUNS passes of HashiCorp's
# hclsyntax.ParseConfig (`hcldump --bench`) over the same directory's .tf
# and .tfvars files, which only parses.
set -euo pipefail

if [ $# -lt 2 ]; then
  echo "usage: $0 BUILD_DIR DIR [RUNS]" >&2
  exit 2
fi
build=$1
dir=$2
runs=${3:-3}
tfguard="$build/tfguard"
hcldump="$build/hcldump"
for tool in "$tfguard" "$hcldump"; do
  if [ ! -x "$tool" ]; then
    echo "$0: $tool is missing (make build; hcldump needs golang-go)" >&2
    exit 2
  fi
done
dir=$(cd "$dir" && pwd)
list=$(mktemp)
times=$(mktemp)
trap 'rm -f "$list" "$times"' EXIT
find "$dir" -type f \( -name '*.tf' -o -name '*.tfvars' \) -not -path '*/.terraform/*' | sort >"$list"

# One check: "wall cpu" in seconds, from GNU time.
for ((i = 0; i < runs; i++)); do
  /usr/bin/time -f '%e %U %S' -o "$times" -a \
    "$tfguard" check --fail-on never -q -f json -o /dev/null "$dir" >/dev/null 2>&1 || {
    echo "$0: tfguard check failed on $dir" >&2
    exit 1
  }
done
read -r wall cpu < <(awk '{ print $1, $2 + $3 }' "$times" | sort -n | awk -v n="$runs" 'NR == int((n + 1) / 2)')
go=$("$hcldump" --bench "$runs" "@$list")
field() { sed -n "s/.*\"$1\": \([0-9.e+-]*\).*/\1/p" <<<"$go"; }

awk -v files="$(wc -l <"$list")" -v bytes="$(field bytes)" -v wall="$wall" -v cpu="$cpu" \
    -v go_wall="$(field seconds)" -v go_cpu="$(field cpu_seconds)" -v dir="$dir" -v runs="$runs" 'BEGIN {
  printf "real code (%s): %d .tf/.tfvars files, %.2f MB; median of %d check runs, best of %d HashiCorp passes\n",
         dir, files, bytes / 1e6, runs, runs
  printf "  %-52s %10s %10s\n", "", "wall s", "CPU s"
  printf "  %-52s %10.2f %10.2f\n", "tfguard check, the whole pipeline (every environment)", wall, cpu
  printf "  %-52s %10.2f %10.2f\n", "HashiCorp hclsyntax.ParseConfig, parse only", go_wall, go_cpu
  printf "  %-52s %9.2fx %9.2fx   (target < 1: %s)\n", "ratio tfguard check / HashiCorp parse", wall / go_wall,
         cpu / go_cpu, (wall < go_wall ? "met" : "NOT met")
}'
