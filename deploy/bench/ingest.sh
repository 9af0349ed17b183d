#!/usr/bin/env bash
# Ingest benchmark: a private Mosquitto with the project's config, ingest (-Xmx512m) and the simulator's load mode
# against a fresh database on the local PostgreSQL, all on this machine. Prints progress, then as its LAST line:
#   readings_per_s=… msgs_per_s=… lost=… duplicates=… p50_lag_ms=… p99_lag_ms=… ingest_heap_mb=… copy_limit_rows_per_s=…
#
#   deploy/bench/ingest.sh [--seconds N] [--rate READINGS_PER_S] [--devices N] [--readings-per-message K]
#                          [--connections C] [--alarms on|off] [--no-build]
# Defaults: 60 s at 30,000 readings/s from 300 devices, 10 readings per message, 4 connections, alarms off.
# --alarms on binds every device to a cold room with a limit profile, so every reading is evaluated.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=60 rate=30000 devices=300 rpm=10 conns=4 build=1 alarms=off
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift ;;
    --rate) rate="$2"; shift ;;
    --devices) devices="$2"; shift ;;
    --readings-per-message) rpm="$2"; shift ;;
    --connections) conns="$2"; shift ;;
    --alarms) alarms="$2"; shift ;;
    --no-build) build=0 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done
say() { printf '[bench] %s\n' "$*" >&2; }

if [ "$build" = 1 ] || [ ! -f ingest/target/coldtrace-ingest.jar ] || [ ! -f simulator/target/coldtrace-simulator.jar ]; then
  say "building jars (mvn -B -q -DskipTests package)"
  mvn -B -q -DskipTests package
fi
pg_isready -h 127.0.0.1 -p 5432 -q || { say "PostgreSQL is not running on 127.0.0.1:5432 (pg_ctlcluster --skip-systemctl-redirect 15 main start)"; exit 1; }

out=$(mktemp -d /tmp/coldtrace-bench.XXXXXX)
db="ct_bench_$$"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
http=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
token="bench-$(date +%s%N)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
}
trap cleanup EXIT INT TERM

say "database $db, broker on port $port, output in $out"
psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $db"
deploy/mosquitto/local-conf.sh "$port" "$out" > "$out/mosquitto.conf"
mosquitto -c "$out/mosquitto.conf" & pids+=($!)

COLDTRACE_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" COLDTRACE_MQTT_URL="tcp://127.0.0.1:$port" \
COLDTRACE_MQTT_CLIENT_ID=bench-ingest COLDTRACE_INGEST_HTTP_PORT=$http COLDTRACE_METRICS_TOKEN=$token \
  java -Xmx512m ${INGEST_JAVA_OPTS:-} -jar ingest/target/coldtrace-ingest.jar > "$out/ingest.log" 2>&1 & ingest_pid=$!
pids+=($ingest_pid)
for _ in $(seq 1 120); do curl -fsS "http://127.0.0.1:$http/ready" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fsS "http://127.0.0.1:$http/ready" >/dev/null || { say "ingest did not become ready:"; tail -20 "$out/ingest.log" >&2; exit 1; }
if [ "$alarms" = on ]; then
  say "alarms on: binding $devices devices to cold rooms with a chilled limit profile"
  psql -h 127.0.0.1 -U postgres -d "$db" -q <<SQL
INSERT INTO org (id, name) VALUES ('bench', 'Bench');
INSERT INTO site (id, name, kind, org_id) VALUES ('bench-site', 'Bench site', 'origin_cold_store', 'bench');
INSERT INTO limit_profile (id, org_id, name, probe, high_warn_c, high_crit_c, low_warn_c, low_crit_c, warn_delay_s,
    crit_delay_s, offline_factor, door_open_max_s, rate_max_c_per_min, battery_low_pct, escalate_after_s)
VALUES ('bench', 'bench', 'Bench chilled', 'air', 4.2, 8, 0, -2, 5, 60, 3, 600, 2, 20, 1800);
INSERT INTO unit (id, site_id, kind, name, temp_class, profile_id)
SELECT 'BU-' || lpad(i::text, 5, '0'), 'bench-site', 'cold_room', 'Bench room ' || i, 'chilled', 'bench'
FROM generate_series(0, $devices - 1) i;
INSERT INTO device (ext_id, site_hint) SELECT 'BENCH-' || lpad(i::text, 5, '0'), 'LOAD' FROM generate_series(0, $devices - 1) i;
INSERT INTO device_binding (device_id, unit_id, valid)
SELECT id, 'BU-' || substr(ext_id, 7), tstzrange('2020-01-01', NULL) FROM device WHERE ext_id LIKE 'BENCH-%';
SQL
elif [ "$alarms" != off ]; then
  say "--alarms takes on or off"; exit 2
fi
say "ingest ready; publishing $rate readings/s for $seconds s from $devices devices ($rpm readings per message)"

# peak heap in use, sampled from ingest's own metrics every second
( peak=0
  while kill -0 "$ingest_pid" 2>/dev/null; do
    h=$(curl -fsS -H "Authorization: Bearer $token" "http://127.0.0.1:$http/metrics" 2>/dev/null \
        | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {s += $NF} END {printf "%d", s/1048576}')
    [ -n "$h" ] && [ "$h" -gt "$peak" ] && peak=$h && echo "$peak" > "$out/heap_peak"
    sleep 1
  done ) & pids+=($!)

java -jar simulator/target/coldtrace-simulator.jar load --mqtt "tcp://127.0.0.1:$port" --devices "$devices" \
  --rate "$rate" --readings-per-message "$rpm" --seconds "$seconds" --connections "$conns" \
  --device-prefix BENCH- --report "$out/load.json"

expected=$(python3 -c "import json; print(json.load(open('$out/load.json'))['readingsSent'])")
say "load done ($expected readings sent); waiting for ingest to catch up"
for _ in $(seq 1 600); do
  n=$(psql -h 127.0.0.1 -U postgres -d "$db" -tAc "SELECT count(*) FROM telemetry")
  [ "$n" -ge "$expected" ] && break
  sleep 0.5
done
say "stored $n of $expected readings; reconciling and measuring the raw COPY limit"
sleep 1
heap=$(cat "$out/heap_peak" 2>/dev/null || echo 0)
line=$(java -cp simulator/target/coldtrace-simulator.jar io.coldtrace.simulator.bench.BenchReconcile \
  "jdbc:postgresql://127.0.0.1:5432/$db" postgres "$out/load.json")
[ "$alarms" = on ] && say "alarms raised: $(psql -h 127.0.0.1 -U postgres -d "$db" -tAc "SELECT count(*) FROM alarm"), units evaluated: $(psql -h 127.0.0.1 -U postgres -d "$db" -tAc "SELECT count(*) FROM alarm_state")"
echo "$line" | sed "s/ copy_limit_rows_per_s=/ ingest_heap_mb=$heap copy_limit_rows_per_s=/"
