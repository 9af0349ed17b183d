-- External codes of lots (issue 7 §4): a national platform's code (追溯码) mapped 1:1 to a lot (lot.external_code,
-- V9). PUT /api/v1/lots/{id}/external-code sets it once; replacing it is a correction that only QA may make, with a
-- reason. Every change made there is kept here, append-only (the first setting with old_code NULL).
CREATE TABLE lot_external_code_change (
    id         bigserial PRIMARY KEY,
    org_id     text NOT NULL REFERENCES org (id),
    lot_id     uuid NOT NULL REFERENCES lot (id),
    old_code   text CHECK (length(old_code) BETWEEN 1 AND 128),
    new_code   text NOT NULL CHECK (length(new_code) BETWEEN 1 AND 128),
    reason     text CHECK (length(reason) BETWEEN 1 AND 1000),
    changed_by text NOT NULL CHECK (length(changed_by) BETWEEN 1 AND 200),
    changed_at timestamptz NOT NULL DEFAULT now(),
    -- a replacement says why
    CHECK (old_code IS NULL OR reason IS NOT NULL),
    CHECK (old_code IS DISTINCT FROM new_code)
);
CREATE INDEX lot_external_code_change_lot ON lot_external_code_change (lot_id, changed_at);

CREATE FUNCTION lot_external_code_change_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'lot_external_code_change is append-only: % refused; record a new change instead', TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$;
CREATE TRIGGER lot_external_code_change_append_only BEFORE UPDATE OR DELETE ON lot_external_code_change
    FOR EACH ROW EXECUTE FUNCTION lot_external_code_change_append_only();
CREATE TRIGGER lot_external_code_change_no_truncate BEFORE TRUNCATE ON lot_external_code_change
    FOR EACH STATEMENT EXECUTE FUNCTION lot_external_code_change_append_only();

-- GS1 Digital Link resolution (/01/{gtin14}/10/{lot}) finds the products of a GTIN, then their lots by
-- (org_id, code); without this index every scan of a link would read the whole product table.
CREATE INDEX product_gtin ON product (gtin) WHERE gtin IS NOT NULL;
