-- Live pages are pushed by NOTIFY instead of polling. A new latest reading wakes listeners once per writing statement
-- (one per ingest batch transaction, not one per row: a statement-level trigger, and PostgreSQL folds the identical
-- notifications of one transaction into one). The payload is empty: a listener reads what changed itself. Alarm
-- events already notify on coldtrace_alarm_event (V5_1).
CREATE FUNCTION ct_notify_latest() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('coldtrace_latest', '');
    RETURN NULL;
END $$;

CREATE TRIGGER device_latest_notify AFTER INSERT OR UPDATE ON device_latest
    FOR EACH STATEMENT EXECUTE FUNCTION ct_notify_latest();
