-- Outside anchors of the event ledger (V8). The chain head (trace_chain_head) says where each organisation's chain
-- ends, but someone with superuser rights could rewrite events, their successors' hashes and the head together, and
-- the chain would check out. An anchor records a head (seq and hash) at a time, signed with an HMAC key the database
-- never sees (anchor_sig; NULL when the API runs without COLDTRACE_ANCHOR_KEY), and the API appends the same anchor
-- to a log file outside the database. GET /api/v1/events/verify then checks that the event at each anchored seq still
-- carries the anchored hash: a rewritten history no longer matches the anchors taken before it was rewritten.
CREATE TABLE trace_chain_anchor (
    id          bigserial PRIMARY KEY,
    org_id      text NOT NULL REFERENCES org (id),
    seq         bigint NOT NULL REFERENCES trace_event (seq),
    hash        text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
    anchored_at timestamptz NOT NULL,
    -- hex HMAC-SHA256 of "org_id|seq|hash|anchored_at" (anchored_at as UTC ISO-8601), see events.AnchorRow
    anchor_sig  text CHECK (anchor_sig ~ '^[0-9a-f]{64}$'),
    -- one anchor per head: a head that has not moved since its last anchor is not anchored again
    UNIQUE (org_id, seq)
);

-- Append-only, as trace_event: an anchor is never edited or removed.
CREATE FUNCTION trace_chain_anchor_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'trace_chain_anchor is append-only: % refused', TG_OP USING ERRCODE = 'restrict_violation';
END;
$$;
CREATE TRIGGER trace_chain_anchor_append_only BEFORE UPDATE OR DELETE ON trace_chain_anchor
    FOR EACH ROW EXECUTE FUNCTION trace_chain_anchor_append_only();
CREATE TRIGGER trace_chain_anchor_no_truncate BEFORE TRUNCATE ON trace_chain_anchor
    FOR EACH STATEMENT EXECUTE FUNCTION trace_chain_anchor_append_only();
