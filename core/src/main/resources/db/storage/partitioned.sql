-- Plain PostgreSQL: declarative range partitions (telemetry by UTC day, rollups by UTC month) plus a DEFAULT
-- partition that catches late backfill older than the first partition. ct_maintain_partitions() is called at
-- migration and hourly by ingest; it also applies retention by dropping whole partitions.

CREATE TABLE telemetry_default PARTITION OF telemetry DEFAULT;
CREATE TABLE telemetry_1m_default PARTITION OF telemetry_1m DEFAULT;
CREATE TABLE telemetry_1h_default PARTITION OF telemetry_1h DEFAULT;

CREATE FUNCTION ct_ensure_partitions(parent text, unit text, from_ts timestamptz, to_ts timestamptz)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    step  interval := ('1 ' || unit)::interval;
    lo    timestamptz := date_trunc(unit, from_ts, 'UTC');
    hi    timestamptz;
    name  text;
    made  integer := 0;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('ct_partitions:' || parent));
    WHILE lo < to_ts LOOP
        hi := lo + step;
        name := parent || '_' || to_char(lo AT TIME ZONE 'UTC', 'YYYYMMDD');
        IF to_regclass(name) IS NULL THEN
            BEGIN
                EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', name, parent, lo, hi);
                made := made + 1;
            EXCEPTION WHEN check_violation THEN
                -- rows for this range already sit in the DEFAULT partition (old backfill): leave them there
                RAISE NOTICE 'partition % not created: default partition holds rows in its range', name;
            END;
        END IF;
        lo := hi;
    END LOOP;
    RETURN made;
END $$;

CREATE FUNCTION ct_drop_partitions_before(parent text, cutoff timestamptz)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    part    record;
    dropped integer := 0;
    upper_b timestamptz;
BEGIN
    FOR part IN
        SELECT c.relname, pg_get_expr(c.relpartbound, c.oid) AS bound
        FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = parent::regclass
    LOOP
        CONTINUE WHEN part.bound = 'DEFAULT';
        upper_b := substring(part.bound FROM 'TO \(''([^'']+)''\)')::timestamptz;
        IF upper_b <= cutoff THEN
            EXECUTE format('DROP TABLE %I', part.relname);
            dropped := dropped + 1;
        END IF;
    END LOOP;
    EXECUTE format('DELETE FROM %I WHERE %s < %L', parent || '_default',
                   CASE WHEN parent = 'telemetry' THEN 'ts' ELSE 'bucket' END, cutoff);
    RETURN dropped;
END $$;

CREATE FUNCTION ct_maintain_partitions(retention interval)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    n integer := 0;
BEGIN
    n := n + ct_ensure_partitions('telemetry', 'day', now() - interval '2 days', now() + interval '8 days');
    n := n + ct_ensure_partitions('telemetry_1m', 'month', now() - interval '1 month', now() + interval '2 months');
    n := n + ct_ensure_partitions('telemetry_1h', 'year', now() - interval '1 year', now() + interval '1 year');
    PERFORM ct_drop_partitions_before('telemetry', now() - retention);
    PERFORM ct_drop_partitions_before('telemetry_1m', now() - retention);
    RETURN n;
END $$;

SELECT ct_maintain_partitions(interval '${retention_days} days');
