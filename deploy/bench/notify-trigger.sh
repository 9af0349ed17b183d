#!/usr/bin/env bash
# Cost of the live feed's NOTIFY trigger (core migration V6_1) on the ingest write path: an ingest-like batch (one
# upsert of 300 device_latest rows per transaction) run by pgbench for 15 s without and 15 s with the same
# statement-level trigger, three rounds, on a scratch database of the local PostgreSQL. Prints tps and latency.
#
#   deploy/bench/notify-trigger.sh
set -euo pipefail
pgbench=$(ls /usr/lib/postgresql/*/bin/pgbench | sort -V | tail -n 1)
db="ct_notify_bench_$$"
work=$(mktemp -d /tmp/coldtrace-notify.XXXXXX)
psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db"
trap 'psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)"; rm -rf "$work"' EXIT
psql -h 127.0.0.1 -U postgres -d "$db" -q <<'SQL'
CREATE TABLE dl (device_id int PRIMARY KEY, ts timestamptz, t_air real, ingested_at timestamptz);
INSERT INTO dl SELECT g, now(), 1, now() FROM generate_series(1, 300) g;
CREATE FUNCTION ct_notify_latest() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('coldtrace_latest', '');
    RETURN NULL;
END $$;
SQL
cat > "$work/batch.sql" <<'SQL'
INSERT INTO dl AS l SELECT g, now(), random(), now() FROM generate_series(1, 300) g
ON CONFLICT (device_id) DO UPDATE SET ts = EXCLUDED.ts, t_air = EXCLUDED.t_air, ingested_at = EXCLUDED.ingested_at
WHERE EXCLUDED.ts >= l.ts;
SQL
run() { "$pgbench" -h 127.0.0.1 -U postgres -n -c 1 -T 15 -f "$work/batch.sql" "$db" 2>/dev/null \
          | awk '/latency average/{l=$4} /^tps/{t=$3} END{printf "tps=%.1f latency_ms=%s", t, l}'; }
for round in 1 2 3; do
  psql -h 127.0.0.1 -U postgres -d "$db" -qc "DROP TRIGGER IF EXISTS device_latest_notify ON dl"
  echo "round $round without trigger: $(run)"
  psql -h 127.0.0.1 -U postgres -d "$db" -qc "CREATE TRIGGER device_latest_notify AFTER INSERT OR UPDATE ON dl
      FOR EACH STATEMENT EXECUTE FUNCTION ct_notify_latest()"
  echo "round $round with trigger:    $(run)"
done
