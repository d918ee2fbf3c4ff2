#!/usr/bin/env bash
# Initialise an instance (dev or test) once: database, files, roles, indices, custom fields,
# vocabularies, pages, OAI sets, the admin user and the demo collection.
# Usage: scripts/setup.sh dev|test [--force]
set -euo pipefail
source "$(dirname "$0")/env.sh"
flavour="${1:-dev}"
msi_env "$flavour"
stamp="$INVENIO_INSTANCE_PATH/.initialised"
log="$MSI_LOG/setup-$flavour.log"
mkdir -p "$INVENIO_INSTANCE_PATH" "$MSI_LOG"
for f in invenio.cfg app_data templates; do
    ln -sfn "$MSI_ROOT/$f" "$INVENIO_INSTANCE_PATH/$f"
done

if [ -f "$stamp" ] && [ "${2:-}" != "--force" ]; then
    {
        invenio alembic upgrade
        invenio msi fulltext upgrade-indices
        # Instances initialised before communities had logos get them once.
        if [ ! -f "$INVENIO_INSTANCE_PATH/.community-logos" ]; then
            invenio msi communities logos && touch "$INVENIO_INSTANCE_PATH/.community-logos"
        fi
    } >"$log" 2>&1 || msi_die "upgrading the $flavour instance failed" "$log"
    if grep -q "search section added" "$log"; then
        msi_say "indexing the full text of existing records"
        invenio msi fulltext extract --all >>"$log" 2>&1 || msi_die "full-text indexing failed" "$log"
    fi
    if grep -q "create the msi_film_files table\|-> 7a2c3e4f5b6d" "$log"; then
        msi_say "probing the films of existing records"
        invenio msi films probe --all >>"$log" 2>&1 || msi_die "probing films failed" "$log"
    fi
    exit 0
fi

msi_say "initialising the $flavour instance (log: $log)"
# Tasks run in-process while initialising, so nothing waits for a worker.
export INVENIO_CELERY_TASK_ALWAYS_EAGER=True INVENIO_LOGGING_CONSOLE_LEVEL=WARNING
export MSI_ADMIN_PASSWORD
MSI_ADMIN_PASSWORD="$(msi_secret "admin_password_$flavour")"
demo=--demo
[ "$flavour" = test ] && [ "${MSI_TEST_DEMO:-1}" = 0 ] && demo=--no-demo
rm -rf "$MSI_STATE/files-$flavour"
invenio msi init --files-uri "$MSI_STATE/files-$flavour" --admin-email "$MSI_ADMIN_EMAIL" $demo \
    2>"$log" | tee -a "$log" \
    || msi_die "initialising the $flavour instance failed" "$log" 30
invenio msi check >>"$log" 2>&1 || msi_die "the $flavour instance is incomplete" "$log" 30
date -u +%FT%TZ >"$stamp"
touch "$INVENIO_INSTANCE_PATH/.community-logos"
msi_say "the $flavour instance is ready"
