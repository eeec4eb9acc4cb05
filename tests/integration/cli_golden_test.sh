#!/bin/sh
# End to end through the built binary: `tfguard check` on the bundled example
# (testdata/examples/signaling-server), compared with expected files there
# (cli.NAME.expected): GitHub annotations with real files, lines and columns,
# and --changed runs. TFGUARD_UPDATE_GOLDENS=1 rewrites the expected files;
# review the diff before committing.
#   cli_golden_test.sh TFGUARD_BINARY SOURCE_DIR
set -u
tfguard=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tree="$2/testdata/examples/signaling-server"
cd "$tree" || exit 1
failed=0

# NAME, expected exit code, arguments.
check_case() {
  name=$1 want_status=$2
  shift 2
  expected="cli.$name.expected"
  actual=$("$tfguard" check "$@" 2>&1)
  status=$?
  if [ -n "${TFGUARD_UPDATE_GOLDENS:-}" ]; then
    printf '%s\n' "$actual" > "$expected"
  fi
  if [ "$status" != "$want_status" ]; then
    echo "FAIL $name: tfguard check $* exited $status, not $want_status"
    failed=1
  fi
  if ! printf '%s\n' "$actual" | diff -u "$expected" - ; then
    echo "FAIL $name: tfguard check $* differs from $tree/$expected"
    failed=1
  else
    echo "ok $name"
  fi
}

check_case github 1 -f github
# dev's tfvars: only dev is checked.
check_case changed-dev-tfvars 1 -f github --changed environments/dev/terraform.tfvars
# production's tfvars: production is clean.
check_case changed-production-tfvars 0 -f github --changed environments/production/terraform.tfvars
# The module and its template: both environments.
check_case changed-module 1 -f github --changed modules/signaling-server/user-data.sh.tftpl
# Nothing affected: a message in text, an empty report otherwise.
check_case changed-nothing 0 --changed README.md
check_case changed-nothing-quiet 0 -q --changed README.md
check_case changed-nothing-codequality 0 -f codequality --changed README.md
check_case codequality 1 -f codequality
exit $failed
