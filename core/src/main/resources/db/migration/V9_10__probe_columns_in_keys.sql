-- The air probe's columns ride in the telemetry keys (plain PostgreSQL only). Custody, the buyer's page and exposure
-- read a leg's readings by (device_id, time) and only one probe's columns (custody.ProbeSql): with the columns in the
-- key's index the read is an index-only scan over a few adjacent index pages, instead of one table page per reading
-- (a device's rows are spread over the table by every other device's readings written between them). Air is the
-- probe nearly every limit profile names; the other probes' columns stay in the table. The rollup rows the ingest
-- updates (this minute's, this hour's) are few and hot; updating an included column makes the update a non-HOT one,
-- which deploy/bench/ingest.sh measures.
--
-- TimescaleDB is left alone: its compressed chunks are segmented by device_id, which already keeps a device's
-- readings together, and the keys of compressed hypertables are not altered in place.
--
-- On a large existing database this rebuilds the three keys (an exclusive lock for the length of the build): run it in a
-- maintenance window.
DO $$
BEGIN
    IF (SELECT value FROM ct_meta WHERE key = 'storage_mode') = 'postgresql-partitioned' THEN
        ALTER TABLE telemetry DROP CONSTRAINT telemetry_pkey,
            ADD CONSTRAINT telemetry_pkey PRIMARY KEY (device_id, ts) INCLUDE (t_air);
        ALTER TABLE telemetry_1m DROP CONSTRAINT telemetry_1m_pkey,
            ADD CONSTRAINT telemetry_1m_pkey PRIMARY KEY (device_id, bucket) INCLUDE (air_min, air_max, air_sum, air_n);
        ALTER TABLE telemetry_1h DROP CONSTRAINT telemetry_1h_pkey,
            ADD CONSTRAINT telemetry_1h_pkey PRIMARY KEY (device_id, bucket) INCLUDE (air_min, air_max, air_sum, air_n);
    END IF;
END $$;
