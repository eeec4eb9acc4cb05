#!/bin/sh
# tfguard in any CI: the exit code is the gate (0 pass, 1 findings at or
# above --fail-on, 2 usage or configuration error). Run from the
# repository root with tfguard on PATH (README: building).
set -eu
tfguard check --fail-on error
