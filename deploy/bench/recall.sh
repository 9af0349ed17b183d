#!/usr/bin/env bash
# Recall and audit (issue 8) on the trace bench's ledger: L lots (default 100,000) of 10 events each (1,000,000
# events) with D days (default 30) of telemetry, built by deploy/bench/ledger_bench.sh as trace.sh builds it, plus C
# deep chains (default 300): a harvest packed and then split or repacked 10 times, so the last lot is 11 hops from
# its harvest batch (the bench's ordinary lots are 2-3 hops deep). Then measures, from a client on this machine, and
# prints as its LAST line:
#   backward_p99_ms=… forward_p99_ms=… exposure_p99_ms=… recall_case_s=… epcis_export_events_per_s=…
# (backward: GET /api/v1/lots/{id}/trace/backward from each chain's last lot; forward: .../trace/forward from each
# chain's harvest batch; exposure: GET /api/v1/units/{room}/exposure over one day of one of the 80 origin cold rooms;
# recall_case_s: POST /api/v1/recalls from 1,000 of the lots, its scope computed, frozen and held; the EPCIS export:
# GET /api/v1/epcis/events over a window of about 100,000 events, parsed by the client). The line before it,
#   audit_pack_s=…
# times GET /api/v1/recalls/{id}/audit-pack of that case (the streamed ZIP, checked against its manifest).
#
#   deploy/bench/recall.sh [--lots L] [--days D] [--requests R] [--chains C] [--keep-db] [--no-build]
# Environment: RECALL_BENCH_LOTS, RECALL_BENCH_DAYS, RECALL_BENCH_REQUESTS, RECALL_BENCH_CHAINS give the same (a quick
# run: --lots 2000 --days 5). Targets (issue 8): 10-hop backward and forward traces <= 100 ms p99, exposure <= 200 ms
# p99, a 1,000-lot recall case <= 10 s, EPCIS export >= 5,000 events/s. The full run
# takes tens of minutes and ~8 GB of disk; its database (ct_recallbench_<pid>) is dropped unless --keep-db.
set -euo pipefail
cd "$(dirname "$0")/../.."
bench=recall usage='2,19'
lots=${RECALL_BENCH_LOTS:-100000} days=${RECALL_BENCH_DAYS:-30} requests=${RECALL_BENCH_REQUESTS:-500}
chains=${RECALL_BENCH_CHAINS:-300}
bench_option() {
  case "$1" in
    --chains) chains="$2"; consumed=2 ;;
    *) return 1 ;;
  esac
}
. deploy/bench/ledger_bench.sh
bench_parse "$@"
bench_setup
python3 deploy/bench/recall_client.py chains "$port" "$token" "$chains"
psql -c "ANALYZE"
qa=$(java -jar tracking-api/target/coldtrace-api.jar create-token --role qa --name bench-qa --org bench \
  2>>"$out/token.log" | tail -n 1)
command psql -h 127.0.0.1 -U postgres -d "$db" -tAc "
  SELECT b.id || ' ' || x.id FROM lot b JOIN lot x ON x.org_id = b.org_id AND x.code = 'DX' || substr(b.code, 3) || '-10'
  WHERE b.org_id = 'bench' AND b.code LIKE 'DB%'" > "$out/chains.txt"
python3 deploy/bench/recall_client.py measure "$port" "$qa" "$requests" "$out/chains.txt" "$lots" "$days"
