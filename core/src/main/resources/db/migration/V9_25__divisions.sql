-- GB/T 2260 administrative divisions with the county flags of consumption assistance (issue 9 §1): poverty-alleviated
-- county (脱贫县) and national key assistance county (国家乡村振兴重点帮扶县). The rows come only through imports: the
-- bundled subset (R__Bundled_divisions, source 'seed'), then national lists (POST /api/v1/divisions/import, the
-- import-divisions command). A division is never deleted (programmes, tokens and reports name it); a re-import updates
-- its name and flags, and every change is kept in division_change with its import (who, when), so which county was
-- flagged when can be answered for any date: the state of a division at time t is its last change at or before t.

CREATE TABLE division_import (
    id            bigserial PRIMARY KEY,
    source        text NOT NULL CHECK (source IN ('seed', 'api', 'cli')),
    imported_by   text NOT NULL CHECK (length(imported_by) BETWEEN 1 AND 200),
    token_id      bigint REFERENCES api_token (id),
    imported_at   timestamptz NOT NULL DEFAULT now(),
    file_sha256   text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
    rows          integer NOT NULL CHECK (rows >= 0),
    added         integer NOT NULL CHECK (added >= 0),
    renamed       integer NOT NULL CHECK (renamed >= 0),
    flags_changed integer NOT NULL CHECK (flags_changed >= 0)
);

CREATE TABLE division (
    code               text PRIMARY KEY CHECK (code ~ '^[0-9]{6}$'),
    name               text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    level              text NOT NULL CHECK (level IN ('province', 'city', 'county')),
    -- a county's city, or its province where it has no city row (济源 419001); a city's province; null for a province
    parent_code        text REFERENCES division (code),
    poverty_alleviated boolean NOT NULL DEFAULT false,
    key_assistance     boolean NOT NULL DEFAULT false,
    import_id          bigint NOT NULL REFERENCES division_import (id),
    updated_at         timestamptz NOT NULL,
    CHECK (level = CASE WHEN code LIKE '%0000' THEN 'province' WHEN code LIKE '%00' THEN 'city' ELSE 'county' END),
    CHECK ((level = 'province') = (parent_code IS NULL)),
    CHECK (level = 'county' OR NOT (poverty_alleviated OR key_assistance))
);
CREATE INDEX division_parent ON division (parent_code, code);
CREATE INDEX division_flagged ON division (code) WHERE poverty_alleviated OR key_assistance;

-- One row per division an import added or changed (name or a flag): old values null when it was added.
CREATE TABLE division_change (
    id                     bigserial PRIMARY KEY,
    code                   text NOT NULL REFERENCES division (code),
    import_id              bigint NOT NULL REFERENCES division_import (id),
    changed_at             timestamptz NOT NULL,
    name_old               text,
    name_new               text NOT NULL,
    poverty_alleviated_old boolean,
    poverty_alleviated_new boolean NOT NULL,
    key_assistance_old     boolean,
    key_assistance_new     boolean NOT NULL,
    UNIQUE (code, import_id),
    CHECK ((name_old IS NULL) = (poverty_alleviated_old IS NULL)
           AND (name_old IS NULL) = (key_assistance_old IS NULL))
);
CREATE INDEX division_change_code_time ON division_change (code, changed_at DESC);
CREATE INDEX division_change_time ON division_change (changed_at DESC, id DESC);

-- Append-only tables refuse UPDATE, DELETE and TRUNCATE, whoever writes; the trigger's argument says what to do
-- instead. Shared by the append-only tables from here on (programmes, V9_27).
CREATE FUNCTION ct_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused; %', TG_TABLE_NAME, TG_OP, TG_ARGV[0]
        USING ERRCODE = 'restrict_violation';
END;
$$;
CREATE TRIGGER division_import_append_only BEFORE UPDATE OR DELETE ON division_import
    FOR EACH ROW EXECUTE FUNCTION ct_append_only('a change is a new import');
CREATE TRIGGER division_import_no_truncate BEFORE TRUNCATE ON division_import
    FOR EACH STATEMENT EXECUTE FUNCTION ct_append_only('a change is a new import');
CREATE TRIGGER division_change_append_only BEFORE UPDATE OR DELETE ON division_change
    FOR EACH ROW EXECUTE FUNCTION ct_append_only('a change is a new import');
CREATE TRIGGER division_change_no_truncate BEFORE TRUNCATE ON division_change
    FOR EACH STATEMENT EXECUTE FUNCTION ct_append_only('a change is a new import');
-- divisions themselves are updated by imports, never deleted
CREATE TRIGGER division_no_delete BEFORE DELETE ON division
    FOR EACH ROW EXECUTE FUNCTION ct_append_only('divisions are never deleted: programmes, tokens and reports name them');
CREATE TRIGGER division_no_truncate BEFORE TRUNCATE ON division
    FOR EACH STATEMENT EXECUTE FUNCTION ct_append_only('divisions are never deleted');
