#!/bin/sh
# End to end: the real pre-commit tool runs the hook of our
# .pre-commit-hooks.yaml on staged changes of a small repository.
#   precommit_hook_test.sh TFGUARD_BINARY SOURCE_DIR
# 1. a staged module change that opens SSH to the CIDRs of each environment's
#    tfvars: production's are 0.0.0.0/0, so the hook fails with that
#    production finding (and says nothing about dev, where it is fine);
# 2. a staged change to dev's tfvars only: production (still failing) is not
#    checked, the hook passes.
# Needs pre-commit and git, no network (language: system installs nothing).
# TFGUARD_SKIP_PRECOMMIT_E2E=1 skips it (exit 77); otherwise a missing
# pre-commit is a failure: CI installs it (make test-deps).
set -eu
tfguard=$1
source_dir=$2

if [ "${TFGUARD_SKIP_PRECOMMIT_E2E:-}" = 1 ]; then
  echo "skipped: TFGUARD_SKIP_PRECOMMIT_E2E=1"
  exit 77
fi
for tool in pre-commit git; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "FAIL: $tool is not installed (make test-deps installs it; TFGUARD_SKIP_PRECOMMIT_E2E=1 skips this test)"
    exit 1
  fi
done

work=$(mktemp -d "${TMPDIR:-/tmp}/tfguard-precommit.XXXXXX")
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" PRE_COMMIT_HOME="$work/pre-commit-home" XDG_CACHE_HOME="$work/cache"
export GIT_AUTHOR_NAME=tfguard GIT_AUTHOR_EMAIL=tfguard@example.invalid
export GIT_COMMITTER_NAME=tfguard GIT_COMMITTER_EMAIL=tfguard@example.invalid
export GIT_CONFIG_NOSYSTEM=1
mkdir -p "$HOME" "$work/bin"
# The built tfguard first on PATH, as `language: system` runs whatever is there.
ln -s "$(cd "$(dirname "$tfguard")" && pwd)/$(basename "$tfguard")" "$work/bin/tfguard"
export PATH="$work/bin:$PATH"

fail() {
  echo "FAIL: $1"
  [ -f "$work/out.txt" ] && { echo "--- pre-commit output:"; cat "$work/out.txt"; }
  exit 1
}

# The hook repository: our .pre-commit-hooks.yaml, committed (pre-commit
# clones hook repositories at a revision).
mkdir "$work/hooks"
cp "$source_dir/.pre-commit-hooks.yaml" "$work/hooks/"
git -C "$work/hooks" init -q
git -C "$work/hooks" add .pre-commit-hooks.yaml
git -C "$work/hooks" commit -q -m hooks
rev=$(git -C "$work/hooks" rev-parse HEAD)

# The user's repository: one module deployed to dev and production.
repo="$work/repo"
mkdir -p "$repo/modules/web" "$repo/environments/dev" "$repo/environments/production"
cd "$repo"
git init -q
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $work/hooks
    rev: $rev
    hooks:
      - id: tfguard
YAML
cat > modules/web/main.tf <<'TF'
variable "environment" {
  type = string
}

variable "ssh_cidrs" {
  type = list(string)
}

resource "aws_security_group" "web" {
  name        = "web-${var.environment}"
  description = "web servers (SSH from ${join(",", var.ssh_cidrs)} soon)"
}
TF
for env in dev production; do
  cat > "environments/$env/main.tf" <<TF
terraform {
  required_version = ">= 1.5"
  backend "s3" {}
}

variable "ssh_cidrs" {
  type = list(string)
}

module "web" {
  source      = "../../modules/web"
  environment = "$env"
  ssh_cidrs   = var.ssh_cidrs
}
TF
done
echo 'ssh_cidrs = ["10.0.0.0/8"]' > environments/dev/terraform.tfvars
echo 'ssh_cidrs = ["0.0.0.0/0"]' > environments/production/terraform.tfvars
git add -A
git commit -q -m "web module in dev and production"
tfguard check --fail-on warning >/dev/null || fail "the committed tree should pass tfguard check"

# 1. the module change: SSH from var.ssh_cidrs.
cat > modules/web/main.tf <<'TF'
variable "environment" {
  type = string
}

variable "ssh_cidrs" {
  type = list(string)
}

resource "aws_security_group" "web" {
  name        = "web-${var.environment}"
  description = "web servers"

  ingress {
    description = "SSH"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = var.ssh_cidrs
  }
}
TF
git add modules/web/main.tf
status=0
pre-commit run --color never > "$work/out.txt" 2>&1 || status=$?
[ "$status" = 1 ] || fail "pre-commit should exit 1 on the module change, not $status"
grep -q "modules/web/main.tf:.*\[ssh-admin-cidr\] (production)" "$work/out.txt" ||
  fail "the production finding of the module change is missing"
grep -q "(dev)" "$work/out.txt" && fail "dev has no finding"
git commit -q --no-verify -m "web: SSH (production fails)"

# 2. a change to dev's tfvars only: production is not checked.
echo 'ssh_cidrs = ["10.1.0.0/16"]' > environments/dev/terraform.tfvars
git add environments/dev/terraform.tfvars
status=0
pre-commit run --color never > "$work/out.txt" 2>&1 || status=$?
[ "$status" = 0 ] || fail "pre-commit should pass on dev's tfvars change, not exit $status"
grep -q "production" "$work/out.txt" && fail "dev's tfvars change reported production"
grep -q "^tfguard\.*Passed" "$work/out.txt" || fail "the tfguard hook did not run"

# A full check still sees production's finding: the hook only narrowed the scope.
status=0
tfguard check -q > "$work/out.txt" 2>&1 || status=$?
[ "$status" = 1 ] || fail "tfguard check should still fail on production"
echo "ok"
