-- TimescaleDB only (used when the extension exists): hypertables with compression and retention. The same tables
-- and keys as on plain PostgreSQL; every unique index includes the time column, as TimescaleDB requires.
-- The retention placeholder is COLDTRACE_RETENTION_DAYS, a validated whole number (V2__Telemetry_storage fills it in);
-- when it changes later, ingest's storage maintenance replaces the two retention policies (TimescaleRetention).

SELECT create_hypertable('telemetry', by_range('ts', INTERVAL '1 day'));
SELECT create_hypertable('telemetry_1m', by_range('bucket', INTERVAL '7 days'));
SELECT create_hypertable('telemetry_1h', by_range('bucket', INTERVAL '90 days'));

ALTER TABLE telemetry SET (timescaledb.compress, timescaledb.compress_segmentby = 'device_id',
                           timescaledb.compress_orderby = 'ts');
SELECT add_compression_policy('telemetry', INTERVAL '7 days');
SELECT add_retention_policy('telemetry', INTERVAL '${retention_days} days');

ALTER TABLE telemetry_1m SET (timescaledb.compress, timescaledb.compress_segmentby = 'device_id',
                              timescaledb.compress_orderby = 'bucket');
SELECT add_compression_policy('telemetry_1m', INTERVAL '30 days');
SELECT add_retention_policy('telemetry_1m', INTERVAL '${retention_days} days');

-- Same function name as partitioned mode so ingest's hourly maintenance is mode-blind; TimescaleDB's own jobs do it.
CREATE FUNCTION ct_maintain_partitions(retention interval)
RETURNS integer LANGUAGE sql AS $$ SELECT 0 $$;
