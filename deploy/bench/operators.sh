#!/usr/bin/env bash
# Operators' read paths under a realistic database: N units (default 2,000) with D days (default 30) of 1-minute
# data, served by tracking-api on this machine. Measures the overview, a unit's 7-day history and a daily
# temperature record PDF from a client on the same machine, and prints as its LAST line:
#   overview_p99_ms=… unit_history_7d_p99_ms=… record_pdf_ms=…
#
#   deploy/bench/operators.sh [--units N] [--days D] [--requests R] [--keep-db] [--no-build]
# Targets: overview <= 1,000 ms, 7-day history <= 100 ms (p99). Generating 2,000 units x 30 days takes minutes and
# about 10 GB of disk; the database is dropped afterwards unless --keep-db.
set -euo pipefail
cd "$(dirname "$0")/../.."
units=2000 days=30 requests=200 keep=0 build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --units) units="$2"; shift ;;
    --days) days="$2"; shift ;;
    --requests) requests="$2"; shift ;;
    --keep-db) keep=1 ;;
    --no-build) build=0 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done
say() { printf '[bench] %s %s\n' "$(date +%T)" "$*" >&2; }
if [ "$build" = 1 ] || [ ! -f tracking-api/target/coldtrace-api.jar ]; then
  say "building jars (mvn -B -q -DskipTests package)"
  mvn -B -q -DskipTests package
fi
pg_isready -h 127.0.0.1 -p 5432 -q || { say "PostgreSQL is not running on 127.0.0.1:5432"; exit 1; }
db="ct_opsbench_$$"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
out=$(mktemp -d /tmp/coldtrace-opsbench.XXXXXX)
api_pid=""
cleanup() {
  [ -n "$api_pid" ] && kill "$api_pid" 2>/dev/null && wait "$api_pid" 2>/dev/null || true
  if [ "$keep" = 0 ]; then
    psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  else
    say "kept database $db"
  fi
}
trap cleanup EXIT INT TERM
psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $db"
export COLDTRACE_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" COLDTRACE_API_HTTP_PORT=$port
token=$(java -jar tracking-api/target/coldtrace-api.jar create-token --role admin --name bench 2>"$out/token.log" | tail -n 1)
psql() { command psql -h 127.0.0.1 -U postgres -d "$db" -v ON_ERROR_STOP=1 -q "$@"; }

say "master data: $units units on $((units / 20)) sites, one logger each"
psql <<SQL
INSERT INTO org (id, name) VALUES ('bench', 'Bench cold chain');
INSERT INTO site (id, name, kind, org_id) SELECT 'S' || i, 'Site ' || i, 'origin_cold_store', 'bench'
  FROM generate_series(1, greatest(1, $units / 20)) i;
INSERT INTO limit_profile (id, org_id, name, probe, high_warn_c, high_crit_c, low_warn_c, low_crit_c)
  VALUES ('chilled', 'bench', 'Chilled 0-4', 'air', 8, 12, 0, -2);
INSERT INTO unit (id, site_id, kind, name, temp_class, profile_id)
  SELECT 'U' || i, 'S' || (1 + (i - 1) % greatest(1, $units / 20)), 'cold_room', 'Room ' || i, 'chilled', 'chilled'
  FROM generate_series(1, $units) i;
INSERT INTO device (ext_id, site_hint, report_interval_s, last_ingested_at, last_ts)
  SELECT 'D' || i, 'S' || (1 + (i - 1) % greatest(1, $units / 20)), 60, now(), date_trunc('minute', now())
  FROM generate_series(1, $units) i;
INSERT INTO device_binding (device_id, unit_id, valid)
  SELECT id, 'U' || substr(ext_id, 2), tstzrange(now() - interval '$days days' - interval '1 day', NULL) FROM device;
SQL

say "minute rollups: $units units x $days days x 1,440 (progress per day)"
for d in $(seq "$days" -1 1); do
  psql -c "INSERT INTO telemetry_1m (device_id, bucket, n, air_min, air_max, air_sum, air_n, rh_min, rh_max, rh_sum, rh_n)
    SELECT dv.id, m, 1, t, t, t, 1, 90, 90, 90, 1
    FROM device dv,
         generate_series(date_trunc('minute', now()) - interval '$d days', date_trunc('minute', now()) - interval '$((d - 1)) days' - interval '1 minute', interval '1 minute') m,
         LATERAL (SELECT (3 + 1.5 * sin(extract(epoch FROM m) / 3600.0 + dv.id))::real AS t) x"
  printf '.' >&2
done
echo >&2
say "hour rollups, the last day of raw readings, latest values"
psql <<SQL
INSERT INTO telemetry_1h (device_id, bucket, n, air_min, air_max, air_sum, air_n)
  SELECT device_id, date_trunc('hour', bucket, 'UTC'), sum(n), min(air_min), max(air_max), sum(air_sum), sum(air_n)
  FROM telemetry_1m GROUP BY 1, 2;
INSERT INTO telemetry (device_id, ts, seq, t_air, rh, door_open, defrost, ingested_at)
  SELECT device_id, bucket, 0, air_min, 90, false, false, bucket FROM telemetry_1m
  WHERE bucket >= now() - interval '1 day';
INSERT INTO device_latest (device_id, ts, seq, t_air, rh, door_open, ingested_at)
  SELECT DISTINCT ON (device_id) device_id, ts, seq, t_air, rh, door_open, ingested_at FROM telemetry
  ORDER BY device_id, ts DESC;
ANALYZE;
SQL
say "rows: $(command psql -h 127.0.0.1 -U postgres -d "$db" -tAc "SELECT (SELECT count(*) FROM telemetry_1m) || ' minute rollups, ' || (SELECT count(*) FROM telemetry) || ' raw readings'")"

say "starting tracking-api on port $port"
java -jar tracking-api/target/coldtrace-api.jar > "$out/api.log" 2>&1 & api_pid=$!
for _ in $(seq 1 120); do curl -fsS "http://127.0.0.1:$port/ready" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fsS "http://127.0.0.1:$port/ready" >/dev/null || { say "tracking-api did not start:"; tail -20 "$out/api.log" >&2; exit 1; }

say "measuring ($requests requests per read path, after 20 warm-up requests)"
python3 - "$port" "$token" "$units" "$requests" <<'PY'
import sys, time, random, urllib.request, datetime
port, token, units, n = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
base = f"http://127.0.0.1:{port}"
def get(path):
    req = urllib.request.Request(base + path, headers={"Authorization": "Bearer " + token})
    t0 = time.perf_counter()
    with urllib.request.urlopen(req, timeout=60) as r:
        body = r.read()
        if r.status != 200:
            raise SystemExit(f"{path}: HTTP {r.status}")
    return (time.perf_counter() - t0) * 1000, len(body)
def p99(xs):
    xs = sorted(xs); return xs[min(len(xs) - 1, int(round(0.99 * (len(xs) - 1))))]
now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
frm = (now - datetime.timedelta(days=7)).isoformat().replace("+00:00", "Z")
to = now.isoformat().replace("+00:00", "Z")
rnd = random.Random(7)
hist = lambda: f"/api/v1/units/U{rnd.randint(1, units)}/history?from={frm}&to={to}"
for _ in range(20):
    get("/api/v1/overview"); get(hist())
ov = [get("/api/v1/overview")[0] for _ in range(n)]
hs = [get(hist())[0] for _ in range(n)]
day = (now - datetime.timedelta(days=1)).date().isoformat()
get(f"/api/v1/units/U1/record?date={day}&format=pdf")
pdf_ms, pdf_bytes = get(f"/api/v1/units/U2/record?date={day}&format=pdf")
print(f"overview: p50 {sorted(ov)[len(ov)//2]:.0f} ms, p99 {p99(ov):.0f} ms; history 7d: p50 {sorted(hs)[len(hs)//2]:.1f} ms, "
      f"p99 {p99(hs):.1f} ms; record PDF {pdf_bytes} bytes", file=sys.stderr)
print(f"overview_p99_ms={p99(ov):.0f} unit_history_7d_p99_ms={p99(hs):.0f} record_pdf_ms={pdf_ms:.0f}")
PY
