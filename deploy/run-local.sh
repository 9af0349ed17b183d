#!/usr/bin/env bash
# Builds ColdTrace and runs it on this machine: a private Mosquitto with the project's broker config, ingest,
# tracking-api and the simulator's world, against the local PostgreSQL (database "coldtrace"), with the world's
# organisation, sites, limit profiles, units, parties, products, farm plots and device bindings provisioned through
# tracking-api, and the world's business (harvests to deliveries, the last two days at once, then live) posted
# through the API as an operator. Ctrl-C stops it all.
#
#   deploy/run-local.sh [--no-build] [--world-flags "--seed 7 --sites 4 --backfill-hours 6"]
#
# Environment: COLDTRACE_DB_URL (default jdbc:postgresql://127.0.0.1:5432/coldtrace), COLDTRACE_DB_USER,
# COLDTRACE_DB_PASSWORD, COLDTRACE_LOCAL_MQTT_PORT (1884), COLDTRACE_API_HTTP_PORT (8080),
# COLDTRACE_INGEST_HTTP_PORT (8081), COLDTRACE_RUN_SECONDS (0 = until Ctrl-C).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
build=1
# One set of world flags for both `provision` and `world`, so the master data matches what is simulated.
# Two days of past: the lots harvested since have their whole journey recorded, over telemetry of the same hours; half
# the trucks' legs have compartment A's compressor fail for a few hours (the lots on them show that excursion).
world_flags="--seed 42 --backfill-hours 48 --faults reefer_failure=0.5"
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0 ;;
    --world-flags) world_flags="$2"; shift ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done

run="$root/run"
mkdir -p "$run/mosquitto" "$run/logs"
export COLDTRACE_DB_URL="${COLDTRACE_DB_URL:-jdbc:postgresql://127.0.0.1:5432/coldtrace}"
export COLDTRACE_DB_USER="${COLDTRACE_DB_USER:-postgres}"
export COLDTRACE_API_HTTP_PORT="${COLDTRACE_API_HTTP_PORT:-8080}"
export COLDTRACE_INGEST_HTTP_PORT="${COLDTRACE_INGEST_HTTP_PORT:-8081}"
mqtt_port="${COLDTRACE_LOCAL_MQTT_PORT:-1884}"
export COLDTRACE_MQTT_URL="tcp://127.0.0.1:$mqtt_port"
token_file="$run/metrics-token"
[ -s "$token_file" ] || head -c 24 /dev/urandom | base64 | tr '+/' '-_' > "$token_file"
export COLDTRACE_METRICS_TOKEN="$(cat "$token_file")"

step() { printf '\n==> %s\n' "$*"; }

if [ "$build" = 1 ]; then
  step "building (mvn -B -q -DskipTests package)"
  mvn -B -q -DskipTests package
fi
for j in ingest/target/coldtrace-ingest.jar tracking-api/target/coldtrace-api.jar simulator/target/coldtrace-simulator.jar; do
  [ -f "$j" ] || { echo "missing $j: run without --no-build" >&2; exit 1; }
done

step "database"
dbname="${COLDTRACE_DB_URL##*/}"; dbname="${dbname%%\?*}"
pghostport="${COLDTRACE_DB_URL#jdbc:postgresql://}"; pghostport="${pghostport%%/*}"
pghost="${pghostport%%:*}"; pgport="${pghostport##*:}"; [ "$pgport" = "$pghostport" ] && pgport=5432
if ! pg_isready -h "$pghost" -p "$pgport" -q; then
  echo "PostgreSQL is not reachable at $pghost:$pgport. Start it: pg_ctlcluster --skip-systemctl-redirect 15 main start" >&2
  exit 1
fi
if ! psql -h "$pghost" -p "$pgport" -U "$COLDTRACE_DB_USER" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$dbname'" | grep -q 1; then
  psql -h "$pghost" -p "$pgport" -U "$COLDTRACE_DB_USER" -d postgres -qc "CREATE DATABASE $dbname"
  echo "created database $dbname"
else
  echo "using database $dbname"
fi

pids=()
cleanup() {
  trap - EXIT INT TERM
  step "stopping"
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

step "broker (project config, port $mqtt_port)"
conf="$run/mosquitto/mosquitto.conf"
deploy/mosquitto/local-conf.sh "$mqtt_port" "$run/mosquitto" > "$conf"
mosquitto -c "$conf" & pids+=($!)
for _ in $(seq 1 50); do (echo > /dev/tcp/127.0.0.1/"$mqtt_port") 2>/dev/null && break; sleep 0.1; done

wait_ready() { # name url
  for _ in $(seq 1 120); do
    curl -fsS "$2" >/dev/null 2>&1 && { echo "$1 ready: $2"; return 0; }
    sleep 0.5
  done
  echo "$1 did not become ready; see $run/logs/$1.log" >&2; tail -20 "$run/logs/$1.log" >&2; exit 1
}

step "ingest"
COLDTRACE_MQTT_CLIENT_ID=coldtrace-ingest-local java -Xmx512m -jar ingest/target/coldtrace-ingest.jar > "$run/logs/ingest.log" 2>&1 & pids+=($!)
wait_ready ingest "http://127.0.0.1:$COLDTRACE_INGEST_HTTP_PORT/ready"

step "tracking-api"
COLDTRACE_API_DATA_DIR="$run/api-data" java -jar tracking-api/target/coldtrace-api.jar > "$run/logs/tracking-api.log" 2>&1 & pids+=($!)
wait_ready tracking-api "http://127.0.0.1:$COLDTRACE_API_HTTP_PORT/ready"
admin_token=$(java -jar tracking-api/target/coldtrace-api.jar create-token --role admin --name "local admin $(date +%F_%T)" 2>>"$run/logs/tracking-api.log" | tail -n 1)

# Provisioning starts first and creates organisation, sites, profiles, units, parties, products and plots at once; it
# binds each device as soon as the device has reported once (tracking-api knows a device only from then), so it runs
# on while the world starts. Its last line is the summary (counts of each, created/updated/unchanged/drifted).
step "provision (simulator provision $world_flags)"
java -jar simulator/target/coldtrace-simulator.jar provision --api "http://127.0.0.1:$COLDTRACE_API_HTTP_PORT" \
  --token "$admin_token" $world_flags > "$run/logs/provision.log" 2>&1 &
provision_pid=$!

step "simulator world ($world_flags)"
java -jar simulator/target/coldtrace-simulator.jar world $world_flags --mqtt "$COLDTRACE_MQTT_URL" > "$run/logs/simulator.log" 2>&1 & pids+=($!)
if wait "$provision_pid"; then
  tail -n 1 "$run/logs/provision.log"
else
  echo "provisioning failed; see $run/logs/provision.log:" >&2; tail -n 5 "$run/logs/provision.log" >&2; exit 1
fi

# The business runs as the people of the organisation would: an operator's token, events through the API.
step "business (simulator business $world_flags)"
operator_token=$(java -jar tracking-api/target/coldtrace-api.jar create-token --role operator --org demo --name "local business $(date +%F_%T)" 2>>"$run/logs/tracking-api.log" | tail -n 1)
java -jar simulator/target/coldtrace-simulator.jar business --api "http://127.0.0.1:$COLDTRACE_API_HTTP_PORT" \
  --token "$operator_token" $world_flags > "$run/logs/business.log" 2>&1 & pids+=($!)
for _ in $(seq 1 240); do grep -q '^business backfill done' "$run/logs/business.log" && break; sleep 0.5; done
grep '^business backfill done' "$run/logs/business.log" || echo "the business backfill is still running; see $run/logs/business.log" >&2

# Buyer pages of a few delivered lots, one that rode through a reefer failure first when there is one; the trace
# codes come through the lots API (the simulator itself has no database access).
buyer_pages=""
for code in $( (grep '^lot delivered: .*reefer failure' "$run/logs/business.log"; grep '^lot delivered: ' "$run/logs/business.log" | grep -v 'reefer failure') | awk '{print $3}' | head -n 3); do
  tc=$(curl -fsS -H "Authorization: Bearer $operator_token" \
    "http://127.0.0.1:$COLDTRACE_API_HTTP_PORT/api/v1/lots/by-code/$code" 2>/dev/null \
    | grep -o '"trace_code" *: *"[^"]*"' | head -n 1 | sed 's/.*"\([^"]*\)"$/\1/')
  note=$(grep -q "^lot delivered: $code .*reefer failure" "$run/logs/business.log" && echo " (rode through a reefer failure)" || true)
  if [ -n "$tc" ]; then
    buyer_pages+="  buyer page     http://127.0.0.1:$COLDTRACE_API_HTTP_PORT/t/$tc   lot $code$note"$'\n'
  fi
done

cat <<INFO

ColdTrace is running.
  sign in        http://127.0.0.1:$COLDTRACE_API_HTTP_PORT/login   (with the admin token below)
  overview       http://127.0.0.1:$COLDTRACE_API_HTTP_PORT/overview
  alarms         http://127.0.0.1:$COLDTRACE_API_HTTP_PORT/alarms
  lots           http://127.0.0.1:$COLDTRACE_API_HTTP_PORT/lots
  stock          http://127.0.0.1:$COLDTRACE_API_HTTP_PORT/stock   (what is on hand, what will not sell in time)
${buyer_pages}  events         curl -H 'Authorization: Bearer $operator_token' 'http://127.0.0.1:$COLDTRACE_API_HTTP_PORT/api/v1/events?limit=20'
  tracking-api   http://127.0.0.1:$COLDTRACE_API_HTTP_PORT/ready
  latest values  curl -H 'Authorization: Bearer $admin_token' http://127.0.0.1:$COLDTRACE_API_HTTP_PORT/api/v1/devices/latest
  admin token    $admin_token   (printed once; create more with: java -jar tracking-api/target/coldtrace-api.jar create-token --role operator --org ORG --name NAME)
  ingest         http://127.0.0.1:$COLDTRACE_INGEST_HTTP_PORT/ready
  metrics        curl -H 'Authorization: Bearer $COLDTRACE_METRICS_TOKEN' http://127.0.0.1:$COLDTRACE_INGEST_HTTP_PORT/metrics
  broker         $COLDTRACE_MQTT_URL  (mosquitto_sub -p $mqtt_port -t 'coldtrace/v1/#' -v)
  database       psql -h $pghost -p $pgport -U $COLDTRACE_DB_USER $dbname
  logs           $run/logs/ (business: $run/logs/business.log; broker: $run/mosquitto/mosquitto.log)
Press Ctrl-C to stop.
INFO

secs="${COLDTRACE_RUN_SECONDS:-0}"
if [ "$secs" -gt 0 ]; then
  sleep "$secs"
  psql -h "$pghost" -p "$pgport" -U "$COLDTRACE_DB_USER" -d "$dbname" -tAc \
    "SELECT 'readings stored: ' || count(*) || ', devices: ' || (SELECT count(*) FROM device) || ', dead letters: ' || (SELECT count(*) FROM dead_letter) FROM telemetry"
else
  wait -n "${pids[@]}" || true
  echo "a process exited; see $run/logs/" >&2
fi
