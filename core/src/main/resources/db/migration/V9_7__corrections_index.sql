-- The corrections of an event (a lot's page marks corrected events; a correction is refused when one exists): found
-- by index, not by scanning the ledger.
CREATE INDEX trace_event_corrects ON trace_event (corrects_event_id) WHERE corrects_event_id IS NOT NULL;
