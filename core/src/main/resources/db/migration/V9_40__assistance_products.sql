-- Certified assistance products (帮扶产品认定, issue 9 §2) and the blacklist (黑名单, issue 9 §3). Every step is a row
-- of its own and no row changes (triggers below): a producer organisation applies (a product, the party producing
-- it, whose county is the application's division, and evidence files); the county authority covering that division
-- decides once (certified, with the certificate's number and validity, or refused with a reason); periodic re-checks
-- (核查清理) confirm a certificate or revoke it with a reason (a revocation ends it, once). Whether a certificate is
-- valid, expired, revoked or suspended is computed on read against the day in China: nothing is updated when it lapses.
CREATE TABLE assistance_application (
    id            uuid PRIMARY KEY,
    org_id        text NOT NULL REFERENCES org (id),
    product_id    text NOT NULL,
    party_id      text NOT NULL,
    -- the producing party's county when it applied (party.division_code): the division whose authority decides
    division_code text NOT NULL CHECK (division_code ~ '^[0-9]{6}$'),
    note          text CHECK (length(note) BETWEEN 1 AND 2000),
    applied_by    text NOT NULL CHECK (length(applied_by) BETWEEN 1 AND 200),
    applied_at    timestamptz NOT NULL,
    FOREIGN KEY (product_id, org_id) REFERENCES product (id, org_id),
    FOREIGN KEY (party_id, org_id) REFERENCES party (id, org_id)
);
CREATE INDEX assistance_application_org ON assistance_application (org_id, applied_at DESC);
CREATE INDEX assistance_application_division ON assistance_application (division_code, applied_at DESC);

CREATE TABLE assistance_decision (
    application_id     uuid PRIMARY KEY REFERENCES assistance_application (id),
    outcome            text NOT NULL CHECK (outcome IN ('certified', 'refused')),
    reason             text CHECK (length(reason) BETWEEN 1 AND 2000),
    certificate_number text UNIQUE CHECK (length(certificate_number) BETWEEN 1 AND 100),
    valid_from         date,
    valid_to           date,
    -- the authority that decided: its organisation's name (or the token's name), and the region it governs (null for
    -- an admin, who covers every division)
    issuer             text NOT NULL CHECK (length(issuer) BETWEEN 1 AND 200),
    issuer_region      text CHECK (issuer_region ~ '^[0-9]{6}$'),
    decided_by         text NOT NULL CHECK (length(decided_by) BETWEEN 1 AND 200),
    decided_at         timestamptz NOT NULL,
    CHECK ((outcome = 'certified') = (certificate_number IS NOT NULL)),
    CHECK ((outcome = 'certified') = (valid_from IS NOT NULL AND valid_to IS NOT NULL)),
    CHECK (outcome = 'certified' OR reason IS NOT NULL),
    CHECK (valid_to >= valid_from)
);
CREATE INDEX assistance_decision_valid_to ON assistance_decision (valid_to) WHERE outcome = 'certified';

CREATE TABLE assistance_recheck (
    id             uuid PRIMARY KEY,
    application_id uuid NOT NULL REFERENCES assistance_decision (application_id),
    outcome        text NOT NULL CHECK (outcome IN ('confirmed', 'revoked')),
    reason         text CHECK (length(reason) BETWEEN 1 AND 2000),
    checked_by     text NOT NULL CHECK (length(checked_by) BETWEEN 1 AND 200),
    checker_region text CHECK (checker_region ~ '^[0-9]{6}$'),
    checked_at     timestamptz NOT NULL,
    CHECK (outcome = 'confirmed' OR reason IS NOT NULL)
);
CREATE INDEX assistance_recheck_application ON assistance_recheck (application_id, checked_at);
-- a certificate is revoked at most once: the revocation ends it
CREATE UNIQUE INDEX assistance_recheck_one_revocation ON assistance_recheck (application_id)
    WHERE outcome = 'revoked';

-- Blacklist entries: a party (a supplier), or one product of a party. The authority covering the party's county
-- enters them and lifts them (a lift is a row of its own, at most one per entry). In force from valid_from to
-- valid_until (inclusive, China's calendar; open-ended when null) unless lifted. A party's entry also names the
-- party's unified social credit code, so other organisations' party rows of the same supplier are caught.
CREATE TABLE blacklist_entry (
    id               uuid PRIMARY KEY,
    org_id           text NOT NULL REFERENCES org (id),
    party_id         text NOT NULL,
    product_id       text,
    uscc             text CHECK (uscc ~ '^[0-9ABCDEFGHJKLMNPQRTUWXY]{18}$'),
    division_code    text NOT NULL CHECK (division_code ~ '^[0-9]{6}$'),
    reason           text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
    evidence         text CHECK (length(evidence) BETWEEN 1 AND 2000),
    valid_from       date NOT NULL,
    valid_until      date,
    authority        text NOT NULL CHECK (length(authority) BETWEEN 1 AND 200),
    authority_region text CHECK (authority_region ~ '^[0-9]{6}$'),
    entered_by       text NOT NULL CHECK (length(entered_by) BETWEEN 1 AND 200),
    entered_at       timestamptz NOT NULL,
    CHECK (valid_until >= valid_from),
    FOREIGN KEY (party_id, org_id) REFERENCES party (id, org_id),
    FOREIGN KEY (product_id, org_id) REFERENCES product (id, org_id)
);
CREATE INDEX blacklist_entry_party ON blacklist_entry (party_id);
CREATE INDEX blacklist_entry_uscc ON blacklist_entry (uscc) WHERE uscc IS NOT NULL;
CREATE INDEX blacklist_entry_product ON blacklist_entry (product_id) WHERE product_id IS NOT NULL;

CREATE TABLE blacklist_lift (
    entry_id         uuid PRIMARY KEY REFERENCES blacklist_entry (id),
    reason           text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
    authority        text NOT NULL CHECK (length(authority) BETWEEN 1 AND 200),
    authority_region text CHECK (authority_region ~ '^[0-9]{6}$'),
    lifted_by        text NOT NULL CHECK (length(lifted_by) BETWEEN 1 AND 200),
    lifted_at        timestamptz NOT NULL
);

-- Evidence files of an application or of a blacklist entry (exactly one), kept whole with their SHA-256.
CREATE TABLE assistance_evidence (
    id             bigserial PRIMARY KEY,
    application_id uuid REFERENCES assistance_application (id),
    entry_id       uuid REFERENCES blacklist_entry (id),
    filename       text NOT NULL CHECK (length(filename) BETWEEN 1 AND 200),
    content_type   text NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes     integer NOT NULL CHECK (size_bytes > 0),
    sha256         text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    content        bytea NOT NULL CHECK (length(content) = size_bytes),
    uploaded_by    text NOT NULL CHECK (length(uploaded_by) BETWEEN 1 AND 200),
    uploaded_at    timestamptz NOT NULL DEFAULT now(),
    CHECK (num_nonnulls(application_id, entry_id) = 1)
);
CREATE INDEX assistance_evidence_application ON assistance_evidence (application_id, id)
    WHERE application_id IS NOT NULL;
CREATE INDEX assistance_evidence_entry ON assistance_evidence (entry_id, id) WHERE entry_id IS NOT NULL;

CREATE FUNCTION assistance_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused; record a new step (decision, re-check, lift) instead',
        TG_TABLE_NAME, TG_OP USING ERRCODE = 'restrict_violation';
END;
$$;
DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['assistance_application', 'assistance_decision', 'assistance_recheck',
                             'blacklist_entry', 'blacklist_lift', 'assistance_evidence'] LOOP
        EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON %I FOR EACH ROW '
                       'EXECUTE FUNCTION assistance_append_only()', t || '_append_only', t);
        EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT '
                       'EXECUTE FUNCTION assistance_append_only()', t || '_no_truncate', t);
    END LOOP;
END;
$$;
