-- Consumption-assistance programmes (issue 9 §1): a buyer organisation (a city's budget units, a canteen, a
-- supermarket chain) declares the paired-assistance regions it supports, its reserved-share target and the period it
-- applies to. A programme is versioned and append-only: a change is a new version (with its regions), so the target
-- and regions in force when a report was read can always be shown. The current version is the highest. The current
-- periods of one organisation's programmes do not overlap (checked by the API under a lock of the organisation's
-- row), so a delivery date falls under at most one target.

CREATE TABLE programme (
    id         text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$'),
    org_id     text NOT NULL REFERENCES org (id),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX programme_org ON programme (org_id);

CREATE TABLE programme_version (
    programme_id text NOT NULL REFERENCES programme (id),
    version      integer NOT NULL CHECK (version >= 1),
    name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    -- the reserved share of the period's food purchasing, in percent (Zhuhai 2021: 30)
    target_pct   numeric(5, 2) NOT NULL CHECK (target_pct > 0 AND target_pct <= 100),
    -- both days included: a calendar year is 01-01 to 12-31
    period_start date NOT NULL,
    period_end   date NOT NULL,
    recorded_by  text NOT NULL CHECK (length(recorded_by) BETWEEN 1 AND 200),
    recorded_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (programme_id, version),
    CHECK (period_start < period_end)
);

-- The paired-assistance regions of a version: provinces, cities or counties (a city or province covers the counties
-- inside it).
CREATE TABLE programme_region (
    programme_id  text NOT NULL,
    version       integer NOT NULL,
    division_code text NOT NULL REFERENCES division (code),
    PRIMARY KEY (programme_id, version, division_code),
    FOREIGN KEY (programme_id, version) REFERENCES programme_version (programme_id, version)
);
CREATE INDEX programme_region_division ON programme_region (division_code);

-- ct_append_only: V9_25
DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['programme', 'programme_version', 'programme_region'] LOOP
        EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON %I FOR EACH ROW '
                       'EXECUTE FUNCTION ct_append_only(''a change is a new version'')', t || '_append_only', t);
        EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT '
                       'EXECUTE FUNCTION ct_append_only(''a change is a new version'')', t || '_no_truncate', t);
    END LOOP;
END $$;
