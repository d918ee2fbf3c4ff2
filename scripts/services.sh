#!/usr/bin/env bash
# Install, start, stop and report the native services: PostgreSQL, Redis and OpenSearch, and the
# local fake of DataCite's REST API.
# Usage: scripts/services.sh install|status, or start|stop|restart [postgres|redis|opensearch|datacite]
set -euo pipefail
source "$(dirname "$0")/env.sh"

PG_DIR="$MSI_STATE/postgres"
REDIS_DIR="$MSI_STATE/redis"
OS_DIR="$MSI_STATE/opensearch"
OS_HOME="$OS_DIR/opensearch-$MSI_OS_VERSION"
# The modules InvenioRDM needs that the integ-test distribution lacks: artifact, folder, plugin class.
OS_MODULES=(
    "analysis-common analysis-common org.opensearch.analysis.common.CommonAnalysisPlugin"
    "mapper-extras-client mapper-extras org.opensearch.index.mapper.MapperExtrasPlugin"
    "percolator-client percolator org.opensearch.percolator.PercolatorPlugin"
    "geo geo org.opensearch.geo.GeoModulePlugin"
    "parent-join-client parent-join org.opensearch.join.ParentJoinPlugin"
)

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

java_home() {
    local j
    for j in /usr/lib/jvm/java-17-openjdk-*; do [ -x "$j/bin/java" ] && { echo "$j"; return; }; done
    j=$(command -v java) || return 1
    dirname "$(dirname "$(readlink -f "$j")")"
}

install_packages() {
    local missing=()
    [ -n "$(pg_bin)" ] || missing+=(postgresql)
    command -v redis-server >/dev/null || missing+=(redis-server)
    command -v ffprobe >/dev/null || missing+=(ffmpeg)
    command -v pdftotext >/dev/null || missing+=(poppler-utils)
    command -v unzip >/dev/null || missing+=(unzip)
    command -v curl >/dev/null || missing+=(curl)
    [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
    command -v mvn >/dev/null || missing+=(maven)
    [ -n "$(java_home 2>/dev/null)" ] || missing+=(openjdk-17-jre-headless)
    if [ "${MSI_BROWSER:-0}" = 1 ]; then
        command -v chromium >/dev/null || missing+=(chromium)
        # The compose file's nginx configuration is tested with the same nginx version (1.22).
        command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
    fi
    [ ${#missing[@]} -eq 0 ] && return 0
    msi_say "installing Debian packages: ${missing[*]}"
    local sudo=""
    if [ "$(id -u)" != 0 ]; then
        command -v sudo >/dev/null && sudo -n true 2>/dev/null \
            || msi_die "need root to apt-get install ${missing[*]}; install them or run as root"
        sudo="sudo -n"
    fi
    mkdir -p "$MSI_LOG"
    { $sudo apt-get update -q && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q \
        --no-install-recommends "${missing[@]}"; } >"$MSI_LOG/apt.log" 2>&1 \
        || msi_die "apt-get install ${missing[*]} failed" "$MSI_LOG/apt.log"
}

ensure_svc_user() {
    [ "$(id -u)" = 0 ] || return 0
    id -u "$MSI_SVC_USER" >/dev/null 2>&1 \
        || useradd --system --no-create-home --shell /usr/sbin/nologin "$MSI_SVC_USER"
    # The service account must be able to reach the state folder: grant search (not read) permission
    # on any ancestor that denies it, as a fresh `mktemp -d` does.
    local d="$MSI_STATE"
    while [ "$d" != / ]; do
        d=$(dirname "$d")
        [ -d "$d" ] && [ $(( $(stat -c '%a' "$d" | tail -c 2) & 1 )) -eq 0 ] && chmod o+x "$d"
    done
    return 0
}

svc_dir() {
    mkdir -p "$@"
    [ "$(id -u)" = 0 ] && chown -R "$MSI_SVC_USER" "$@"
    return 0
}

install_opensearch() {
    [ -x "$OS_HOME/bin/opensearch" ] && [ -f "$OS_HOME/modules/parent-join/plugin-descriptor.properties" ] \
        && return 0
    msi_say "fetching OpenSearch $MSI_OS_VERSION and its modules from Maven Central"
    local dl="$OS_DIR/downloads" log="$MSI_LOG/opensearch-install.log"
    mkdir -p "$dl" "$MSI_LOG"
    mvn -q -B dependency:copy \
        -Dartifact="org.opensearch.distribution.integ-test-zip:opensearch:$MSI_OS_VERSION:zip" \
        -DoutputDirectory="$dl" >"$log" 2>&1 \
        || msi_die "could not fetch the OpenSearch $MSI_OS_VERSION distribution" "$log"
    rm -rf "$OS_HOME"
    unzip -q -o "$dl/opensearch-$MSI_OS_VERSION.zip" -d "$OS_DIR" >>"$log" 2>&1 \
        || msi_die "could not unpack OpenSearch" "$log"
    local entry artifact folder cls
    for entry in "${OS_MODULES[@]}"; do
        read -r artifact folder cls <<<"$entry"
        mkdir -p "$OS_HOME/modules/$folder"
        mvn -q -B dependency:copy -Dartifact="org.opensearch.plugin:$artifact:$MSI_OS_VERSION" \
            -DoutputDirectory="$OS_HOME/modules/$folder" >>"$log" 2>&1 \
            || msi_die "could not fetch the OpenSearch module $artifact" "$log"
        cat >"$OS_HOME/modules/$folder/plugin-descriptor.properties" <<PROPS
description=$folder module, added by the MSI repository setup
version=$MSI_OS_VERSION
name=$folder
classname=$cls
java.version=11
opensearch.version=$MSI_OS_VERSION
extended.plugins=
has.native.controller=false
PROPS
    done
}

install() {
    install_packages
    ensure_svc_user
    [ "$MSI_OWN_OS" = 1 ] && install_opensearch
    return 0
}

# --- PostgreSQL -------------------------------------------------------------------------------


start_postgres() {
    local bin; bin=$(pg_bin)
    local log="$MSI_LOG/postgres.log"
    svc_dir "$PG_DIR" "$MSI_LOG"
    [ "$(id -u)" = 0 ] && touch "$log" && chown "$MSI_SVC_USER" "$log"
    if [ ! -f "$PG_DIR/data/PG_VERSION" ]; then
        msi_say "initialising PostgreSQL in $PG_DIR/data"
        local pwfile="$PG_DIR/pwfile"
        msi_secret pg_password >"$pwfile"
        [ "$(id -u)" = 0 ] && chown "$MSI_SVC_USER" "$pwfile"
        msi_as_svc "$bin/initdb" -D "$PG_DIR/data" -U msi --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8 \
            --auth-host=scram-sha-256 --auth-local=trust >"$MSI_LOG/postgres-init.log" 2>&1 \
            || msi_die "initdb failed" "$MSI_LOG/postgres-init.log"
        rm -f "$pwfile"
        cat >>"$PG_DIR/data/postgresql.conf" <<CONF
# MSI repository: loopback only, sockets in the state folder, sized for a small machine.
listen_addresses = '$MSI_HOST'
port = $MSI_PG_PORT
unix_socket_directories = '$PG_DIR'
max_connections = 200
shared_buffers = 256MB
synchronous_commit = off
CONF
    fi
    if msi_as_svc "$bin/pg_ctl" -D "$PG_DIR/data" status >/dev/null 2>&1; then return 0; fi
    msi_port_open "$MSI_PG_PORT" && msi_die "port $MSI_PG_PORT is taken by another program; \
stop it or set MSI_PG_PORT"
    msi_as_svc "$bin/pg_ctl" -D "$PG_DIR/data" -l "$log" -w -t 60 start >/dev/null 2>&1 \
        || msi_die "PostgreSQL did not start" "$log"
    local db
    for db in msi msi_test; do
        msi_as_svc "$bin/psql" -h "$PG_DIR" -p "$MSI_PG_PORT" -U msi -d postgres -tAc \
            "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1 \
            || msi_as_svc "$bin/createdb" -h "$PG_DIR" -p "$MSI_PG_PORT" -U msi "$db"
    done
}

stop_postgres() {
    local bin; bin=$(pg_bin)
    [ -f "$PG_DIR/data/PG_VERSION" ] || return 0
    msi_as_svc "$bin/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
}

# --- Redis ------------------------------------------------------------------------------------

start_redis() {
    local pid="$REDIS_DIR/redis.pid" log="$MSI_LOG/redis.log"
    svc_dir "$REDIS_DIR" "$MSI_LOG"
    [ "$(id -u)" = 0 ] && touch "$log" && chown "$MSI_SVC_USER" "$log"
    msi_pid_alive "$pid" && return 0
    msi_port_open "$MSI_REDIS_PORT" && msi_die "port $MSI_REDIS_PORT is taken by another program; \
stop it or set MSI_REDIS_PORT"
    msi_as_svc redis-server --bind "$MSI_HOST" --port "$MSI_REDIS_PORT" --dir "$REDIS_DIR" \
        --daemonize yes --pidfile "$pid" --logfile "$log" --save 300 1 --databases 16 \
        || msi_die "Redis did not start" "$log"
    msi_wait 20 "Redis" "$log" redis-cli -h "$MSI_HOST" -p "$MSI_REDIS_PORT" ping
}

stop_redis() {
    local pid="$REDIS_DIR/redis.pid"
    msi_pid_alive "$pid" || return 0
    kill "$(cat "$pid")"
    local i; for i in $(seq 50); do msi_pid_alive "$pid" || return 0; sleep 0.2; done
}

# --- OpenSearch -------------------------------------------------------------------------------

os_healthy() {
    curl -sf "http://$MSI_HOST:$MSI_OS_PORT/_cluster/health?wait_for_status=yellow&timeout=1s" \
        | grep -q '"status":"\(green\|yellow\)"'
}

start_opensearch() {
    local pid="$OS_DIR/run/opensearch.pid" log="$MSI_LOG/opensearch.log"
    svc_dir "$OS_DIR/run" "$OS_DIR/data" "$OS_DIR/logs" "$OS_HOME" "$MSI_LOG"
    [ "$(id -u)" = 0 ] && touch "$log" && chown "$MSI_SVC_USER" "$log"
    if msi_pid_alive "$pid"; then
        msi_wait 120 "OpenSearch" "$OS_DIR/logs/msi.log" os_healthy
        return 0
    fi
    msi_port_open "$MSI_OS_PORT" && msi_die "port $MSI_OS_PORT is taken by another program; \
stop it or set MSI_OS_PORT"
    local jh; jh=$(java_home) || msi_die "no Java runtime found for OpenSearch"
    msi_as_svc env JAVA_HOME="$jh" OPENSEARCH_JAVA_OPTS="-Xms$MSI_OS_HEAP -Xmx$MSI_OS_HEAP" \
        "$OS_HOME/bin/opensearch" -d -p "$pid" \
        -Ecluster.name=msi -Enode.name=msi-1 -Ediscovery.type=single-node \
        -Enetwork.host="$MSI_HOST" -Ehttp.port="$MSI_OS_PORT" \
        -Epath.data="$OS_DIR/data" -Epath.logs="$OS_DIR/logs" \
        -Ecluster.routing.allocation.disk.threshold_enabled=false \
        >"$log" 2>&1 || msi_die "OpenSearch did not start" "$log"
    local start=$SECONDS
    until os_healthy; do
        if ! msi_pid_alive "$pid" && [ $((SECONDS - start)) -gt 10 ]; then
            cat "$OS_DIR/logs/msi.log" >>"$log" 2>/dev/null || true
            msi_die "OpenSearch exited while starting" "$log" 40
        fi
        [ $((SECONDS - start)) -ge 180 ] && msi_die "OpenSearch did not come up within 180s" \
            "$OS_DIR/logs/msi.log" 40
        sleep 1
    done
}

stop_opensearch() {
    local pid="$OS_DIR/run/opensearch.pid"
    msi_pid_alive "$pid" || return 0
    kill "$(cat "$pid")"
    local i; for i in $(seq 100); do msi_pid_alive "$pid" || return 0; sleep 0.2; done
    kill -9 "$(cat "$pid")" 2>/dev/null || true
}

# --- DataCite (the local fake; production uses DataCite's API) --------------------------------

DC_DIR="$MSI_STATE/datacite"

datacite_up() { curl -sf "http://$MSI_HOST:$MSI_DATACITE_PORT/heartbeat" | grep -q OK; }

start_datacite() {
    local pid="$DC_DIR/fake.pid" log="$MSI_LOG/datacite.log"
    mkdir -p "$DC_DIR" "$MSI_LOG"
    msi_pid_alive "$pid" && return 0
    msi_port_open "$MSI_DATACITE_PORT" && msi_die "port $MSI_DATACITE_PORT is taken by another \
program; stop it or set MSI_DATACITE_PORT"
    [ -x "$MSI_VENV/bin/python" ] || msi_die "the Python environment is missing (scripts/install.sh)"
    setsid "$MSI_VENV/bin/python" -m msi_rdm.doi.fake_datacite --port "$MSI_DATACITE_PORT" \
        --username MSI.FAKE --password "$(msi_secret datacite_password)" --prefix 10.5072 \
        --state "$DC_DIR/dois.json" >"$log" 2>&1 &
    echo $! >"$pid"
    msi_wait 30 "the fake DataCite" "$log" datacite_up
}

stop_datacite() {
    local pid="$DC_DIR/fake.pid"
    msi_pid_alive "$pid" || return 0
    kill "$(cat "$pid")"
    local i; for i in $(seq 50); do msi_pid_alive "$pid" || break; sleep 0.2; done
    rm -f "$pid"
}

start() {
    install
    [ "$MSI_OWN_PG" = 1 ] && start_postgres
    [ "$MSI_OWN_REDIS" = 1 ] && start_redis
    [ "$MSI_OWN_OS" = 1 ] && start_opensearch
    [ "$MSI_OWN_DATACITE" = 1 ] && start_datacite
    return 0
}

stop() {
    stop_datacite
    stop_opensearch
    stop_redis
    stop_postgres
}

status() {
    local pg="down" rd="down" os="down" dc="down"
    [ -f "$PG_DIR/data/PG_VERSION" ] && msi_as_svc "$(pg_bin)/pg_ctl" -D "$PG_DIR/data" status \
        >/dev/null 2>&1 && pg="up (port $MSI_PG_PORT)"
    msi_pid_alive "$REDIS_DIR/redis.pid" && rd="up (port $MSI_REDIS_PORT)"
    os_healthy && os="up (port $MSI_OS_PORT)"
    datacite_up && dc="up (fake, port $MSI_DATACITE_PORT)"
    echo "postgresql: $pg"; echo "redis:      $rd"; echo "opensearch: $os"; echo "datacite:   $dc"
}

one() {
    # Start, stop or restart a single service: what fault tests do to the running stack.
    local action=$1 service=$2
    case "$service" in
        postgres|redis|opensearch|datacite) ;;
        *) echo "unknown service: $service (postgres, redis, opensearch or datacite)" >&2; exit 2 ;;
    esac
    case "$action" in
        start) install; "start_$service" ;;
        stop) "stop_$service" ;;
        restart) "stop_$service"; "start_$service" ;;
    esac
}

case "${1:-}" in
    install) install ;;
    start|stop|restart)
        if [ -n "${2:-}" ]; then one "$1" "$2"
        elif [ "$1" = restart ]; then stop; start
        else "$1"; fi ;;
    status) status ;;
    *) echo "usage: $0 install|status|start|stop|restart [postgres|redis|opensearch|datacite]" >&2
       exit 2 ;;
esac
