-- ColdTrace base schema: master data the telemetry path needs (sites, units, devices and their bindings) and
-- dead letters. Telemetry storage itself is V2 (a Java migration: hypertables or partitions, by mode).

CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE ct_meta (
    key   text PRIMARY KEY,
    value text NOT NULL
);

CREATE TABLE site (
    id         text PRIMARY KEY,
    name       text NOT NULL,
    kind       text NOT NULL DEFAULT 'other'
               CHECK (kind IN ('origin_cold_store', 'consolidation_centre', 'forward_warehouse', 'buyer', 'other')),
    created_at timestamptz NOT NULL DEFAULT now()
);

-- A place goods sit in at a controlled temperature: a cold room, a truck compartment, a container.
CREATE TABLE unit (
    id         text PRIMARY KEY,
    site_id    text REFERENCES site (id),
    kind       text NOT NULL CHECK (kind IN ('cold_room', 'truck_compartment', 'container')),
    name       text NOT NULL,
    temp_class text NOT NULL DEFAULT 'chilled'
               CHECK (temp_class IN ('frozen', 'chilled', 'cool', 'ambient')),
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Every device that ever reported, known or not: unknown devices are stored and listed as unclaimed.
-- min_seq/max_seq/msgs make data completeness a query: missing messages = max_seq - min_seq + 1 - msgs.
CREATE TABLE device (
    id                serial PRIMARY KEY,
    ext_id            text NOT NULL UNIQUE,
    site_hint         text,
    first_seen        timestamptz NOT NULL DEFAULT now(),
    last_ts           timestamptz,
    last_ingested_at  timestamptz,
    min_seq           bigint,
    max_seq           bigint,
    msgs              bigint NOT NULL DEFAULT 0,
    readings          bigint NOT NULL DEFAULT 0,
    status            text CHECK (status IN ('online', 'offline')),
    status_at         timestamptz,
    report_interval_s integer,
    firmware          text
);

-- A device sits in one unit for an interval: a logger moves from a room to a truck. Intervals never overlap.
CREATE TABLE device_binding (
    id         bigserial PRIMARY KEY,
    device_id  integer NOT NULL REFERENCES device (id),
    unit_id    text NOT NULL REFERENCES unit (id),
    valid      tstzrange NOT NULL CHECK (NOT isempty(valid)),
    created_at timestamptz NOT NULL DEFAULT now(),
    EXCLUDE USING gist (device_id WITH =, valid WITH &&)
);
CREATE INDEX device_binding_unit ON device_binding USING gist (unit_id, valid);

CREATE VIEW device_unclaimed AS
SELECT d.*
FROM device d
WHERE NOT EXISTS (SELECT 1 FROM device_binding b WHERE b.device_id = d.id AND b.valid @> now());

CREATE VIEW device_completeness AS
SELECT d.id, d.ext_id, d.min_seq, d.max_seq, d.msgs,
       CASE WHEN d.max_seq IS NULL THEN 0 ELSE d.max_seq - d.min_seq + 1 - d.msgs END AS missing_msgs
FROM device d;

-- Whatever ingest could not store, with its reason; never silently dropped.
CREATE TABLE dead_letter (
    id          bigserial PRIMARY KEY,
    received_at timestamptz NOT NULL,
    topic       text NOT NULL,
    device_ext  text,
    seq         bigint,
    reading_idx integer,
    reason      text NOT NULL,
    field       text,
    detail      text NOT NULL,
    payload     bytea NOT NULL
);
CREATE INDEX dead_letter_received ON dead_letter (received_at);
CREATE INDEX dead_letter_reason ON dead_letter (reason, received_at);
