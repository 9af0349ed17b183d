-- Each lot's remaining shelf life as last computed from its custody (custody.ShelfLifeRefresh): what the lots list
-- filters and sorts on (and dispatch will send first-expiring lots by). A cache of a computation, not a record: the
-- custody feature recomputes it on every read of the lot's custody and every few minutes for lots on hand.
CREATE TABLE lot_shelf_life (
    lot_id           uuid PRIMARY KEY REFERENCES lot (id),
    org_id           text NOT NULL,
    used_fraction    double precision NOT NULL,
    remaining_days   double precision NOT NULL,
    predicted_expiry timestamptz NOT NULL,
    as_of            timestamptz NOT NULL,
    computed_at      timestamptz NOT NULL
);
CREATE INDEX lot_shelf_life_org_remaining ON lot_shelf_life (org_id, remaining_days);
