-- Expiry warnings of assistance certificates (issue 9 §2): once a day at most, a certificate in force (not revoked)
-- whose validity ends within 30 days gets one warning per validity end (a row here, append-only), which the alarm
-- notifications' outbox delivers to each active webhook of the certificate's organisation, beside alarm events and
-- recall notices (a delivery names exactly one of the three).
CREATE TABLE assistance_expiry_warning (
    id             bigserial PRIMARY KEY,
    application_id uuid NOT NULL REFERENCES assistance_decision (application_id),
    org_id         text NOT NULL REFERENCES org (id),
    valid_to       date NOT NULL,
    payload        jsonb NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (application_id, valid_to)
);
CREATE TRIGGER assistance_expiry_warning_append_only BEFORE UPDATE OR DELETE ON assistance_expiry_warning
    FOR EACH ROW EXECUTE FUNCTION assistance_append_only();
CREATE TRIGGER assistance_expiry_warning_no_truncate BEFORE TRUNCATE ON assistance_expiry_warning
    FOR EACH STATEMENT EXECUTE FUNCTION assistance_append_only();

ALTER TABLE webhook_delivery ADD COLUMN assistance_warning_id bigint REFERENCES assistance_expiry_warning (id);
ALTER TABLE webhook_delivery DROP CONSTRAINT webhook_delivery_one_subject;
ALTER TABLE webhook_delivery ADD CONSTRAINT webhook_delivery_one_subject
    CHECK (num_nonnulls(alarm_event_id, recall_notice_id, assistance_warning_id) = 1);
ALTER TABLE webhook_delivery ADD CONSTRAINT webhook_delivery_warning_once UNIQUE (webhook_id, assistance_warning_id);

CREATE FUNCTION ct_assistance_warning_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO webhook_delivery (webhook_id, assistance_warning_id)
    SELECT w.id, NEW.id FROM webhook w WHERE w.org_id = NEW.org_id AND w.active;
    RETURN NULL;
END $$;
CREATE TRIGGER assistance_warning_outbox AFTER INSERT ON assistance_expiry_warning
    FOR EACH ROW EXECUTE FUNCTION ct_assistance_warning_outbox();
