#!/usr/bin/env bash
# Runs the libFuzzer parser target (make fuzz).
#
#   tests/fuzz/run_fuzzers.sh BUILD_DIR SECONDS
#
# BUILD_DIR is a build configured with -DTFGUARD_FUZZ=ON in which the target
# tfguard_parse_fuzzer has been built. SECONDS is the time per run.
#
# Environment:
#   FUZZ_MODES       "all" (default): one run of SECONDS, the first byte of
#                    each input picks the parser. Or a list such as "config
#                    template json": one run of SECONDS per mode, each pinned
#                    to one parser (TFGUARD_FUZZ_MODE), so each mode gets the
#                    whole time.
#   FUZZ_FRESH=1     start from the seeds only, discarding the working corpora
#                    that earlier runs left in BUILD_DIR/fuzz/corpus-*.
#   FUZZ_MAX_CORPUS  merge a working corpus down to the inputs that add
#                    coverage before a run when it has more files than this
#                    (default 5000): reloading it is otherwise most of a short
#                    run.
#   FUZZ_ARGS        extra libFuzzer flags, appended last.
#
# Seeds come from testdata/parse/** and testdata/parse-json/** (prefixed with
# the mode byte: .json → 2, .tftpl/.tpl → 1, anything else → 0) and from
# tests/fuzz/corpus/ (already prefixed). They are copied into a temporary
# directory under BUILD_DIR. New inputs go to the working corpus
# BUILD_DIR/fuzz/corpus-MODE (kept between runs), crash, leak, timeout and OOM
# inputs to BUILD_DIR/fuzz/artifacts/. Nothing is written into the repository.
#
# Exit status: 0 when every run finished clean, 1 when a run found a crash,
# leak, hang, OOM or sanitizer report (the input's path is printed), 2 on
# usage errors.
set -uo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 BUILD_DIR SECONDS" >&2
  exit 2
fi
build_dir=$1
seconds=$2
case $seconds in '' | *[!0-9]*)
  echo "$0: SECONDS must be a whole number, got '$seconds'" >&2
  exit 2
  ;;
esac

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
if [ ! -x "$build_dir/tests/fuzz/tfguard_parse_fuzzer" ]; then
  echo "$0: $build_dir/tests/fuzz/tfguard_parse_fuzzer not found; build it first (make fuzz does)" >&2
  exit 2
fi
build_dir=$(cd "$build_dir" && pwd)
fuzzer=$build_dir/tests/fuzz/tfguard_parse_fuzzer
work=$build_dir/fuzz
artifacts=$work/artifacts
dict=$repo/tests/fuzz/hcl.dict

for mode in ${FUZZ_MODES:-all}; do
  case $mode in all | config | template | json) ;; *)
    echo "$0: unknown mode '$mode' in FUZZ_MODES (all, config, template, json)" >&2
    exit 2
    ;;
  esac
done

mkdir -p "$work" "$artifacts"
if [ "${FUZZ_FRESH:-0}" = 1 ]; then rm -rf "$work"/corpus-*; fi

seeds=$(mktemp -d "$work/seeds.XXXXXX")
trap 'rm -rf "$seeds"' EXIT

# Seeds: each fixture with its mode byte in front.
n=0
while IFS= read -r -d '' f; do
  case $f in
    */README* | *.md) continue ;;
    *.json) mode='\002' ;;
    *.tftpl | *.tpl) mode='\001' ;;
    *) mode='\000' ;;
  esac
  rel=${f#"$repo"/testdata/}
  { printf "$mode"; cat "$f"; } >"$seeds/${rel//\//__}"
  n=$((n + 1))
done < <(find "$repo/testdata/parse" "$repo/testdata/parse-json" -type f -print0 2>/dev/null)
if [ -d "$repo/tests/fuzz/corpus" ]; then
  while IFS= read -r -d '' f; do
    cp "$f" "$seeds/corpus__$(basename "$f")"
    n=$((n + 1))
  done < <(find "$repo/tests/fuzz/corpus" -type f -print0)
fi
echo "== $n seeds from testdata/parse*, tests/fuzz/corpus"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}

status=0
for mode in ${FUZZ_MODES:-all}; do
  log=$work/fuzz-$mode.log
  corpus=$work/corpus-$mode
  mkdir -p "$corpus"
  files=$(find "$corpus" -type f | wc -l)
  if [ "$files" -gt "${FUZZ_MAX_CORPUS:-5000}" ]; then
    echo "== merging $corpus ($files files) down to the inputs that add coverage"
    rm -rf "$corpus.merged"
    mkdir -p "$corpus.merged"
    if TFGUARD_FUZZ_MODE=$mode "$fuzzer" -merge=1 -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
      "$corpus.merged" "$corpus" >"$work/merge-$mode.log" 2>&1; then
      rm -rf "$corpus"
      mv "$corpus.merged" "$corpus"
      echo "   now $(find "$corpus" -type f | wc -l) files"
    else
      echo "   merge failed (see $work/merge-$mode.log); keeping the corpus as it is" >&2
      rm -rf "$corpus.merged"
    fi
  fi

  before=$(find "$artifacts" -type f | wc -l)
  echo "== fuzzing mode '$mode' for ${seconds}s (corpus: $corpus, log: $log)"
  # shellcheck disable=SC2086
  TFGUARD_FUZZ_MODE=$mode "$fuzzer" \
    -max_total_time="$seconds" \
    -max_len=65536 \
    -timeout=10 \
    -rss_limit_mb=2048 \
    -malloc_limit_mb=2048 \
    -print_final_stats=1 \
    -dict="$dict" \
    -artifact_prefix="$artifacts/" \
    ${FUZZ_ARGS:-} \
    "$corpus" "$seeds" >"$log" 2>&1
  rc=$?
  grep -E '^(stat::|#[0-9]+[[:space:]]+(DONE|INITED))' "$log" | sed 's/^/   /'
  echo "   working corpus: $(find "$corpus" -type f | wc -l) files"
  after=$(find "$artifacts" -type f | wc -l)
  if [ $rc -ne 0 ] || [ "$after" -ne "$before" ]; then
    status=1
    echo "!! mode '$mode': libFuzzer exited with status $rc" >&2
    grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error|tfguard_parse_fuzzer:|artifact_prefix|Test unit written)' "$log" | head -20 >&2
    echo "!! crash inputs in $artifacts/:" >&2
    ls -t "$artifacts" | head -"$((after > before ? after - before : 5))" | sed "s|^|     $artifacts/|" >&2
    echo "!! reproduce: TFGUARD_FUZZ_MODE=$mode $fuzzer ARTIFACT" >&2
    echo "!! minimise:  TFGUARD_FUZZ_MODE=$mode $fuzzer -minimize_crash=1 -max_total_time=60 ARTIFACT" >&2
    echo "!! full log:  $log" >&2
  fi
done
exit $status
