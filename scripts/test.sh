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
# The secrets first: the steps below run side by side and must not each make the same one.
(msi_env dev && msi_env test) >/dev/null
# webpack keeps about one core busy; the test instance, and for the whole suite the backup drill's
# instance, are initialised on the other meanwhile.
trap 'kill $(jobs -p) 2>/dev/null || true' EXIT
"$MSI_ROOT/scripts/assets.sh" &
assets_job=$!
drill_job=
if [ "$#" -eq 0 ]; then
    export MSI_DRILL_ROOT="$MSI_STATE/drill-ahead-$$"
    (msi_env test && exec python "$MSI_ROOT/tests/preservation/drill_instance.py" "$MSI_DRILL_ROOT") \
        >"$MSI_LOG/drill-ahead.log" 2>&1 &
    drill_job=$!
fi
"$MSI_ROOT/scripts/setup.sh" test --force
wait "$assets_job"
if [ -n "$drill_job" ] && ! wait "$drill_job"; then
    msi_say "the drill instance made ahead failed (log: $MSI_LOG/drill-ahead.log); the drill makes its own"
fi
trap - EXIT
msi_env test
cd "$MSI_ROOT"
UPSTREAM_OFF_TESTS=(
    tests/test_records_flow.py tests/custom_fields tests/oai tests/exports
    tests/security/test_permission_matrix.py tests/security/test_policies.py
    tests/fulltext/test_fulltext_search.py tests/films/test_search_and_metadata.py
    tests/researchers/test_workflow_api.py tests/upstream/test_registry.py
)
msi_say "linting with ruff"
ruff format --check --quiet site tests bench scripts || msi_die "ruff format: run 'make format'"
ruff check --quiet site tests bench scripts || msi_die "ruff found problems (see above)"
msi_say "running the test suite"
status=0
if [ "$#" -eq 0 ]; then
    python -m pytest --durations=25 || status=$?
else
    python -m pytest "$@" || status=$?
fi
if [ "$#" -eq 0 ]; then
    # The same answers without any change to upstream (msi_rdm.upstream), only slower.
    msi_say "running the API, OAI-PMH, export and permission tests with every upstream change off"
    # Harvest budgets and restarts are MSI's own OAI-PMH server, which no upstream change touches.
    INVENIO_MSI_UPSTREAM_ENABLED=False python -m pytest -q "${UPSTREAM_OFF_TESTS[@]}" \
        --ignore=tests/oai/test_flow_control.py --ignore=tests/oai/test_paging_restart.py \
        || status=$?
fi
msi_say "make test took $((SECONDS - start)) s"
exit "$status"
