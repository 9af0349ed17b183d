-- Lots, harvest batches and where their quantities are (issue 7 §2-§3). These tables are projections of the event
-- ledger (trace_event is the record auditors rely on): they are written in the same transaction as the event that
-- causes them, follow corrections (a corrected event's effects are replaced by its correction's), and can be rebuilt
-- from the ledger (GET /api/v1/events/projections/check replays it and compares). docs/trace-events.md gives each
-- event type's effects.

-- A lot of one product (born only by pack, transform or a first receive) or a farm's harvest batch (born by harvest,
-- the upstream reference packing consumes). Quantities are in the lot's unit of measure.
CREATE TABLE lot (
    id             uuid PRIMARY KEY,
    org_id         text NOT NULL REFERENCES org (id),
    code           text NOT NULL CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9_.:/-]{0,63}$'),
    kind           text NOT NULL CHECK (kind IN ('harvest_batch', 'lot')),
    product_id     text,
    commodity      text NOT NULL CHECK (length(commodity) BETWEEN 1 AND 100),
    variety        text CHECK (length(variety) BETWEEN 1 AND 100),
    uom            text NOT NULL CHECK (uom IN ('kg', 'box', 'crate', 'piece', 'bag', 'carton')),
    quantity       numeric(14, 3) NOT NULL CHECK (quantity > 0),
    -- the event that bore it (a pack, transform, receive or harvest, or the correction that replaced one)
    born_event_id  uuid NOT NULL,
    born_at        timestamptz NOT NULL,
    plot_id        text,
    site_id        text,
    unit_id        text,
    -- harvest batches: the grower as the harvest recorded them; the phone is private (never on a public page)
    grower_name    text,
    grower_phone   text,
    -- the public trace code (core.ids.TraceCode, 80 random bits), lots only; a national platform's code mapped 1:1
    trace_code     text UNIQUE CHECK (trace_code ~ '^[0-9A-HJKMNP-TV-Z]{16}[0-9A-HJKMNP-TV-Z*~$=U]$'),
    external_code  text UNIQUE CHECK (length(external_code) BETWEEN 1 AND 128),
    -- set when the event that bore it was voided by a correction (its labels may be printed: the row stays)
    voided_by      uuid,
    UNIQUE (org_id, code),
    FOREIGN KEY (product_id, org_id) REFERENCES product (id, org_id),
    CHECK ((kind = 'lot') = (trace_code IS NOT NULL)),
    CHECK (kind = 'harvest_batch' OR product_id IS NOT NULL)
);
CREATE INDEX lot_org_born ON lot (org_id, born_at DESC);
CREATE INDEX lot_product ON lot (product_id);

-- Every change of a lot's quantity at a place: + where it arrives or is born, - where it leaves, is consumed,
-- delivered or lost. The running sum per (lot, place) in time order is what is there; it never goes negative.
-- place_kind 'unit' is a cold room or truck compartment (monitored when a device is bound), 'site' a site outside any
-- unit (a dock), 'plot' a farm plot, 'gone' where delivered, consumed or lost quantities go.
CREATE TABLE lot_movement (
    id         bigserial PRIMARY KEY,
    org_id     text NOT NULL,
    lot_id     uuid NOT NULL REFERENCES lot (id),
    event_id   uuid NOT NULL,
    at         timestamptz NOT NULL,
    place_kind text NOT NULL CHECK (place_kind IN ('unit', 'site', 'plot', 'gone')),
    place_id   text NOT NULL,
    delta      numeric(14, 3) NOT NULL CHECK (delta <> 0),
    reason     text NOT NULL CHECK (reason IN ('born', 'in', 'out', 'consumed', 'delivered', 'lost'))
);
CREATE INDEX lot_movement_lot ON lot_movement (lot_id, at);
CREATE INDEX lot_movement_place ON lot_movement (place_kind, place_id, at);
CREATE INDEX lot_movement_event ON lot_movement (event_id);

-- Genealogy: which lot (or harvest batch) went into which, by which pack or transform, and how much of the parent.
CREATE TABLE lot_link (
    parent_lot_id uuid NOT NULL REFERENCES lot (id),
    child_lot_id  uuid NOT NULL REFERENCES lot (id),
    event_id      uuid NOT NULL,
    quantity      numeric(14, 3) NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (parent_lot_id, child_lot_id, event_id)
);
CREATE INDEX lot_link_child ON lot_link (child_lot_id);

-- Hand-overs between parties: shipped to, received from (with the handover temperature check), delivered to a buyer.
CREATE TABLE lot_handover (
    id              bigserial PRIMARY KEY,
    org_id          text NOT NULL,
    lot_id          uuid NOT NULL REFERENCES lot (id),
    event_id        uuid NOT NULL,
    kind            text NOT NULL CHECK (kind IN ('ship', 'receive', 'deliver')),
    at              timestamptz NOT NULL,
    party_id        text,
    quantity        numeric(14, 3) NOT NULL CHECK (quantity >= 0),
    acceptance      text CHECK (acceptance IN ('accept', 'partial', 'reject')),
    rejected        numeric(14, 3),
    handover_temp_c double precision
);
CREATE INDEX lot_handover_lot ON lot_handover (lot_id, at);
CREATE INDEX lot_handover_party ON lot_handover (party_id, at);
CREATE INDEX lot_handover_event ON lot_handover (event_id);
