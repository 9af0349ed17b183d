-- The shelf-life refresh (custody.ShelfLifeRefresh) revisits only lots still on hand, stalest first: whether a lot was
-- on hand when its figure was computed is kept with it, so finding the next ones to refresh reads an index instead of
-- every lot's movements. Rows from before say true: the next refresh corrects them.
ALTER TABLE lot_shelf_life ADD COLUMN on_hand boolean NOT NULL DEFAULT true;
CREATE INDEX lot_shelf_life_stale_on_hand ON lot_shelf_life (computed_at) WHERE on_hand;
