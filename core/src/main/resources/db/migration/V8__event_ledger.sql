-- The event ledger (issue 7, section 2): every traceability step is an append-only event. Corrections are new events
-- that name the one they correct. Tamper evidence: each event's hash covers its canonical form and the hash of the
-- previous event of its organisation (core.ledger.EventChain documents the canonical form); GET /api/v1/events/verify
-- recomputes the chain.

-- One row per organisation: the head of its chain. Appending locks it (SELECT ... FOR UPDATE), so two concurrent
-- appends of one organisation are serialised and cannot both link to the same previous event (a forked chain); it
-- also lets verify notice events removed from the end of a chain.
CREATE TABLE trace_chain_head (
    org_id    text PRIMARY KEY REFERENCES org (id),
    last_seq  bigint,
    last_hash text NOT NULL CHECK (last_hash ~ '^[0-9a-f]{64}$')
);

CREATE TABLE trace_event (
    seq               bigserial PRIMARY KEY,
    id                uuid NOT NULL UNIQUE,
    org_id            text NOT NULL REFERENCES org (id),
    -- the client's key for the event: a retry with the same key returns the stored event instead of a second one
    client_event_id   text NOT NULL CHECK (length(client_event_id) BETWEEN 1 AND 128),
    type              text NOT NULL CHECK (type IN ('harvest', 'pre_cool', 'pack', 'store_in', 'move', 'store_out',
                                                    'load', 'unload', 'ship', 'receive', 'transform', 'deliver',
                                                    'loss', 'correction')),
    event_time        timestamptz NOT NULL,
    -- the offset of the place where it happened (EPCIS eventTimeZoneOffset); event_time itself is an instant
    event_tz_offset   text NOT NULL CHECK (event_tz_offset ~ '^[+-](0[0-9]|1[0-4]):[0-5][0-9]$'),
    site_id           text REFERENCES site (id),
    unit_id           text REFERENCES unit (id),
    plot_id           text REFERENCES farm_plot (id),
    party_id          text,
    -- type-specific details: lots with quantity and unit of measure, inputs and outputs, documents
    body              jsonb NOT NULL CHECK (jsonb_typeof(body) = 'object'),
    recorded_by       text NOT NULL,
    recorded_at       timestamptz NOT NULL,
    corrects_event_id uuid,
    correction_reason text CHECK (length(correction_reason) BETWEEN 1 AND 1000),
    late_recorded     boolean NOT NULL,
    prev_hash         text NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
    hash              text NOT NULL UNIQUE CHECK (hash ~ '^[0-9a-f]{64}$'),
    UNIQUE (org_id, client_event_id),
    UNIQUE (id, org_id),
    -- the party, and the event a correction corrects, are of the event's organisation
    FOREIGN KEY (party_id, org_id) REFERENCES party (id, org_id),
    FOREIGN KEY (corrects_event_id, org_id) REFERENCES trace_event (id, org_id),
    CHECK ((type = 'correction') = (corrects_event_id IS NOT NULL)),
    CHECK ((corrects_event_id IS NULL) = (correction_reason IS NULL))
);
CREATE INDEX trace_event_org_seq ON trace_event (org_id, seq);
CREATE INDEX trace_event_org_time ON trace_event (org_id, event_time);

-- Append-only in the database, whoever writes: a correction is a new event, never an edit.
CREATE FUNCTION trace_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'trace_event is append-only: % refused; record a correction event instead', TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$;
CREATE TRIGGER trace_event_append_only BEFORE UPDATE OR DELETE ON trace_event
    FOR EACH ROW EXECUTE FUNCTION trace_event_append_only();
CREATE TRIGGER trace_event_no_truncate BEFORE TRUNCATE ON trace_event
    FOR EACH STATEMENT EXECUTE FUNCTION trace_event_append_only();
