# Shared settings for the MSI repository's scripts: paths, ports, service URLs and secrets.
# Sourced, never run. Every value can be overridden from the environment.

MSI_ROOT="${MSI_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
MSI_STATE="${MSI_STATE:-$MSI_ROOT/.state}"
MSI_VENV="${MSI_VENV:-$MSI_ROOT/.venv}"
MSI_LOG="$MSI_STATE/log"
MSI_RUN="$MSI_STATE/run"

MSI_HOST=127.0.0.1
MSI_WEB_PORT="${MSI_WEB_PORT:-5000}"
MSI_PG_PORT="${MSI_PG_PORT:-5432}"
MSI_REDIS_PORT="${MSI_REDIS_PORT:-6379}"
MSI_OS_PORT="${MSI_OS_PORT:-9200}"
MSI_OS_VERSION="${MSI_OS_VERSION:-2.19.1}"
MSI_OS_HEAP="${MSI_OS_HEAP:-1g}"
# The local fake of DataCite's REST API (msi_rdm.doi.fake_datacite); production points at DataCite.
MSI_DATACITE_PORT="${MSI_DATACITE_PORT:-$((MSI_WEB_PORT + 1000))}"
# The unprivileged account that runs PostgreSQL and OpenSearch when the scripts run as root.
MSI_SVC_USER="${MSI_SVC_USER:-msirdm}"
MSI_ADMIN_EMAIL="${MSI_ADMIN_EMAIL:-admin@msi-demo.org}"

# Which of the services the project starts itself: those the INVENIO_* variables do not point elsewhere.
MSI_OWN_PG=1; MSI_OWN_REDIS=1; MSI_OWN_OS=1
[ -n "${INVENIO_SQLALCHEMY_DATABASE_URI:-}" ] && MSI_OWN_PG=0
[ -n "${INVENIO_SEARCH_HOSTS:-}" ] && MSI_OWN_OS=0
[ -n "${INVENIO_CACHE_REDIS_URL:-}${INVENIO_BROKER_URL:-}" ] && MSI_OWN_REDIS=0
# DataCite: the fake, unless the environment names a DataCite account of its own.
MSI_OWN_DATACITE=1
if [ "${MSI_DATACITE_FAKE:-}" != 1 ] \
    && [ -n "${INVENIO_DATACITE_URL:-}${INVENIO_DATACITE_USERNAME:-}${INVENIO_DATACITE_ENABLED:-}" ]; then
    MSI_OWN_DATACITE=0
fi

msi_secret() {
    # Print the named secret, generating it into the state folder the first time.
    local f="$MSI_STATE/secrets/$1"
    if [ ! -s "$f" ]; then
        mkdir -p "$MSI_STATE/secrets" && chmod 700 "$MSI_STATE/secrets"
        (umask 077 && python3 -c 'import secrets; print("k" + secrets.token_urlsafe(32))' > "$f")
    fi
    cat "$f"
}

# msi_env [test]: export the INVENIO_* variables of the development (default) or test instance.
msi_env() {
    local flavour="${1:-dev}" db=msi redis_base=0 prefix=""
    if [ "$flavour" = test ]; then db=msi_test; redis_base=8; prefix="msi-test-"; fi
    export INVENIO_INSTANCE_PATH="${MSI_INSTANCE_PATH:-$MSI_STATE/instance-$flavour}"
    if [ "$flavour" = test ]; then
        # Tests render pages with the assets built for the development instance.
        export INVENIO_STATIC_FOLDER="$MSI_STATE/instance-dev/static"
    fi
    local redis="redis://$MSI_HOST:$MSI_REDIS_PORT"
    if [ "$MSI_OWN_PG" = 1 ]; then
        export INVENIO_SQLALCHEMY_DATABASE_URI="postgresql+psycopg2://msi:$(msi_secret pg_password)@$MSI_HOST:$MSI_PG_PORT/$db"
    fi
    if [ "$MSI_OWN_OS" = 1 ]; then
        export INVENIO_SEARCH_HOSTS="[{'host': '$MSI_HOST', 'port': $MSI_OS_PORT}]"
    fi
    if [ "$MSI_OWN_REDIS" = 1 ]; then
        export INVENIO_CACHE_REDIS_URL="$redis/$((redis_base + 0))"
        export INVENIO_ACCOUNTS_SESSION_REDIS_URL="$redis/$((redis_base + 1))"
        export INVENIO_BROKER_URL="$redis/$((redis_base + 2))"
        export INVENIO_CELERY_BROKER_URL="$INVENIO_BROKER_URL"
        export INVENIO_CELERY_RESULT_BACKEND="$redis/$((redis_base + 3))"
        export INVENIO_RATELIMIT_STORAGE_URI="$redis/$((redis_base + 4))"
        export INVENIO_IIIF_CACHE_REDIS_URL="$redis/$((redis_base + 5))"
        # Community memberships of signed-in users; upstream's default is localhost:6379, which
        # would reach another instance's Redis (or none) when MSI_REDIS_PORT is changed.
        export INVENIO_COMMUNITIES_IDENTITIES_CACHE_REDIS_URL="$redis/$((redis_base + 6))"
    fi
    if [ "$MSI_OWN_DATACITE" = 1 ]; then
        # DOIs against the local fake DataCite, under the test prefix 10.5072.
        export INVENIO_DATACITE_ENABLED=True INVENIO_DATACITE_TEST_MODE=True
        export INVENIO_DATACITE_URL="http://$MSI_HOST:$MSI_DATACITE_PORT/"
        export INVENIO_DATACITE_USERNAME=MSI.FAKE INVENIO_DATACITE_PREFIX=10.5072
        export INVENIO_DATACITE_PASSWORD="$(msi_secret datacite_password)"
        export INVENIO_DATACITE_DATACENTER_SYMBOL=MSI.FAKE MSI_DATACITE_FAKE=1
    fi
    export INVENIO_SEARCH_INDEX_PREFIX="${INVENIO_SEARCH_INDEX_PREFIX:-$prefix}"
    export INVENIO_SITE_UI_URL="${INVENIO_SITE_UI_URL:-http://$MSI_HOST:$MSI_WEB_PORT}"
    export INVENIO_SITE_API_URL="${INVENIO_SITE_API_URL:-$INVENIO_SITE_UI_URL/api}"
    export INVENIO_SECRET_KEY="${INVENIO_SECRET_KEY:-$(msi_secret secret_key)}"
    export INVENIO_SECURITY_LOGIN_SALT="${INVENIO_SECURITY_LOGIN_SALT:-$(msi_secret login_salt)}"
    export INVENIO_CSRF_SECRET_SALT="${INVENIO_CSRF_SECRET_SALT:-$(msi_secret csrf_salt)}"
    export MSI_FLAVOUR="$flavour"
    export PATH="$MSI_VENV/bin:$PATH"
}

msi_say() { printf '\033[1mmsi:\033[0m %s\n' "$*"; }

msi_die() {
    # Print a one-line reason (and the tail of a log, if given) and exit non-zero.
    printf '\033[1;31mmsi: error:\033[0m %s\n' "$1" >&2
    if [ -n "${2:-}" ] && [ -f "$2" ]; then
        printf -- '--- last lines of %s ---\n' "$2" >&2
        tail -n "${3:-25}" "$2" >&2
    fi
    exit 1
}

msi_port_open() { (exec 3<>"/dev/tcp/$MSI_HOST/$1") 2>/dev/null; }

msi_pid_alive() { [ -s "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# msi_wait SECONDS DESCRIPTION LOG COMMAND...: poll COMMAND until it succeeds, or fail with the log tail.
msi_wait() {
    local timeout="$1" what="$2" log="$3"; shift 3
    local start=$SECONDS
    until "$@" >/dev/null 2>&1; do
        if [ $((SECONDS - start)) -ge "$timeout" ]; then
            msi_die "$what did not come up within ${timeout}s" "$log"
        fi
        sleep 1
    done
}

msi_as_svc() {
    # Run a command as the unprivileged service account (root) or as ourselves (anyone else).
    if [ "$(id -u)" = 0 ]; then runuser -u "$MSI_SVC_USER" -- "$@"; else "$@"; fi
}
