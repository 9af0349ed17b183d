-- Evidence files of certifications (a scan of the certificate, a photo of the 合格证): kept whole with their SHA-256,
-- append-only (a wrong upload is followed by a right one, both stay), so an auditor can check a file against the
-- hash shown when it was recorded.
CREATE TABLE certification_evidence (
    id               bigserial PRIMARY KEY,
    certification_id text NOT NULL REFERENCES certification (id),
    org_id           text NOT NULL REFERENCES org (id),
    filename         text NOT NULL CHECK (length(filename) BETWEEN 1 AND 200),
    content_type     text NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes       integer NOT NULL CHECK (size_bytes > 0),
    sha256           text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    content          bytea NOT NULL CHECK (length(content) = size_bytes),
    uploaded_by      text NOT NULL,
    uploaded_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX certification_evidence_cert ON certification_evidence (certification_id, id);

CREATE FUNCTION ct_evidence_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'certification_evidence is append-only: upload a new file instead of changing or removing one';
END $$;
CREATE TRIGGER certification_evidence_append_only BEFORE UPDATE OR DELETE ON certification_evidence
    FOR EACH ROW EXECUTE FUNCTION ct_evidence_append_only();
CREATE TRIGGER certification_evidence_no_truncate BEFORE TRUNCATE ON certification_evidence
    FOR EACH STATEMENT EXECUTE FUNCTION ct_evidence_append_only();
