# Two commands set everything up on a fresh Debian machine:
#   make run    install what is missing, build, run tfguard on the bundled example
#   make test   install what is missing, build, run every test
# Also: make test-asan, make test-tsan, make bench, make fuzz, make clean.

BUILD      ?= build
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_ARGS ?=
FUZZ_SECONDS ?= 60
WERROR     := $(if $(filter true 1,$(CI)),ON,OFF)

BUILD_PACKAGES := cmake g++ make pkg-config libfmt-dev nlohmann-json3-dev libre2-dev \
                  libcli11-dev libgtest-dev libbenchmark-dev
TEST_PACKAGES  := golang-go golang-github-hashicorp-hcl-v2-dev neovim git pre-commit python3-yaml
FUZZ_PACKAGES  := clang-16 libclang-rt-16-dev

SUDO := $(shell [ "$$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1 && echo sudo)

# Installs the Debian packages that are missing (apt-get, root or sudo).
define install_packages
	@missing=""; for p in $(1); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
endef

.PHONY: all deps test-deps build run test test-asan test-tsan bench fuzz docs clean

all: build

deps:
	$(call install_packages,$(BUILD_PACKAGES))

test-deps: deps
	$(call install_packages,$(TEST_PACKAGES))
	@# Microsoft's SARIF validator, from the npm registry, with the machine's
	@# Node.js (Debian's npm is only installed when there is no npm at all:
	@# it conflicts with other Node.js packagings).
	@command -v npm >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq npm; }
	@[ -x build-tools/sarif-multitool/node_modules/.bin/sarif-multitool ] || \
	  npm install --prefix build-tools/sarif-multitool --no-save @microsoft/sarif-multitool

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTFGUARD_WERROR=$(WERROR) $(CMAKE_ARGS)

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

run: build
	./$(BUILD)/tfguard version
	@echo "== tfguard check on the bundled example (a module deployed to dev and production; --fail-on never: it has a finding on purpose)"
	cd testdata/examples/signaling-server && ../../../$(BUILD)/tfguard check --fail-on never
	@echo "== tfguard inspect --env production: the evaluated model (first lines)"
	cd testdata/examples/signaling-server && ../../../$(BUILD)/tfguard inspect --env production | head -40

test: test-deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTFGUARD_WERROR=$(WERROR) $(CMAKE_ARGS)
	cmake --build $(BUILD) -j $(JOBS)
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

test-asan: test-deps
	cmake -S . -B $(BUILD)-asan -DCMAKE_BUILD_TYPE=Debug -DTFGUARD_SANITIZE=ON -DTFGUARD_BENCH=OFF -DTFGUARD_WERROR=$(WERROR)
	cmake --build $(BUILD)-asan -j $(JOBS)
	cd $(BUILD)-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j $(JOBS)

# ThreadSanitizer over what runs on several threads: the parallel pipeline
# (reading, parsing, models, evaluation, rules; -j) through the suites that
# drive it, and the binary on the fixture trees with more threads than cores.
# (The whole suite under TSan would take an hour; the rest is single-threaded.)
TSAN_TESTS ?= TaskPool*:EnvironmentEvalTest.ModuleInstancesEvaluatedAsPool*:ParallelCheck*:CheckChanged*:CheckSession*:ProjectReuse*:EvaluationCache*:ChangedFiles*:Engine*:Lsp*:HostileTree.*:Security*:RuleFixtures*
test-tsan: test-deps
	cmake -S . -B $(BUILD)-tsan -DCMAKE_BUILD_TYPE=Debug -DTFGUARD_TSAN=ON -DTFGUARD_BENCH=OFF -DTFGUARD_WERROR=$(WERROR)
	cmake --build $(BUILD)-tsan -j $(JOBS) --target tfguard tfguard_unit_tests
	cd $(BUILD)-tsan && TSAN_OPTIONS=halt_on_error=1 tests/tfguard_unit_tests --gtest_brief=1 --gtest_filter='$(TSAN_TESTS)'
	for tree in testdata/rules testdata/envs testdata/examples; do \
	  TSAN_OPTIONS=halt_on_error=1 $(BUILD)-tsan/tfguard check -j 4 --fail-on never -q -f json -o /dev/null $$tree || exit 1; \
	done

# docs/rules/*.md are generated from the rules' metadata (C++ rules and the
# built-in policies); a test fails when the committed pages are stale.
docs: build
	rm -f docs/rules/*.md
	./$(BUILD)/tfguard rules --write-docs docs/rules

# -DTFGUARD_BENCH=ON explicitly: a build directory configured with it off
# would otherwise run stale benchmark binaries.
bench: test-deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTFGUARD_BENCH=ON -DTFGUARD_WERROR=$(WERROR) $(CMAKE_ARGS)
	cmake --build $(BUILD) -j $(JOBS)
	bench/run_benchmarks.sh $(BUILD)

fuzz: test-deps
	$(call install_packages,$(FUZZ_PACKAGES))
	CXX=clang++-16 cmake -S . -B $(BUILD)-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTFGUARD_FUZZ=ON -DTFGUARD_TESTS=OFF -DTFGUARD_BENCH=OFF
	cmake --build $(BUILD)-fuzz -j $(JOBS) --target tfguard_fuzzers
	tests/fuzz/run_fuzzers.sh $(BUILD)-fuzz $(FUZZ_SECONDS)

clean:
	rm -rf $(BUILD) $(BUILD)-asan $(BUILD)-tsan $(BUILD)-fuzz
