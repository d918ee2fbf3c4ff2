#!/usr/bin/env bash
# Install what is missing: Debian packages, OpenSearch, the Python environment and the MSI package.
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$MSI_ROOT/scripts/services.sh" install

compile_translations() {
    "$MSI_VENV/bin/pybabel" compile -f -d "$MSI_ROOT/site/msi_rdm/translations" >/dev/null 2>&1 \
        || msi_die "compiling the translations failed"
}

stamp="$MSI_VENV/.msi-lock-hash"
want=$(cat "$MSI_ROOT/requirements.lock" "$MSI_ROOT/pyproject.toml" | sha256sum | cut -c1-16)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    compile_translations
    exit 0
fi
log="$MSI_LOG/install.log"
mkdir -p "$MSI_LOG"
msi_say "installing the Python environment (log: $log)"
command -v python3.11 >/dev/null || python3 -c 'import sys; assert sys.version_info[:2] == (3, 11)' \
    || msi_die "Python 3.11 is required"
py=$(command -v python3.11 || command -v python3)
{
    [ -x "$MSI_VENV/bin/python" ] || "$py" -m venv "$MSI_VENV"
    "$MSI_VENV/bin/pip" install -q "uv==0.13.9"
    "$MSI_VENV/bin/uv" pip sync --python "$MSI_VENV/bin/python" "$MSI_ROOT/requirements.lock"
    "$MSI_VENV/bin/uv" pip install --python "$MSI_VENV/bin/python" --no-deps -e "$MSI_ROOT"
    "$MSI_VENV/bin/python" -m compileall -q -j 2 "$MSI_VENV/lib" || true
} >"$log" 2>&1 || msi_die "installing the Python environment failed" "$log"
echo "$want" >"$stamp"
compile_translations
