# The two commands of the quick start: `make site` and `make test`.
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site test serve bench clean-site

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

## test: install what the tests need (Debian's chromium, and axe-core pinned in tests/package.json) and run them
test: $(STAMP)
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }
	@command -v npm >/dev/null || { apt-get update -qq && apt-get install -y -qq npm >/dev/null; }
	@test -f tests/node_modules/axe-core/axe.min.js || npm ci --prefix tests --no-audit --no-fund --silent
	$(BIN)/python -m pytest

## serve: the writer's loop; edits in seeds/ or docs/ rebuild what they change (--dirty) and reload the browser
serve: $(STAMP)
	$(BIN)/mkdocs serve --dirty

## bench: the performance benchmarks (not tests), see bench/README.md
bench: $(STAMP)
	$(BIN)/python -m bench
