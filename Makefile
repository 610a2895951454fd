# The two commands of the quick start: `make site` and `make test`.
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# the annotated evaluation sets (score.py and its sets), beside the repository; `make eval EVAL=DIR` elsewhere
EVAL ?= ../shared/eval
# a subset of the gate's runs, e.g. EVAL_RUNS="seeds dev/polnear" (default: every run)
EVAL_RUNS ?=

.PHONY: site test eval lint preview zensical serve bench clean-site

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

## site: install what is needed, read seeds/ and build the static site into site/
##       (built beside the old site and swapped in, so a failed build keeps the old one;
##       skipped inputs are warnings; `make site STRICT=1` makes any warning fatal)
site: $(STAMP)
	$(BIN)/python -m generator site $(if $(STRICT),--strict)

## test: install what the tests need (Debian's chromium, and axe-core pinned in tests/package.json), run them,
##       with ruff and mypy first, then the evaluation gate (skipped with a note when $(EVAL) is absent)
test: $(STAMP)
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }
	@command -v npm >/dev/null || { apt-get update -qq && apt-get install -y -qq npm >/dev/null; }
	@test -f tests/node_modules/axe-core/axe.min.js || npm ci --prefix tests --no-audit --no-fund --silent
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/python -m pytest
	$(BIN)/python tests/eval/gate.py --eval-dir $(EVAL) --if-present $(if $(EVAL_RUNS),--only $(EVAL_RUNS))

## eval: score the seeds and every dev/* and train/* set of $(EVAL), print the table, and fail when a
##       figure drops more than 0.005 below its floor in tests/eval/floors.json. After an improvement:
##       `make eval FLOORS=update` raises the floors (lowering one needs FLOORS=lower, on purpose)
eval: $(STAMP)
	$(BIN)/python tests/eval/gate.py --eval-dir $(EVAL) $(if $(EVAL_RUNS),--only $(EVAL_RUNS)) \
		$(if $(filter update,$(FLOORS)),--update-floors)$(if $(filter lower,$(FLOORS)),--update-floors --allow-lower)

## lint: ruff and mypy, as configured in pyproject.toml
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

## preview: serve the built site at http://localhost:8000/ (opening site/index.html as a file breaks
##          directory links and search)
preview:
	@test -f site/index.html || { echo "No site yet: run 'make site' first."; exit 1; }
	$(PYTHON) -m http.server --directory site 8000

## zensical: build the site into build/site with Zensical instead of MkDocs (it runs no plugins: the generator
##           writes build/docs first, and the full-text index is built after)
zensical: $(STAMP)
	$(BIN)/python -m generator build seeds --out build/docs
	$(BIN)/zensical build -f zensical.yml
	$(BIN)/python -c 'from pathlib import Path; from generator.search import run_pagefind; \
		run_pagefind(Path("build/site").resolve(), True)'

## serve: the writer's loop; edits in seeds/ or docs/ rebuild what they change (--dirty) and reload the browser
serve: $(STAMP)
	$(BIN)/mkdocs serve --dirty

## bench: the performance benchmarks (not tests), see bench/README.md
bench: $(STAMP)
	$(BIN)/python -m bench
