#!/usr/bin/env bash
# The whole test suite against real PostgreSQL, OpenSearch and Redis, on a freshly initialised
# test instance (database msi_test, indices msi-test-*, Redis databases 8-14).
# Usage: scripts/test.sh [pytest arguments]
set -euo pipefail
source "$(dirname "$0")/env.sh"
export MSI_BROWSER=1
start=$SECONDS
"$MSI_ROOT/scripts/install.sh"
"$MSI_ROOT/scripts/services.sh" start
"$MSI_ROOT/scripts/assets.sh"
"$MSI_ROOT/scripts/setup.sh" test --force
msi_env test
cd "$MSI_ROOT"
msi_say "linting with ruff"
ruff format --check --quiet site tests bench scripts || msi_die "ruff format: run 'make format'"
ruff check --quiet site tests bench scripts || msi_die "ruff found problems (see above)"
msi_say "running the test suite"
status=0
python -m pytest "$@" || status=$?
msi_say "make test took $((SECONDS - start)) s"
exit "$status"
