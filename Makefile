# The MSI repository. `make run` serves it, `make test` tests it; both install what is missing.
.PHONY: run test stop clean status format translations bench backup restore
SHELL := /bin/bash

run:  ## Install, start services, initialise once, build assets, serve at http://127.0.0.1:5000
	@scripts/run.sh

test:  ## Lint and run the whole test suite against real services
	@scripts/test.sh $(PYTEST_ARGS)

bench:  ## Benchmarks against the running site (make run first); QUICK=1 for a short run
	@QUICK=$(QUICK) scripts/bench.sh

backup:  ## Back up the development instance into the new folder DIR (make backup DIR=...)
	@scripts/backup.sh backup "$(DIR)"

restore:  ## Restore the backup in DIR onto an empty development instance (after make clean)
	@scripts/backup.sh restore "$(DIR)" "$(FILES_DIR)"

stop:  ## Stop the web server, worker and services that `make run` started
	@scripts/stop.sh

status:  ## Show which services are up
	@scripts/services.sh status

clean: stop  ## Remove all local state: databases, indices, files, logs and secrets
	rm -rf .state

format:  ## Format the Python code with ruff
	@.venv/bin/ruff format site tests bench scripts && .venv/bin/ruff check --fix site tests bench scripts

translations:  ## Extract messages and update the Swedish catalog (translate, then commit)
	@.venv/bin/pybabel extract -F babel.ini -k lazy_gettext -k _ --no-location --sort-output \
		-o site/msi_rdm/translations/messages.pot . && \
	.venv/bin/pybabel update -i site/msi_rdm/translations/messages.pot -d site/msi_rdm/translations -w 100
