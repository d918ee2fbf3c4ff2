#!/usr/bin/env bash
# Back up the development instance, or restore a backup onto an empty one (after make clean).
# Usage: scripts/backup.sh backup DIR | restore DIR [FILES_DIR]
# MSI_FLAVOUR=test works on the test instance instead.
set -euo pipefail
source "$(dirname "$0")/env.sh"
action="${1:-}" dir="${2:-}" files_dir="${3:-}"
case "$action" in backup|restore) ;; *) msi_die "usage: $0 backup|restore DIR [FILES_DIR]" ;; esac
[ -n "$dir" ] || msi_die "say where: make $action DIR=/path/to/backup"
flavour="${MSI_FLAVOUR:-dev}"
"$MSI_ROOT/scripts/install.sh"
"$MSI_ROOT/scripts/services.sh" start
msi_env "$flavour"
mkdir -p "$INVENIO_INSTANCE_PATH" "$MSI_LOG"
stamp="$INVENIO_INSTANCE_PATH/.initialised"
if [ "$action" = backup ]; then
    [ -f "$stamp" ] || msi_die "the $flavour instance is not initialised; there is nothing to back up"
    invenio msi backup "$dir"
    exit 0
fi
[ -f "$stamp" ] && msi_die "the $flavour instance is initialised; restore only onto an empty one \
(make clean first, after backing it up)"
for f in invenio.cfg app_data templates; do
    ln -sfn "$MSI_ROOT/$f" "$INVENIO_INSTANCE_PATH/$f"
done
export INVENIO_CELERY_TASK_ALWAYS_EAGER=True
invenio msi restore "$dir" ${files_dir:+--files-dir "$files_dir"}
# The restored instance is initialised: `make run` upgrades it, never initialises it over again.
date -u +%FT%TZ >"$stamp"
touch "$INVENIO_INSTANCE_PATH/.community-logos"
msi_say "the $flavour instance is restored from $dir"
