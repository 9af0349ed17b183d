#!/usr/bin/env bash
# Traceability under a realistic ledger: L lots (default 100,000), each with 10 events (harvest, pre-cool, pack,
# store in, load, ship, receive, store in at the DC, deliver, loss: 1,000,000 events) imported through
# POST /api/v1/events/bulk (so the ledger, its hash chain and the lot projections are the real ones), and D days
# (default 30) of 1-minute telemetry of every unit the lots pass through (raw readings, minute and hour rollups,
# generated in SQL). Then measures, from a client on this machine, and prints as its LAST line:
#   trace_page_p99_ms=… lot_summary_p99_ms=… event_post_p99_ms=… events_per_s=…
# (public page GET /t/{trace code}; lot temperature summary GET /api/v1/lots/{id}/custody; single event POST;
# bulk import rate over the whole import). A figure whose route is not in this build prints n/a.
#
#   deploy/bench/trace.sh [--lots L] [--days D] [--requests R] [--keep-db] [--no-build]
# Environment: TRACE_BENCH_LOTS, TRACE_BENCH_DAYS, TRACE_BENCH_REQUESTS give the same (a quick run:
# TRACE_BENCH_LOTS=1000 TRACE_BENCH_DAYS=3). Targets (issue 7): trace page <= 50 ms, lot summary <= 100 ms,
# event POST <= 25 ms (p99), bulk import >= 5,000 events/s. The full run takes tens of minutes and ~8 GB of disk;
# its database (ct_tracebench_<pid>) is dropped afterwards unless --keep-db.
set -euo pipefail
cd "$(dirname "$0")/../.."
bench=trace usage='2,15'
lots=${TRACE_BENCH_LOTS:-100000} days=${TRACE_BENCH_DAYS:-30} requests=${TRACE_BENCH_REQUESTS:-500}
. deploy/bench/ledger_bench.sh
bench_parse "$@"
bench_setup
command psql -h 127.0.0.1 -U postgres -d "$db" -tAc \
  "SELECT id || ' ' || code || ' ' || trace_code FROM lot WHERE kind = 'lot' ORDER BY random() LIMIT $requests + 200" \
  > "$out/sample.txt"
python3 deploy/bench/trace_client.py measure "$port" "$token" "$out/sample.txt" "$eps"
