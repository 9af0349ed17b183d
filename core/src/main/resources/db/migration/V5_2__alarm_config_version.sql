-- Ingest caches the bindings and limit profiles it evaluates alarms with; every change to them bumps this counter
-- (in the changing transaction), and ingest reloads its cache when the counter moved: exact and cheap per batch.
INSERT INTO ct_meta (key, value) VALUES ('alarm_config_version', '0');

CREATE FUNCTION ct_bump_alarm_config() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE ct_meta SET value = (value::bigint + 1)::text WHERE key = 'alarm_config_version';
    RETURN NULL;
END $$;

CREATE TRIGGER device_binding_alarm_config AFTER INSERT OR UPDATE OR DELETE ON device_binding
    FOR EACH STATEMENT EXECUTE FUNCTION ct_bump_alarm_config();
CREATE TRIGGER unit_alarm_config AFTER INSERT OR UPDATE OR DELETE ON unit
    FOR EACH STATEMENT EXECUTE FUNCTION ct_bump_alarm_config();
CREATE TRIGGER limit_profile_alarm_config AFTER INSERT OR UPDATE OR DELETE ON limit_profile
    FOR EACH STATEMENT EXECUTE FUNCTION ct_bump_alarm_config();
