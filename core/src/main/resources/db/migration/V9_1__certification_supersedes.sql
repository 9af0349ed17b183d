-- Certifications are auditor records (issue 7, section 1): evidence files hang on them (V7_1, append-only) and a
-- buyer's page shows them, so a certificate is never changed in place. A change (renewal, a corrected number or
-- date) is a new certification that names the one it supersedes; the old one stays, shown as superseded. Each
-- certification is superseded at most once, by one of the same organisation and the same holder.

ALTER TABLE certification ADD COLUMN supersedes text UNIQUE CHECK (supersedes <> id);
ALTER TABLE certification ADD CONSTRAINT certification_id_org UNIQUE (id, org_id);
ALTER TABLE certification ADD CONSTRAINT certification_supersedes_same_org
    FOREIGN KEY (supersedes, org_id) REFERENCES certification (id, org_id);

CREATE FUNCTION ct_certification_same_holder() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.supersedes IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM certification o WHERE o.id = NEW.supersedes
               AND o.party_id IS NOT DISTINCT FROM NEW.party_id
               AND o.product_id IS NOT DISTINCT FROM NEW.product_id) THEN
        RAISE EXCEPTION 'certification % supersedes % of another holder', NEW.id, NEW.supersedes
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER certification_same_holder BEFORE INSERT ON certification
    FOR EACH ROW EXECUTE FUNCTION ct_certification_same_holder();

CREATE FUNCTION ct_certification_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'certification is append-only: record a certification that supersedes this one instead';
END $$;
CREATE TRIGGER certification_append_only BEFORE UPDATE OR DELETE ON certification
    FOR EACH ROW EXECUTE FUNCTION ct_certification_append_only();
CREATE TRIGGER certification_no_truncate BEFORE TRUNCATE ON certification
    FOR EACH STATEMENT EXECUTE FUNCTION ct_certification_append_only();
