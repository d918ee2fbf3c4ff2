#!/usr/bin/env bash
# Collect static files and build the webpack assets, only when their inputs changed.
# Usage: scripts/assets.sh [--force]
set -euo pipefail
source "$(dirname "$0")/env.sh"
msi_env dev
log="$MSI_LOG/assets.log"
assets="$INVENIO_INSTANCE_PATH/assets"
static="$INVENIO_INSTANCE_PATH/static"
stamp="$static/.msi-assets-hash"
mkdir -p "$INVENIO_INSTANCE_PATH" "$MSI_LOG"
for f in invenio.cfg app_data templates; do ln -sfn "$MSI_ROOT/$f" "$INVENIO_INSTANCE_PATH/$f"; done

inputs_hash() {
    # Everything the build reads: locked Python packages, our assets and the package's static files.
    (cd "$MSI_ROOT" && find requirements.lock scripts/assets.sh assets site/msi_rdm -type f \
        \( -path 'assets/*' -o -path '*/assets/*' -o -path '*/static/*' -o -name requirements.lock \
        -o -name assets.sh \) \
        -not -path '*/__pycache__/*' -print0 | sort -z | xargs -0 sha256sum) | sha256sum | cut -c1-16
}

hash=$(inputs_hash)
if [ "${1:-}" != "--force" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$hash" ] \
    && grep -q '"status": *"done"' "$static/dist/manifest.json" 2>/dev/null; then
    exit 0
fi

msi_say "building web assets (log: $log; takes a few minutes the first time)"
: >"$log"
run() { echo "### $*" >>"$log"; "$@" >>"$log" 2>&1 || msi_die "asset step failed: $*" "$log" 30; }
export INVENIO_LOGGING_CONSOLE_LEVEL=WARNING
run invenio collect
run invenio webpack create
# Our theme and templates overlay what the packages bring.
run cp -r "$MSI_ROOT/assets/." "$assets/"
theme_example=$(python -c 'import invenio_theme, os; print(os.path.join(os.path.dirname(invenio_theme.__file__), "assets/semantic-ui/less/invenio_theme/theme.config.example"))')
# invenio-theme's example configuration, with our site folder and InvenioRDM's theme (themes/rdm).
sed -e "s#^@siteFolder .*#@siteFolder  : '../../less/site';#" \
    -e 's#^@import (multiple) "themes/invenio/theme.less";#@import (multiple) "themes/rdm/theme.less";#' \
    "$theme_example" >"$assets/less/theme.config"
grep -q 'themes/rdm/theme.less' "$assets/less/theme.config" \
    || msi_die "invenio-theme's theme.config.example changed; update scripts/assets.sh"
# MSI's Swedish for upstream's React strings that upstream's catalogs leave in English or lack
# (assets/i18n/sv/<package>.json), merged over each package's catalog before the build.
python - "$MSI_ROOT/assets/i18n/sv" "$assets/translations" <<'PY'
import json, pathlib, sys
ours, catalogs = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
for path in sorted(ours.glob("*.json")):
    target = catalogs / path.stem / "messages/sv/translations.json"
    if not target.exists():
        sys.exit(f"no Swedish catalog of {path.stem} to add MSI's translations to")
    merged = {**json.loads(target.read_text()), **json.loads(path.read_text())}
    target.write_text(json.dumps(merged, ensure_ascii=False, indent=2, sort_keys=True))
PY
# The npm registry here lacks warcio 2.4.12+, wanted by invenio-previewer's replaywebpage.
python - "$assets/package.json" <<'PY'
import json, sys
path = sys.argv[1]
package = json.load(open(path))
package["overrides"] = {**package.get("overrides", {}), "warcio": "2.4.11"}
json.dump(package, open(path, "w"), indent=2)
PY
(cd "$assets" && run npm install --no-audit --no-fund --loglevel=error)
(cd "$assets" && run npm run build)
grep -q '"status": *"done"' "$static/dist/manifest.json" 2>/dev/null \
    || msi_die "the build wrote no finished manifest" "$log" 30
echo "$hash" >"$stamp"
msi_say "web assets built"
