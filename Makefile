# The README's two commands: `make run` and `make test`. Both install what they need first.
SWIFT      ?= swift
BIN_DEBUG   = .build/debug/valuebench
BIN_RELEASE = .build/release/valuebench
VENV        = .venv
EXAMPLE    ?= notebooks/tour.ipynb

.PHONY: run test build release bench setup system-deps venv notebooks notebooks-check kernel kernel-check \
	clean fuzz fuzz-smoke lint format

## Set-up: Debian packages (libedit for the line editor, tmux for the terminal tests) and a
## Python venv with the notebook validators. Idempotent; does nothing when all is there.
setup: system-deps venv

system-deps:
	@scripts/install-system-deps.sh

venv: $(VENV)/.ready
$(VENV)/.ready: scripts/requirements.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r scripts/requirements.txt
	touch $@

build: system-deps
	$(SWIFT) build

release: system-deps
	$(SWIFT) build -c release

## Start the workbench on an example notebook.
run: build
	@if [ -f "$(EXAMPLE)" ]; then $(BIN_DEBUG) "$(EXAMPLE)"; else $(BIN_DEBUG); fi

## Every test, then every notebook replayed and validated.
test: setup
	$(MAKE) --no-print-directory lint
	$(SWIFT) build --build-tests
	VALUEBENCH_PYTHON=$(abspath $(VENV))/bin/python3 $(SWIFT) test --skip-build
	$(MAKE) --no-print-directory fuzz-smoke
	$(MAKE) --no-print-directory notebooks-check
	$(MAKE) --no-print-directory kernel-check

## The Swift sources in the toolchain's `swift format` layout (.swift-format: 120 columns, 4 spaces):
## `make lint` checks (part of `make test`), `make format` rewrites. `make lint` also fails on a line
## over 120 columns, which `swift format` leaves (string literals, comments).
SWIFT_SOURCES = Package.swift Sources Plugins Tests BuildTools Fuzz/Package.swift Fuzz/Targets Fuzz/Support
lint:
	$(SWIFT) format lint --strict --recursive --parallel $(SWIFT_SOURCES)
	scripts/check-line-length.sh Sources Plugins Tests Fuzz

format:
	$(SWIFT) format --in-place --recursive --parallel $(SWIFT_SOURCES)

## Regenerates every example notebook from its script in notebooks/src (NAMES="catl tour" for some).
notebooks: build
	@scripts/make-notebooks.sh $(BIN_DEBUG) $(NAMES)

## Replays every example notebook and checks it against the nbformat 4.5 schema.
notebooks-check: build venv
	@scripts/check-notebooks.sh $(BIN_DEBUG) $(VENV)/bin/python3 notebooks/*.ipynb

## Makes the Jupyter kernel known to this user's Jupyter (then: `jupyter lab notebooks/`).
kernel: build
	$(BIN_DEBUG) kernel install --user

## The Jupyter kernel tested with the ecosystem's tools (jupyter_kernel_test, nbclient, nbval),
## installed into a temporary prefix (never the user's own Jupyter folders).
kernel-check: build venv
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	$(BIN_DEBUG) kernel install --prefix "$$tmp" > /dev/null && \
	export JUPYTER_PATH="$$tmp/share/jupyter" JUPYTER_DATA_DIR="$$tmp/data" JUPYTER_RUNTIME_DIR="$$tmp/runtime" && \
	$(VENV)/bin/python -m pytest -q -p no:cacheprovider Tests/KernelPython && \
	$(VENV)/bin/python -m pytest -q -p no:cacheprovider --nbval notebooks/

## Speed targets from the issues, measured on a release build.
bench: release venv
	@for b in Benchmarks/*.sh; do echo "== $$b"; bash "$$b" $(BIN_RELEASE) || exit 1; done

## libFuzzer targets (Fuzz/README.md), built into .build/fuzz: each runs FUZZ_SECONDS from its corpus.
FUZZ_SECONDS ?= 60
fuzz:
	SWIFT=$(SWIFT) Fuzz/run.sh fuzz $(FUZZ_SECONDS)

## Each target replays its corpus and Fuzz/regressions/, then fuzzes a few seconds (in `make test`).
fuzz-smoke:
	SWIFT=$(SWIFT) Fuzz/run.sh smoke

clean:
	rm -rf .build $(VENV)
