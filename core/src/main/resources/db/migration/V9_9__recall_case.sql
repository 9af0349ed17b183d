-- Recall cases (issue 8, section 3). A case's scope (the seed lots, every lot derived from them, the buyers who
-- received any, with quantities) is computed once and frozen: the snapshot and its SHA-256 never change. What
-- happens to a case afterwards is appended, never rewritten: status changes (recall_case_event), notices to buyers
-- (recall_notice, each queued to the organisation's webhooks through the alarm notifications' outbox) and buyers'
-- acknowledgements with the quantities returned or destroyed (recall_ack; a correction is a new row that names the
-- row it supersedes). recall_case.status is the latest status event, kept beside the history for the hold check.

CREATE TABLE recall_case (
    id                uuid PRIMARY KEY,
    org_id            text NOT NULL REFERENCES org (id),
    kind              text NOT NULL CHECK (kind IN ('recall', 'drill')),
    reason            text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
    seeds             jsonb NOT NULL,
    opened_by         text NOT NULL,
    opened_at         timestamptz NOT NULL,
    scope             jsonb NOT NULL,
    scope_sha256      text NOT NULL CHECK (scope_sha256 ~ '^[0-9a-f]{64}$'),
    scope_computed_at timestamptz NOT NULL CHECK (scope_computed_at >= opened_at),
    status            text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'recalled', 'released')),
    status_at         timestamptz NOT NULL,
    CHECK (kind = 'recall' OR status <> 'recalled')
);
CREATE INDEX recall_case_org ON recall_case (org_id, opened_at DESC);

-- The lots in scope, as frozen; on_hold: the case holds the lot (a recall, not a drill) until it is released.
CREATE TABLE recall_case_lot (
    case_id  uuid NOT NULL REFERENCES recall_case (id),
    lot_id   uuid NOT NULL REFERENCES lot (id),
    seed     boolean NOT NULL,
    depth    integer NOT NULL CHECK (depth >= 0),
    quantity numeric(14, 3) NOT NULL,
    uom      text NOT NULL,
    on_hold  boolean NOT NULL,
    PRIMARY KEY (case_id, lot_id)
);
CREATE INDEX recall_case_lot_held ON recall_case_lot (lot_id) WHERE on_hold;

CREATE TABLE recall_case_event (
    id       bigserial PRIMARY KEY,
    case_id  uuid NOT NULL REFERENCES recall_case (id),
    at       timestamptz NOT NULL,
    actor    text NOT NULL,
    status   text NOT NULL CHECK (status IN ('open', 'recalled', 'released')),
    note     text CHECK (length(note) <= 2000)
);
CREATE INDEX recall_case_event_case ON recall_case_event (case_id, id);

-- One notice per (case, buyer), made when the case is recalled: what the buyer was told, as sent.
CREATE TABLE recall_notice (
    id        bigserial PRIMARY KEY,
    case_id   uuid NOT NULL REFERENCES recall_case (id),
    org_id    text NOT NULL REFERENCES org (id),
    party_id  text NOT NULL,
    payload   jsonb NOT NULL,
    created_at timestamptz NOT NULL,
    UNIQUE (case_id, party_id),
    FOREIGN KEY (party_id, org_id) REFERENCES party (id, org_id)
);

CREATE TABLE recall_ack (
    id               bigserial PRIMARY KEY,
    case_id          uuid NOT NULL REFERENCES recall_case (id),
    party_id         text NOT NULL,
    lot_id           uuid REFERENCES lot (id),
    returned         numeric(14, 3) NOT NULL DEFAULT 0 CHECK (returned >= 0),
    destroyed        numeric(14, 3) NOT NULL DEFAULT 0 CHECK (destroyed >= 0),
    acknowledged_at  timestamptz NOT NULL,
    recorded_by      text NOT NULL,
    recorded_at      timestamptz NOT NULL,
    note             text CHECK (length(note) <= 2000),
    supersedes       bigint UNIQUE REFERENCES recall_ack (id)
);
CREATE INDEX recall_ack_case ON recall_ack (case_id, party_id);

CREATE FUNCTION ct_recall_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused; record a new row instead', TG_TABLE_NAME, TG_OP;
END $$;
CREATE TRIGGER recall_case_lot_append_only BEFORE UPDATE OR DELETE ON recall_case_lot
    FOR EACH ROW EXECUTE FUNCTION ct_recall_append_only();
CREATE TRIGGER recall_case_event_append_only BEFORE UPDATE OR DELETE ON recall_case_event
    FOR EACH ROW EXECUTE FUNCTION ct_recall_append_only();
CREATE TRIGGER recall_notice_append_only BEFORE UPDATE OR DELETE ON recall_notice
    FOR EACH ROW EXECUTE FUNCTION ct_recall_append_only();
CREATE TRIGGER recall_ack_append_only BEFORE UPDATE OR DELETE ON recall_ack
    FOR EACH ROW EXECUTE FUNCTION ct_recall_append_only();
CREATE TRIGGER recall_truncate_refused BEFORE TRUNCATE ON recall_case
    FOR EACH STATEMENT EXECUTE FUNCTION ct_recall_append_only();

-- A case itself: only its current status may change (its history is recall_case_event); the frozen scope never.
CREATE FUNCTION ct_recall_case_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' OR (NEW.id, NEW.org_id, NEW.kind, NEW.reason, NEW.seeds, NEW.opened_by, NEW.opened_at,
            NEW.scope, NEW.scope_sha256, NEW.scope_computed_at) IS DISTINCT FROM (OLD.id, OLD.org_id, OLD.kind,
            OLD.reason, OLD.seeds, OLD.opened_by, OLD.opened_at, OLD.scope, OLD.scope_sha256,
            OLD.scope_computed_at) THEN
        RAISE EXCEPTION 'recall_case % is frozen: only its status changes, through recall_case_event', OLD.id;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER recall_case_frozen BEFORE UPDATE OR DELETE ON recall_case
    FOR EACH ROW EXECUTE FUNCTION ct_recall_case_frozen();

-- The alarm notifications' outbox carries recall notices too: a delivery is of an alarm event or of a notice.
ALTER TABLE webhook_delivery ALTER COLUMN alarm_event_id DROP NOT NULL;
ALTER TABLE webhook_delivery ADD COLUMN recall_notice_id bigint REFERENCES recall_notice (id);
ALTER TABLE webhook_delivery ADD CONSTRAINT webhook_delivery_one_subject
    CHECK (num_nonnulls(alarm_event_id, recall_notice_id) = 1);
ALTER TABLE webhook_delivery ADD CONSTRAINT webhook_delivery_notice_once UNIQUE (webhook_id, recall_notice_id);

CREATE FUNCTION ct_recall_notice_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO webhook_delivery (webhook_id, recall_notice_id)
    SELECT w.id, NEW.id FROM webhook w WHERE w.org_id = NEW.org_id AND w.active;
    RETURN NULL;
END $$;
CREATE TRIGGER recall_notice_outbox AFTER INSERT ON recall_notice
    FOR EACH ROW EXECUTE FUNCTION ct_recall_notice_outbox();
