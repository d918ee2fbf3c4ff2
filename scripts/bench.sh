#!/usr/bin/env bash
# Run the benchmarks against the instance that `make run` serves. QUICK=1 runs a smaller set.
set -euo pipefail
source "$(dirname "$0")/env.sh"
msi_env dev
curl -sf -o /dev/null "http://$MSI_HOST:$MSI_WEB_PORT/api/records?size=1" \
    || msi_die "start the site first with 'make run' (benchmarks measure the running instance)"
token=$(invenio tokens create -n "bench-$(date +%s)" -u "$MSI_ADMIN_EMAIL" --internal 2>/dev/null | tail -n 1)
[ -n "$token" ] || msi_die "could not create an API token for $MSI_ADMIN_EMAIL"
url="http://$MSI_HOST:$MSI_WEB_PORT"
# --- corpus (seeded, incremental: only missing records are loaded) ---
# Synthetic records get no DOIs: with DOIs on, the bulk path would refuse them all.
if [ "${QUICK:-0}" = 1 ]; then
    INVENIO_DATACITE_ENABLED=False python "$MSI_ROOT/bench/corpus.py" --records 1000 --pdfs 40
else
    INVENIO_DATACITE_ENABLED=False python "$MSI_ROOT/bench/corpus.py" --records 20000 --pdfs 760
fi
if [ "${QUICK:-0}" = 1 ]; then
    python "$MSI_ROOT/bench/search.py" --url "$url" --repeat 8 --warm-raw 300
    python "$MSI_ROOT/bench/fulltext.py" --docs 4 --pages 20 --repeat 3 --publishes 3 \
        --url "$url" --token "$token"
    python "$MSI_ROOT/bench/oai.py" --url "$url" --clone 500
    python "$MSI_ROOT/bench/citations.py" --url "$url" --repeat 10
    python "$MSI_ROOT/bench/harvest.py" --url "$url" --records 2000
else
    python "$MSI_ROOT/bench/search.py" --url "$url"
    python "$MSI_ROOT/bench/fulltext.py" --url "$url" --token "$token"
    python "$MSI_ROOT/bench/oai.py" --url "$url" --clone 20000
    python "$MSI_ROOT/bench/citations.py" --url "$url"
    python "$MSI_ROOT/bench/harvest.py" --url "$url" --records 100000
fi
# --- B3 reindex, B6 pages, B7 memory ---
if [ "${QUICK:-0}" = 1 ]; then
    python "$MSI_ROOT/bench/reindex.py" --repeat 2
    python "$MSI_ROOT/bench/pages.py" --repeat 15
else
    python "$MSI_ROOT/bench/reindex.py"
    python "$MSI_ROOT/bench/pages.py"
fi
python "$MSI_ROOT/bench/memory.py" --state "$MSI_STATE"
# --- B9 backup drill: back up the instance, restore it into a database of its own, reindex ---
python "$MSI_ROOT/bench/drill.py"
# --- B10 alerts: a digest run of saved searches over the corpus ---
if [ "${QUICK:-0}" = 1 ]; then
    python "$MSI_ROOT/bench/alerts.py" --searches 1000 --users 200 --queries 60 --baseline 20 --repeat 2
else
    python "$MSI_ROOT/bench/alerts.py" --searches 10000 --users 2000 --queries 300
fi
# --- B8 browser: bytes, requests, first paint and load at 10 Mbit/s, delivery off and on ---
if [ "${QUICK:-0}" = 1 ]; then
    python "$MSI_ROOT/bench/browser.py" --serve --repeat 2
else
    python "$MSI_ROOT/bench/browser.py" --serve --repeat 5
fi
# --- load: 20 loopback clients, bounded in requests and time ---
# The site allows an anonymous address 500 requests a minute; wait until the benchmarks above have
# left the window, so that the load run is measured, not refused with 429.
sleep 60
python "$MSI_ROOT/bench/load.py" --url "$url" --clients 20 --requests 400 --seconds 120
