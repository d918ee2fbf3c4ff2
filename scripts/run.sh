#!/usr/bin/env bash
# Serve the MSI repository at http://127.0.0.1:5000 with a Celery worker and beat.
# Installs and initialises whatever is missing first. Ctrl-C stops the web server and the worker.
set -euo pipefail
source "$(dirname "$0")/env.sh"
web_pid="$MSI_RUN/gunicorn.pid"
worker_pid="$MSI_RUN/celery.pid"
media_pid="$MSI_RUN/celery-media.pid"
mkdir -p "$MSI_RUN" "$MSI_LOG"

if msi_pid_alive "$web_pid"; then
    msi_say "already running at http://$MSI_HOST:$MSI_WEB_PORT (make stop to stop it)"
    exit 0
fi
msi_port_open "$MSI_WEB_PORT" && msi_die "port $MSI_WEB_PORT is taken by another program; \
stop it or choose another port with MSI_WEB_PORT=..."

start=$SECONDS
"$MSI_ROOT/scripts/install.sh"
"$MSI_ROOT/scripts/services.sh" start
"$MSI_ROOT/scripts/setup.sh" dev
"$MSI_ROOT/scripts/assets.sh"
msi_env dev

stop_app() {
    trap - INT TERM EXIT
    local f
    for f in "$web_pid" "$worker_pid" "$media_pid"; do
        msi_pid_alive "$f" && kill -TERM "$(cat "$f")" 2>/dev/null
    done
    for f in "$web_pid" "$worker_pid" "$media_pid"; do
        local i; for i in $(seq 100); do msi_pid_alive "$f" || break; sleep 0.2; done
        rm -f "$f"
    done
}
trap 'stop_app; exit 130' INT TERM

celery -A invenio_app.celery worker --beat --concurrency "${MSI_WORKERS:-2}" --loglevel INFO \
    --schedule "$MSI_RUN/celerybeat-schedule" --pidfile "$worker_pid" -Q celery -n default@%h \
    --logfile "$MSI_LOG/celery.log" >/dev/null 2>&1 &
# Full-text extraction and film probing on a worker of their own (CELERY_TASK_ROUTES).
celery -A invenio_app.celery worker --concurrency "${MSI_MEDIA_WORKERS:-1}" --loglevel INFO \
    --pidfile "$media_pid" -Q msi-media -n media@%h \
    --logfile "$MSI_LOG/celery-media.log" >/dev/null 2>&1 &
gunicorn --bind "$MSI_HOST:$MSI_WEB_PORT" --workers "${MSI_WEB_WORKERS:-2}" --timeout 120 \
    --pid "$web_pid" --no-control-socket --access-logfile "$MSI_LOG/web-access.log" --error-logfile "$MSI_LOG/web.log" \
    --capture-output msi_rdm.wsgi:application &
gunicorn_job=$!
# The web server's own start is bounded, not install, setup and the asset build before it (which
# take half an hour on a busy machine and have failed loudly by now if they failed).
serving=$SECONDS

ready() { curl -sf -o /dev/null "http://$MSI_HOST:$MSI_WEB_PORT/api/records?size=1"; }
until ready; do
    if ! kill -0 "$gunicorn_job" 2>/dev/null; then stop_app; msi_die "the web server exited" \
        "$MSI_LOG/web.log" 40; fi
    if [ $((SECONDS - serving)) -gt 900 ]; then stop_app; msi_die "the web server did not answer" \
        "$MSI_LOG/web.log" 40; fi
    sleep 1
done
msi_wait 60 "the Celery worker" "$MSI_LOG/celery.log" msi_pid_alive "$worker_pid"
msi_wait 60 "the Celery media worker" "$MSI_LOG/celery-media.log" msi_pid_alive "$media_pid"

cat <<MSG

  MSI repository: http://$MSI_HOST:$MSI_WEB_PORT   (ready after $((SECONDS - start)) s)
  Log in as:      $MSI_ADMIN_EMAIL / $(msi_secret admin_password_dev)
  Logs:           $MSI_LOG   Stop: Ctrl-C, or make stop from another shell

MSG
wait "$gunicorn_job" || true
stop_app
