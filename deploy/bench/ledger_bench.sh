# Sourced by trace.sh and recall.sh: the ledger both benchmarks measure. bench_parse reads the options they share
# (and hands any other to the caller's bench_option, which sets what it reads and says how many words it took in
# $consumed, or returns 1); bench_setup builds the jars, creates database ct_<bench>bench_<pid> (dropped on exit unless
# --keep-db), writes master data and D days of telemetry, starts tracking-api and imports L lots' 10 events each
# through POST /api/v1/events/bulk (trace_client.py import). Afterwards $db, $port, $out (a temporary folder), $token
# (an operator's) and $eps (the import's events/s) are set, psql runs on $db, and the API is running.
# The caller sets bench (a short name), lots, days, requests, and usage (sed's line range of its header).
keep=0 build=1
bench_parse() {
  while [ $# -gt 0 ]; do
    case "$1" in
      --lots) lots="$2"; shift ;;
      --days) days="$2"; shift ;;
      --requests) requests="$2"; shift ;;
      --keep-db) keep=1 ;;
      --no-build) build=0 ;;
      -h|--help) sed -n "${usage}p" "$0"; exit 0 ;;
      *) consumed=1
         if declare -F bench_option >/dev/null && bench_option "$@"; then shift $((consumed - 1))
         else echo "unknown option $1 (try --help)" >&2; exit 2; fi ;;
    esac
    shift
  done
}
say() { printf '[bench] %s %s\n' "$(date +%T)" "$*" >&2; }

# (the body is not indented: its here-documents end at the start of a line)
bench_setup() {
[ "$days" -ge 3 ] || { echo "--days must be at least 3 (each lot's journey takes 3 days)" >&2; exit 2; }
if [ "$build" = 1 ] || [ ! -f tracking-api/target/coldtrace-api.jar ]; then
  say "building jars (mvn -B -q -DskipTests package)"
  mvn -B -q -DskipTests package
fi
pg_isready -h 127.0.0.1 -p 5432 -q || { say "PostgreSQL is not running on 127.0.0.1:5432"; exit 1; }
db="ct_${bench}bench_$$"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
out=$(mktemp -d /tmp/coldtrace-${bench}bench.XXXXXX)
api_pid=""
cleanup() {
  [ -n "$api_pid" ] && kill "$api_pid" 2>/dev/null && wait "$api_pid" 2>/dev/null || true
  if [ "$keep" = 0 ]; then
    command psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  else
    say "kept database $db"
  fi
}
trap cleanup EXIT INT TERM
command psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $db"
export COLDTRACE_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" COLDTRACE_API_HTTP_PORT=$port
say "database $db: migrating"
java -jar tracking-api/target/coldtrace-api.jar create-token --role admin --name bench >/dev/null 2>"$out/token.log"
psql() { command psql -h 127.0.0.1 -U postgres -d "$db" -v ON_ERROR_STOP=1 -q "$@"; }

# 10 origin cold stores (a pre-cooler, 8 rooms, 4 truck compartments each), 5 distribution centres (8 rooms each):
# 170 units, one logger each
say "master data: 15 sites, 170 units and loggers, farms, plots, a carrier, 20 buyers, a product"
psql <<SQL
INSERT INTO org (id, name) VALUES ('bench', 'Bench cold chain');
INSERT INTO site (id, name, kind, org_id)
  SELECT 'O' || i, 'Origin ' || i, 'origin_cold_store', 'bench' FROM generate_series(1, 10) i
  UNION ALL SELECT 'D' || i, 'DC ' || i, 'forward_warehouse', 'bench' FROM generate_series(1, 5) i;
INSERT INTO limit_profile (id, org_id, name, probe, high_warn_c, high_crit_c, low_warn_c, low_crit_c)
  VALUES ('chilled', 'bench', 'Chilled 0-4', 'air', 8, 12, 0, -2);
INSERT INTO unit (id, site_id, kind, name, temp_class, profile_id)
  SELECT u, s, k, u, 'chilled', 'chilled' FROM (
    SELECT 'O' || i || '-pc' AS u, 'O' || i AS s, 'cold_room' AS k FROM generate_series(1, 10) i
    UNION ALL SELECT 'O' || i || '-r' || r, 'O' || i, 'cold_room' FROM generate_series(1, 10) i, generate_series(1, 8) r
    UNION ALL SELECT 'O' || i || '-t' || t, 'O' || i, 'truck_compartment'
      FROM generate_series(1, 10) i, generate_series(1, 4) t
    UNION ALL SELECT 'D' || i || '-r' || r, 'D' || i, 'cold_room' FROM generate_series(1, 5) i, generate_series(1, 8) r
  ) x;
INSERT INTO device (ext_id, site_hint, report_interval_s, last_ingested_at, last_ts)
  SELECT 'log-' || id, site_id, 60, now(), date_trunc('minute', now()) FROM unit ORDER BY id;
INSERT INTO device_binding (device_id, unit_id, valid)
  SELECT d.id, substr(d.ext_id, 5), tstzrange(now() - interval '$days days' - interval '1 day', NULL) FROM device d;
INSERT INTO party (id, org_id, kind, buyer_type, name_zh, division_code, province)
  SELECT 'F' || i, 'bench', 'farm', NULL, '农场 ' || i, '500238', '重庆市' FROM generate_series(1, 10) i
  UNION ALL SELECT 'carrier', 'bench', 'carrier', NULL, '冷链运输', '500103', '重庆市'
  UNION ALL SELECT 'B' || i, 'bench', 'buyer', 'supermarket', '超市 ' || i, '500103', '重庆市'
    FROM generate_series(1, 20) i;
INSERT INTO farm_plot (id, org_id, party_id, name, lat, lon, area_ha)
  SELECT 'P' || i, 'bench', 'F' || i, 'Plot ' || i, 31.4, 109.6, 2 FROM generate_series(1, 10) i;
INSERT INTO product (id, org_id, name_zh, name_en, commodity, unit_of_measure, temp_class, shelf_life_ref_c,
    shelf_life_days, q10) VALUES ('cabbage', 'bench', '白菜', 'Cabbage', 'cabbage', 'kg', 'chilled', 0, 14, 3);
SQL
token=$(java -jar tracking-api/target/coldtrace-api.jar create-token --role operator --name bench-operator \
  --org bench 2>>"$out/token.log" | tail -n 1)

say "telemetry: 170 loggers x $days days x 1,440 minutes of raw readings and minute rollups (a dot per day)"
for d in $(seq "$days" -1 1); do
  span="date_trunc('minute', now()) - interval '$d days', date_trunc('minute', now()) - interval '$((d - 1)) days' - interval '1 minute', interval '1 minute'"
  # rooms swing 1.5-4.5 °C; every 7th logger runs warm for half an hour each afternoon (an excursion to find)
  temp="(3 + 1.5 * sin(extract(epoch FROM m) / 3600.0 + dv.id)
         + CASE WHEN dv.id % 7 = 0 AND extract(hour FROM m) = 14 AND extract(minute FROM m) < 30 THEN 6 ELSE 0 END)::real"
  psql -c "INSERT INTO telemetry (device_id, ts, seq, t_air, rh, door_open, defrost, ingested_at)
    SELECT dv.id, m, (extract(epoch FROM m) / 60)::bigint, $temp, 90, false, false, m
    FROM device dv, generate_series($span) m"
  psql -c "INSERT INTO telemetry_1m (device_id, bucket, n, air_min, air_max, air_sum, air_n, rh_min, rh_max, rh_sum, rh_n)
    SELECT dv.id, m, 1, $temp, $temp, $temp, 1, 90, 90, 90, 1 FROM device dv, generate_series($span) m"
  printf '.' >&2
done
echo >&2
say "hour rollups, latest values"
psql <<SQL
INSERT INTO telemetry_1h (device_id, bucket, n, air_min, air_max, air_sum, air_n, rh_min, rh_max, rh_sum, rh_n)
  SELECT device_id, date_trunc('hour', bucket, 'UTC'), sum(n), min(air_min), max(air_max), sum(air_sum), sum(air_n),
         min(rh_min), max(rh_max), sum(rh_sum), sum(rh_n)
  FROM telemetry_1m GROUP BY 1, 2;
INSERT INTO device_latest (device_id, ts, seq, t_air, rh, door_open, ingested_at)
  SELECT DISTINCT ON (device_id) device_id, ts, seq, t_air, rh, door_open, ingested_at FROM telemetry
  ORDER BY device_id, ts DESC;
ANALYZE;
SQL
say "rows: $(command psql -h 127.0.0.1 -U postgres -d "$db" -tAc "SELECT (SELECT count(*) FROM telemetry) || ' raw readings, ' || (SELECT count(*) FROM telemetry_1m) || ' minute rollups, ' || (SELECT count(*) FROM telemetry_1h) || ' hour rollups'")"

# the generated telemetry is settled before anything is timed: its autovacuum and checkpoint would otherwise run
# during the import, as they would not on a database in service
say "settling the database (VACUUM ANALYZE, CHECKPOINT)"
psql -qc "VACUUM ANALYZE" && psql -qc "CHECKPOINT"
say "starting tracking-api on port $port (the buyer's page rate limit lifted: every request comes from this address)"
COLDTRACE_TRACE_RATE_BURST=1000000 COLDTRACE_TRACE_RATE_PER_MIN=1000000 \
  java -jar tracking-api/target/coldtrace-api.jar > "$out/api.log" 2>&1 & api_pid=$!
for _ in $(seq 1 120); do curl -fsS "http://127.0.0.1:$port/ready" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fsS "http://127.0.0.1:$port/ready" >/dev/null || { say "tracking-api did not start:"; tail -20 "$out/api.log" >&2; exit 1; }

python3 deploy/bench/trace_client.py import "$port" "$token" "$lots" "$days" > "$out/import.txt"
eps=$(cat "$out/import.txt")
# the import's aftermath (autovacuum of a million new rows, the checkpoint that writes them) is settled before reads
# are timed, as it is on a database in service; the reads then start with nothing of theirs in PostgreSQL's buffers
say "settling the database after the import (VACUUM ANALYZE, CHECKPOINT)"
psql -qc "VACUUM ANALYZE" && psql -qc "CHECKPOINT"
say "rows: $(command psql -h 127.0.0.1 -U postgres -d "$db" -tAc "SELECT (SELECT count(*) FROM trace_event) || ' events, ' || (SELECT count(*) FROM lot WHERE kind = 'lot') || ' lots, ' || (SELECT count(*) FROM lot_movement) || ' movements'")"

}
