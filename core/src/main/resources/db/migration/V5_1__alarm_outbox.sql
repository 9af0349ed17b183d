-- Notifications are made from alarm_event rows, whoever wrote them (ingest raising and clearing, tracking-api
-- acknowledging and resolving): a trigger queues one webhook delivery per active webhook of the unit's
-- organisation and wakes listeners (live pages) with NOTIFY, in the writer's own transaction.

-- set by ingest once it has applied a person's resolution to its evaluator state (cumulative counters reset)
ALTER TABLE alarm ADD COLUMN engine_reset boolean NOT NULL DEFAULT false;
CREATE INDEX alarm_resolved_pending_reset ON alarm (unit_id) WHERE resolved_at IS NOT NULL AND NOT engine_reset;

CREATE FUNCTION ct_alarm_event_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO webhook_delivery (webhook_id, alarm_event_id)
    SELECT w.id, NEW.id
    FROM alarm a
    JOIN unit u ON u.id = a.unit_id
    JOIN site s ON s.id = u.site_id
    JOIN webhook w ON w.org_id = s.org_id AND w.active
    WHERE a.id = NEW.alarm_id;
    PERFORM pg_notify('coldtrace_alarm_event', NEW.id::text);
    RETURN NULL;
END $$;

CREATE TRIGGER alarm_event_outbox AFTER INSERT ON alarm_event
    FOR EACH ROW EXECUTE FUNCTION ct_alarm_event_outbox();
