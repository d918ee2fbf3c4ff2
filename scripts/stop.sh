#!/usr/bin/env bash
# Stop what `make run` started: web server, Celery worker and beat, and the native services.
set -euo pipefail
source "$(dirname "$0")/env.sh"
for f in "$MSI_RUN/gunicorn.pid" "$MSI_RUN/gunicorn-test.pid" "$MSI_RUN/celery.pid" \
    "$MSI_RUN/celery-media.pid"; do
    if msi_pid_alive "$f"; then
        kill -TERM "$(cat "$f")"
        for _ in $(seq 100); do msi_pid_alive "$f" || break; sleep 0.2; done
        msi_pid_alive "$f" && kill -KILL "$(cat "$f")"
    fi
    rm -f "$f"
done
"$MSI_ROOT/scripts/services.sh" stop
msi_say "stopped"
