#!/bin/sh
# End-to-end test of `tfguard lsp` with Neovim (tests/lsp/nvim_e2e.lua).
#   nvim_e2e.sh TFGUARD_BINARY TESTDATA_DIR
# Fails when nvim is missing (`make test` installs Debian's neovim);
# TFGUARD_SKIP_NVIM_E2E=1 skips it (exit 77, reported as skipped by ctest).
set -eu
bin=$1
testdata=$2
here=$(cd "$(dirname "$0")" && pwd)
if [ "${TFGUARD_SKIP_NVIM_E2E:-}" = 1 ]; then
  echo "skipped: TFGUARD_SKIP_NVIM_E2E=1"
  exit 77
fi
if ! command -v nvim >/dev/null 2>&1; then
  echo "nvim_e2e: nvim is not installed (apt-get install neovim; make test does it)," \
       "or set TFGUARD_SKIP_NVIM_E2E=1 to skip this test" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$testdata/lsp/workspace" "$work/ws"
mkdir "$work/ws/.git"
out="$work/diagnostics.txt"
cd "$work/ws"
TFGUARD_BIN=$bin WORKSPACE="$work/ws" OUT="$out" HOME="$work" XDG_STATE_HOME="$work" XDG_DATA_HOME="$work" \
  timeout 120 nvim --headless --clean -u NONE -i NONE -n -S "$here/nvim_e2e.lua" </dev/null >"$work/nvim.log" 2>&1 || {
  echo "nvim_e2e: nvim failed ($?)"; cat "$work/nvim.log"; cat "$out" 2>/dev/null; exit 1; }
echo "--- diagnostics seen by Neovim"
cat "$out"
expect() {
  grep -qxF "$1" "$out" || { echo "nvim_e2e: missing line: $1" >&2; exit 1; }
}
ssh='ssh-admin-cidr 18 4 2 SSH (22/tcp) is open to 0.0.0.0/0; allowed admin CIDRs: 198.51.100.0/24 [dev]'
expect "open $ssh"
expect "edit unused-declaration 1 13 3 variable \"port\" is declared but never used"
expect "edit ssh-admin-cidr 21 4 2 SSH (22/tcp) is open to 0.0.0.0/0; allowed admin CIDRs: 198.51.100.0/24 [dev]"
expect "EXIT 0"
if grep -q '^FAIL' "$out"; then exit 1; fi
echo "nvim_e2e: ok"
