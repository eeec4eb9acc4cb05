#!/usr/bin/env python3
"""The CI examples of docs/examples/ and the pre-commit hook definition are
valid: every YAML file parses and has the shape its CI expects, and every
`tfguard check` command in them runs (exit 0 or 1, never a usage error) on a
copy of the bundled example tree.

    ci_examples_test.py TFGUARD_BINARY SOURCE_DIR
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

import yaml  # python3-yaml (make test-deps)


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def steps_of(workflow):
    for job in workflow["jobs"].values():
        yield from job["steps"]


def commands_in(text):
    """The `tfguard check ...` commands in a run or script block."""
    return [line.strip() for line in text.splitlines() if line.strip().startswith("tfguard check")]


def main():
    tfguard, source = os.path.abspath(sys.argv[1]), sys.argv[2]
    examples = os.path.join(source, "docs", "examples")
    commands = []

    hooks = yaml.safe_load(open(os.path.join(source, ".pre-commit-hooks.yaml")))
    hook = hooks[0]
    if hook["id"] != "tfguard" or hook["entry"] != "tfguard check --changed" or hook["language"] != "system":
        fail(".pre-commit-hooks.yaml: hook tfguard, entry `tfguard check --changed`, language system expected")
    files = re.compile(hook["files"])
    for path in ["main.tf", "a/b.tf.json", "envs/prod.tfvars", "x.tfvars.json", "backend.hcl", ".tfguard.hcl",
                 "deployments/env-prod", "prod.env"]:
        if not files.search(path):
            fail(".pre-commit-hooks.yaml: files does not match " + path)
    for path in ["README.md", "main.tfx", "env.template", "deployments/env-prod.bak"]:
        if files.search(path):
            fail(".pre-commit-hooks.yaml: files matches " + path)

    for name in ["github-actions.yml", "github-actions-baseline.yml"]:
        workflow = yaml.safe_load(open(os.path.join(examples, name)))
        if workflow["permissions"].get("security-events") != "write":
            fail(name + ": upload-sarif needs permissions security-events: write")
        steps = list(steps_of(workflow))
        uploads = [s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@v3")]
        if len(uploads) != 1:
            fail(name + ": one github/codeql-action/upload-sarif@v3 step expected")
        runs = [c for s in steps for c in commands_in(s.get("run", ""))]
        sarif = [c for c in runs if "--format sarif" in c]
        if not sarif or "--fail-on never" not in sarif[0] or uploads[0]["with"]["sarif_file"] not in sarif[0]:
            fail(name + ": the SARIF step must write the uploaded file with --fail-on never")
        if steps.index(uploads[0]) < [i for i, s in enumerate(steps) if sarif[0] in s.get("run", "")][0]:
            fail(name + ": the upload must follow the SARIF step")
        if not any("--fail-on" in c and "never" not in c for c in runs):
            fail(name + ": no gate step")
        commands += runs

    gitlab = yaml.safe_load(open(os.path.join(examples, "gitlab-ci.yml")))
    job = gitlab["tfguard"]
    report = job["artifacts"]["reports"]["junit"]
    script = [c for line in job["script"] for c in commands_in(line)]
    if not any("--format junit" in c and report in c for c in script):
        fail("gitlab-ci.yml: the JUnit step must write " + report)
    quality = job["artifacts"]["reports"]["codequality"]
    if not any("--format codequality" in c and quality in c for c in script):
        fail("gitlab-ci.yml: the Code Quality step must write " + quality)
    if job["artifacts"].get("when") != "always":
        fail("gitlab-ci.yml: keep the reports when the gate fails (artifacts: when: always)")
    commands += script
    commands += commands_in(open(os.path.join(examples, "any-ci.sh")).read())

    # Every command runs on the bundled example (which has findings): exit 0 or 1.
    work = tempfile.mkdtemp(prefix="tfguard-ci-examples-")
    try:
        tree = os.path.join(work, "repo")
        shutil.copytree(os.path.join(source, "testdata", "examples", "signaling-server"), tree)
        os.mkdir(os.path.join(tree, ".git"))
        subprocess.run([tfguard, "check", "--write-baseline", ".tfguard-baseline.json"], cwd=tree, check=True,
                       capture_output=True)
        env = dict(os.environ, PATH=os.path.dirname(tfguard) + os.pathsep + os.environ["PATH"])
        for command in sorted(set(commands), key=lambda c: "--write-baseline" not in c):
            result = subprocess.run(command, shell=True, cwd=tree, env=env, capture_output=True, text=True)
            if result.returncode not in (0, 1):
                fail(f"`{command}` exited {result.returncode}: {result.stderr}")
            print(f"ok ({result.returncode}): {command}")
    finally:
        shutil.rmtree(work)
    print(f"ok: {len(set(commands))} commands")


if __name__ == "__main__":
    main()
