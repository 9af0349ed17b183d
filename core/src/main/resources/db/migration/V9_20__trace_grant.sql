-- Trace grants (issue 8 §6): organisation grantor_org lets grantee_org's traces continue into its lots. Goods handed
-- over from one ColdTrace organisation to another are traced to the hand-over and no further, unless the organisation
-- whose lots lie beyond granted the tracing one (tracking-api/README.md, "Traces across organisations").
-- Append-only, like the ledger: a grant is never changed or deleted; it ends by a revocation, a row of its own
-- (at most one per grant). A grant is in force while it has no revocation.
CREATE TABLE trace_grant (
    id          uuid PRIMARY KEY,
    grantor_org text NOT NULL REFERENCES org (id),
    grantee_org text NOT NULL REFERENCES org (id),
    granted_by  text NOT NULL CHECK (length(granted_by) BETWEEN 1 AND 200),
    granted_at  timestamptz NOT NULL,
    CHECK (grantor_org <> grantee_org)
);
CREATE INDEX trace_grant_grantee ON trace_grant (grantee_org, grantor_org);
CREATE INDEX trace_grant_grantor ON trace_grant (grantor_org, granted_at DESC);

CREATE TABLE trace_grant_revocation (
    grant_id   uuid PRIMARY KEY REFERENCES trace_grant (id),
    revoked_by text NOT NULL CHECK (length(revoked_by) BETWEEN 1 AND 200),
    revoked_at timestamptz NOT NULL
);

CREATE FUNCTION trace_grant_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused; revoke a grant with a new revocation row', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$;
CREATE TRIGGER trace_grant_append_only BEFORE UPDATE OR DELETE ON trace_grant
    FOR EACH ROW EXECUTE FUNCTION trace_grant_append_only();
CREATE TRIGGER trace_grant_no_truncate BEFORE TRUNCATE ON trace_grant
    FOR EACH STATEMENT EXECUTE FUNCTION trace_grant_append_only();
CREATE TRIGGER trace_grant_revocation_append_only BEFORE UPDATE OR DELETE ON trace_grant_revocation
    FOR EACH ROW EXECUTE FUNCTION trace_grant_append_only();
CREATE TRIGGER trace_grant_revocation_no_truncate BEFORE TRUNCATE ON trace_grant_revocation
    FOR EACH STATEMENT EXECUTE FUNCTION trace_grant_append_only();

-- The crossing's lookups (GenealogySql.CROSSING): a received lot by the supplier's lot code it recorded, and a
-- supplier's lot by its code across organisations.
CREATE INDEX lot_code ON lot (code);
