-- Master data of the traceability chain (issue 7, section 1): parties, products, farm plots, certifications.
-- Every row belongs to one organisation. The API validates check digits and check characters (core.ids); the
-- constraints here repeat the formats and enumerations so no other writer can store what the API would refuse.

CREATE TABLE party (
    id                        text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$'),
    org_id                    text NOT NULL REFERENCES org (id),
    kind                      text NOT NULL CHECK (kind IN ('farm', 'cooperative', 'packer', 'cold_store_operator',
                                                            'carrier', 'buyer')),
    buyer_type                text CHECK (buyer_type IN ('supermarket', 'canteen', 'wholesale_market', 'e_commerce')),
    name_zh                   text NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 200),
    name_en                   text CHECK (length(name_en) BETWEEN 1 AND 200),
    -- GB/T 2260 administrative division: province (2) + city (2) + county (2) digits, with the names
    division_code             text NOT NULL CHECK (division_code ~ '^[0-9]{6}$'),
    province                  text NOT NULL CHECK (length(province) BETWEEN 1 AND 100),
    city                      text CHECK (length(city) BETWEEN 1 AND 100),
    county                    text CHECK (length(county) BETWEEN 1 AND 100),
    poverty_alleviated_county boolean NOT NULL DEFAULT false,
    paired_assistance_county  boolean NOT NULL DEFAULT false,
    -- unified social credit code (GB 32100-2015): 18 characters of 0-9 and A-Y without I, O, S, V, Z
    uscc                      text CHECK (uscc ~ '^[0-9ABCDEFGHJKLMNPQRTUWXY]{18}$'),
    gln                       text CHECK (gln ~ '^[0-9]{13}$'),
    created_at                timestamptz NOT NULL DEFAULT now(),
    CHECK ((kind = 'buyer') = (buyer_type IS NOT NULL)),
    UNIQUE (id, org_id)
);
CREATE INDEX party_org ON party (org_id);

CREATE TABLE product (
    id                      text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$'),
    org_id                  text NOT NULL REFERENCES org (id),
    name_zh                 text NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 200),
    name_en                 text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
    commodity               text NOT NULL CHECK (length(commodity) BETWEEN 1 AND 100),
    variety                 text CHECK (length(variety) BETWEEN 1 AND 100),
    -- GTIN-8/12/13/14 stored left-padded to 14 digits
    gtin                    text CHECK (gtin ~ '^[0-9]{14}$'),
    unit_of_measure         text NOT NULL CHECK (unit_of_measure IN ('kg', 'box', 'crate', 'piece', 'bag', 'carton')),
    temp_class              text NOT NULL CHECK (temp_class IN ('frozen', 'chilled', 'cool', 'ambient')),
    -- shelf-life model: days at the reference temperature, and exactly one of Q10 or the Arrhenius activation energy
    shelf_life_ref_c        double precision NOT NULL CHECK (shelf_life_ref_c BETWEEN -60 AND 60),
    shelf_life_days         double precision NOT NULL CHECK (shelf_life_days > 0 AND shelf_life_days <= 3650),
    q10                     double precision CHECK (q10 > 1 AND q10 <= 10),
    arrhenius_ea_kj_per_mol double precision CHECK (arrhenius_ea_kj_per_mol > 0 AND arrhenius_ea_kj_per_mol <= 500),
    created_at              timestamptz NOT NULL DEFAULT now(),
    CHECK (num_nonnulls(q10, arrhenius_ea_kj_per_mol) = 1),
    UNIQUE (id, org_id)
);
CREATE INDEX product_org ON product (org_id);

-- A farm's (or cooperative's) plot; the party is of the plot's organisation (the API also checks its kind).
CREATE TABLE farm_plot (
    id         text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$'),
    org_id     text NOT NULL REFERENCES org (id),
    party_id   text NOT NULL,
    name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    lat        double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lon        double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
    area_ha    double precision NOT NULL CHECK (area_ha > 0 AND area_ha <= 1000000),
    gln        text CHECK (gln ~ '^[0-9]{13}$'),
    created_at timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (party_id, org_id) REFERENCES party (id, org_id)
);
CREATE INDEX farm_plot_org ON farm_plot (org_id);
CREATE INDEX farm_plot_party ON farm_plot (party_id);

-- A certificate held by exactly one party or one product of the same organisation. Its status (valid, expired,
-- not yet valid) is computed when read, never stored.
CREATE TABLE certification (
    id         text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$'),
    org_id     text NOT NULL REFERENCES org (id),
    party_id   text,
    product_id text,
    kind       text NOT NULL CHECK (kind IN ('green_food', 'organic', 'geographical_indication',
                                             'assistance_product', 'regional_brand', 'compliance_certificate')),
    number     text NOT NULL CHECK (length(number) BETWEEN 1 AND 100),
    issuer     text NOT NULL CHECK (length(issuer) BETWEEN 1 AND 200),
    valid_from date NOT NULL,
    valid_to   date NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (num_nonnulls(party_id, product_id) = 1),
    CHECK (valid_to >= valid_from),
    FOREIGN KEY (party_id, org_id) REFERENCES party (id, org_id),
    FOREIGN KEY (product_id, org_id) REFERENCES product (id, org_id)
);
CREATE INDEX certification_org ON certification (org_id);
CREATE INDEX certification_party ON certification (party_id) WHERE party_id IS NOT NULL;
CREATE INDEX certification_product ON certification (product_id) WHERE product_id IS NOT NULL;
