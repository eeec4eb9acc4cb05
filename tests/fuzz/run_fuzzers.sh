#!/usr/bin/env bash
# Runs the libFuzzer targets (make fuzz).
#
#   tests/fuzz/run_fuzzers.sh BUILD_DIR SECONDS
#
# BUILD_DIR is a build configured with -DTFGUARD_FUZZ=ON in which the fuzz
# targets have been built. SECONDS is the time per run.
#
# Targets (one binary each, tfguard_NAME_fuzzer):
#   parse        the syntax stage: native config, bare templates, HCL JSON
#                (the first byte of an input picks the parser; see FUZZ_MODES)
#   json_config  .tf.json through the parser and the module model
#   template     a template file parsed and evaluated as templatefile() does
#   tfvars       .tfvars and .tfvars.json (first byte), values evaluated
#   env_file     shell env files (loader::parseEnvFile)
#   settings     .tfguard.hcl (parse + schema validation)
#   policy       policy files (policy::loadPolicyText)
#   eval         expressions evaluated with the function library and limits
#   lsp          the language server fed a client's stdin: Content-Length
#                framing, JSON-RPC dispatch, didOpen/didChange edits, hover,
#                codeAction (the first byte schedules the reads; file URIs
#                are confined to a sandbox; see lsp_fuzzer.cc)
#
# Environment:
#   FUZZ_TARGETS     the targets to run, in order (default: all of the above).
#                    Each gets SECONDS (the parse target SECONDS per mode).
#   FUZZ_MODES       for the parse target: "all" (default): one run of
#                    SECONDS, the first byte of each input picks the parser.
#                    Or a list such as "config template json": one run of
#                    SECONDS per mode, each pinned to one parser
#                    (TFGUARD_FUZZ_MODE), so each mode gets the whole time.
#   FUZZ_FRESH=1     start from the seeds only, discarding the working corpora
#                    that earlier runs left in BUILD_DIR/fuzz/corpus-*.
#   FUZZ_MAX_CORPUS  merge a working corpus down to the inputs that add
#                    coverage before a run when it has more files than this
#                    (default 5000): reloading it is otherwise most of a short
#                    run.
#   FUZZ_ARGS        extra libFuzzer flags, appended last.
#
# Seeds of the parse target come from testdata/parse/** and
# testdata/parse-json/** (prefixed with the mode byte: .json → 2,
# .tftpl/.tpl → 1, anything else → 0) and from the files directly in
# tests/fuzz/corpus/ (already prefixed); seeds of another target from
# tests/fuzz/corpus/NAME/ (the policy target also every policies/**/*.hcl,
# the settings target every .tfguard.hcl under testdata/). They are copied into a temporary directory under
# BUILD_DIR. New inputs go to the working corpus BUILD_DIR/fuzz/corpus-RUN
# (kept between runs), crash, leak, timeout and OOM inputs to
# BUILD_DIR/fuzz/artifacts/. Nothing is written into the repository.
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
all_targets="parse json_config template tfvars env_file settings policy eval lsp"
targets=${FUZZ_TARGETS:-$all_targets}
for target in $targets; do
  case " $all_targets " in *" $target "*) ;; *)
    echo "$0: unknown target '$target' in FUZZ_TARGETS ($all_targets)" >&2
    exit 2
    ;;
  esac
  if [ ! -x "$build_dir/tests/fuzz/tfguard_${target}_fuzzer" ]; then
    echo "$0: $build_dir/tests/fuzz/tfguard_${target}_fuzzer not found; build it first (make fuzz does)" >&2
    exit 2
  fi
done
build_dir=$(cd "$build_dir" && pwd)
work=$build_dir/fuzz
artifacts=$work/artifacts

for mode in ${FUZZ_MODES:-all}; do
  case $mode in all | config | template | json) ;; *)
    echo "$0: unknown mode '$mode' in FUZZ_MODES (all, config, template, json)" >&2
    exit 2
    ;;
  esac
done

mkdir -p "$work" "$artifacts"
if [ "${FUZZ_FRESH:-0}" = 1 ]; then rm -rf "$work"/corpus-*; fi

seeds_root=$(mktemp -d "$work/seeds.XXXXXX")
trap 'rm -rf "$seeds_root"' EXIT

# Seeds of the parse target: each fixture with its mode byte in front.
mkdir -p "$seeds_root/parse"
n=0
while IFS= read -r -d '' f; do
  case $f in
    */README* | *.md) continue ;;
    *.json) mode='\002' ;;
    *.tftpl | *.tpl) mode='\001' ;;
    *) mode='\000' ;;
  esac
  rel=${f#"$repo"/testdata/}
  { printf "$mode"; cat "$f"; } >"$seeds_root/parse/${rel//\//__}"
  n=$((n + 1))
done < <(find "$repo/testdata/parse" "$repo/testdata/parse-json" -type f -print0 2>/dev/null)
while IFS= read -r -d '' f; do
  cp "$f" "$seeds_root/parse/corpus__$(basename "$f")"
  n=$((n + 1))
done < <(find "$repo/tests/fuzz/corpus" -maxdepth 1 -type f -print0 2>/dev/null)
echo "== parse: $n seeds from testdata/parse*, tests/fuzz/corpus"
# Seeds of the other targets: tests/fuzz/corpus/TARGET/.
for target in $targets; do
  [ "$target" = parse ] && continue
  mkdir -p "$seeds_root/$target"
  if [ -d "$repo/tests/fuzz/corpus/$target" ]; then
    cp -r "$repo/tests/fuzz/corpus/$target/." "$seeds_root/$target/"
  fi
  # The repository's own files of the format, rather than copies of them.
  case $target in
    policy) find "$repo/policies" -name '*.hcl' -type f -print0 ;;
    settings) find "$repo/testdata" \( -name '.tfguard.hcl' -o -name '*.tfguard.hcl' \) -type f -print0 ;;
  esac 2>/dev/null | while IFS= read -r -d '' f; do
    rel=${f#"$repo"/}
    cp "$f" "$seeds_root/$target/repo__${rel//\//__}"
  done
  echo "== $target: $(find "$seeds_root/$target" -type f | wc -l) seeds from tests/fuzz/corpus/$target" \
    "$(case $target in policy) echo "and policies/" ;; settings) echo "and testdata's .tfguard.hcl files" ;; esac)"
done

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}

status=0
# One run: TARGET, RUN (the run's name: the target, or parse-MODE), MODE
# (TFGUARD_FUZZ_MODE for the parse target, else empty).
run() {
  local target=$1 name=$2 mode=$3
  local fuzzer=$build_dir/tests/fuzz/tfguard_${target}_fuzzer
  local log=$work/fuzz-$name.log
  local corpus=$work/corpus-$name
  local seeds=$seeds_root/$target
  # A target's own dictionary (TARGET.dict) when it has one, else HCL's.
  local dict=$repo/tests/fuzz/hcl.dict
  if [ -f "$repo/tests/fuzz/$target.dict" ]; then dict=$repo/tests/fuzz/$target.dict; fi
  mkdir -p "$corpus"
  local files
  files=$(find "$corpus" -type f | wc -l)
  if [ "$files" -gt "${FUZZ_MAX_CORPUS:-5000}" ]; then
    echo "== merging $corpus ($files files) down to the inputs that add coverage"
    rm -rf "$corpus.merged"
    mkdir -p "$corpus.merged"
    if TFGUARD_FUZZ_MODE=$mode "$fuzzer" -merge=1 -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
      "$corpus.merged" "$corpus" >"$work/merge-$name.log" 2>&1; then
      rm -rf "$corpus"
      mv "$corpus.merged" "$corpus"
      echo "   now $(find "$corpus" -type f | wc -l) files"
    else
      echo "   merge failed (see $work/merge-$name.log); keeping the corpus as it is" >&2
      rm -rf "$corpus.merged"
    fi
  fi

  local before after rc
  before=$(find "$artifacts" -type f | wc -l)
  echo "== fuzzing '$name' for ${seconds}s (corpus: $corpus, log: $log)"
  # shellcheck disable=SC2086
  TFGUARD_FUZZ_MODE=$mode "$fuzzer" \
    -max_total_time="$seconds" \
    -max_len=65536 \
    -timeout=10 \
    -rss_limit_mb=2048 \
    -malloc_limit_mb=2048 \
    -print_final_stats=1 \
    -dict="$dict" \
    -artifact_prefix="$artifacts/$name-" \
    ${FUZZ_ARGS:-} \
    "$corpus" "$seeds" >"$log" 2>&1
  rc=$?
  grep -E '^(stat::|#[0-9]+[[:space:]]+(DONE|INITED))' "$log" | sed 's/^/   /'
  echo "   working corpus: $(find "$corpus" -type f | wc -l) files"
  after=$(find "$artifacts" -type f | wc -l)
  if [ $rc -ne 0 ] || [ "$after" -ne "$before" ]; then
    status=1
    echo "!! '$name': libFuzzer exited with status $rc" >&2
    grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error|tfguard_.*_fuzzer:|artifact_prefix|Test unit written)' "$log" | head -20 >&2
    echo "!! crash inputs in $artifacts/:" >&2
    ls -t "$artifacts" | head -"$((after > before ? after - before : 5))" | sed "s|^|     $artifacts/|" >&2
    echo "!! reproduce: TFGUARD_FUZZ_MODE=$mode $fuzzer ARTIFACT" >&2
    echo "!! minimise:  TFGUARD_FUZZ_MODE=$mode $fuzzer -minimize_crash=1 -max_total_time=60 ARTIFACT" >&2
    echo "!! full log:  $log" >&2
  fi
}

for target in $targets; do
  if [ "$target" = parse ]; then
    # The parse target's runs keep their old names (corpus-MODE).
    for mode in ${FUZZ_MODES:-all}; do run parse "$mode" "$mode"; done
  else
    run "$target" "$target" ""
  fi
done
exit $status
