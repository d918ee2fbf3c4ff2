#!/usr/bin/env bash
# Install what is missing: Debian packages, OpenSearch, the Python environment and the MSI package.
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$MSI_ROOT/scripts/services.sh" install

install_node_tools() {
    # install_node_tools FOLDER PACKAGE_JSON WHAT: the npm packages a test suite runs (pinned in its
    # package.json) into $MSI_STATE/FOLDER, again only when that package.json changed.
    local dir="$MSI_STATE/$1" package="$MSI_ROOT/$2" what="$3" want
    want=$(sha256sum "$package" | cut -c1-16)
    [ -f "$dir/.msi-hash" ] && [ "$(cat "$dir/.msi-hash")" = "$want" ] && return 0
    command -v npm >/dev/null || msi_die "npm is needed for $what"
    mkdir -p "$dir" "$MSI_LOG"
    cp "$package" "$dir/package.json"
    (cd "$dir" && npm install --no-audit --no-fund --loglevel=error) >"$MSI_LOG/$1.log" 2>&1 \
        || msi_die "installing $what failed" "$MSI_LOG/$1.log"
    echo "$want" >"$dir/.msi-hash"
}
if [ "${MSI_BROWSER:-0}" = 1 ]; then
    # axe-core for the browser tests' accessibility checks; citeproc-js, the reference CSL
    # processor the citation tests compare with.
    install_node_tools browser-tools tests/browser/package.json "the browser tests' axe-core"
    install_node_tools citeproc-js tests/exports/citeprocjs/package.json "the citation tests' citeproc-js"
fi

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
