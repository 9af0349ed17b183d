-- Quality tests of lots (issue 9 §3): a rapid pesticide-residue test (农残快检) or a laboratory result, attached to a
-- lot: analyte, measured value and its limit, pass or fail, who tested (lab or station) and how, evidence files with
-- their SHA-256. Append-only, like the ledger: a wrong record is followed by a correction naming it (supersedes, with
-- a reason); both stay. A failed test holds the lot and every lot made from it (events.Holds: shipping or delivering
-- answers 409 naming the test) until the test is corrected to a pass or QA releases the hold with a reason (a row of
-- quality_test_release, at most one per test).
CREATE TABLE quality_test (
    id           uuid PRIMARY KEY,
    org_id       text NOT NULL REFERENCES org (id),
    lot_id       uuid NOT NULL REFERENCES lot (id),
    kind         text NOT NULL CHECK (kind IN ('rapid', 'lab')),
    analyte      text NOT NULL CHECK (length(analyte) BETWEEN 1 AND 200),
    value        double precision,
    value_unit   text CHECK (length(value_unit) BETWEEN 1 AND 32),
    limit_value  double precision,
    result       text NOT NULL CHECK (result IN ('pass', 'fail')),
    lab          text NOT NULL CHECK (length(lab) BETWEEN 1 AND 200),
    method       text CHECK (length(method) BETWEEN 1 AND 200),
    sampled_at   timestamptz,
    tested_at    timestamptz NOT NULL,
    note         text CHECK (length(note) <= 2000),
    supersedes   uuid UNIQUE REFERENCES quality_test (id),
    reason       text CHECK (length(reason) BETWEEN 1 AND 2000),
    recorded_by  text NOT NULL CHECK (length(recorded_by) BETWEEN 1 AND 200),
    recorded_at  timestamptz NOT NULL,
    CHECK (supersedes IS NULL OR reason IS NOT NULL),
    CHECK (sampled_at IS NULL OR sampled_at <= tested_at),
    -- a value is read against its limit in one unit
    CHECK ((value IS NULL AND limit_value IS NULL) OR value_unit IS NOT NULL)
);
CREATE INDEX quality_test_lot ON quality_test (lot_id, tested_at DESC);
CREATE INDEX quality_test_org ON quality_test (org_id, tested_at DESC);
-- the hold check's first question: has the organisation any failed test at all
CREATE INDEX quality_test_failed ON quality_test (org_id, lot_id) WHERE result = 'fail';

CREATE TABLE quality_test_release (
    test_id     uuid PRIMARY KEY REFERENCES quality_test (id),
    reason      text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
    released_by text NOT NULL CHECK (length(released_by) BETWEEN 1 AND 200),
    released_at timestamptz NOT NULL
);

CREATE TABLE quality_test_evidence (
    id           bigserial PRIMARY KEY,
    test_id      uuid NOT NULL REFERENCES quality_test (id),
    org_id       text NOT NULL REFERENCES org (id),
    filename     text NOT NULL CHECK (length(filename) BETWEEN 1 AND 200),
    content_type text NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes   integer NOT NULL CHECK (size_bytes > 0),
    sha256       text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    content      bytea NOT NULL CHECK (length(content) = size_bytes),
    uploaded_by  text NOT NULL,
    uploaded_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX quality_test_evidence_test ON quality_test_evidence (test_id, id);

CREATE FUNCTION quality_test_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused; record a correction (supersedes) or a release instead',
        TG_TABLE_NAME, TG_OP USING ERRCODE = 'restrict_violation';
END;
$$;
CREATE TRIGGER quality_test_append_only BEFORE UPDATE OR DELETE ON quality_test
    FOR EACH ROW EXECUTE FUNCTION quality_test_append_only();
CREATE TRIGGER quality_test_no_truncate BEFORE TRUNCATE ON quality_test
    FOR EACH STATEMENT EXECUTE FUNCTION quality_test_append_only();
CREATE TRIGGER quality_test_release_append_only BEFORE UPDATE OR DELETE ON quality_test_release
    FOR EACH ROW EXECUTE FUNCTION quality_test_append_only();
CREATE TRIGGER quality_test_release_no_truncate BEFORE TRUNCATE ON quality_test_release
    FOR EACH STATEMENT EXECUTE FUNCTION quality_test_append_only();
CREATE TRIGGER quality_test_evidence_append_only BEFORE UPDATE OR DELETE ON quality_test_evidence
    FOR EACH ROW EXECUTE FUNCTION quality_test_append_only();
CREATE TRIGGER quality_test_evidence_no_truncate BEFORE TRUNCATE ON quality_test_evidence
    FOR EACH STATEMENT EXECUTE FUNCTION quality_test_append_only();
