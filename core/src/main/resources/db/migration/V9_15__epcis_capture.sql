-- EPCIS 2.0 capture jobs (issue 8 §5, POST /epcis/capture). A partner's document is stored whole or not at all, in
-- one transaction that also writes its job; a refused document is answered at once (an RFC 7807 problem) and leaves
-- no job. So every job here succeeded: the REST binding's GET /epcis/capture/{captureID} shows it as finished, with
-- how many of the document's events it stored and how many were stored already (captured before, same eventIDs).
CREATE TABLE epcis_capture (
    id              uuid PRIMARY KEY,
    org_id          text NOT NULL REFERENCES org (id),
    captured_by     text NOT NULL CHECK (length(captured_by) BETWEEN 1 AND 200),
    created_at      timestamptz NOT NULL,
    finished_at     timestamptz NOT NULL CHECK (finished_at >= created_at),
    events          integer NOT NULL CHECK (events >= 0),
    created         integer NOT NULL CHECK (created >= 0),
    existing        integer NOT NULL CHECK (existing >= 0),
    document_sha256 text NOT NULL CHECK (document_sha256 ~ '^[0-9a-f]{64}$'),
    -- an event the document holds only as another's corrective event is stored within that correction
    CHECK (created + existing <= events)
);
CREATE INDEX epcis_capture_org ON epcis_capture (org_id, created_at);
