-- GS1 location numbers of sites and units (issue 8 §5, EPCIS capture): optional, checked like the GLNs of parties
-- and plots (13 digits; the API also checks the check digit). The EPCIS export names a site or unit that has one by
-- its SGLN, and a partner's EPCIS document names our places by them: capture finds a place by its GLN within the
-- capturing organisation. Two organisations may record the same GLN (a partner's dock, seen by both), so it is not
-- unique across them.
ALTER TABLE site ADD COLUMN gln text CHECK (gln ~ '^[0-9]{13}$');
ALTER TABLE unit ADD COLUMN gln text CHECK (gln ~ '^[0-9]{13}$');
CREATE INDEX site_gln ON site (gln) WHERE gln IS NOT NULL;
CREATE INDEX unit_gln ON unit (gln) WHERE gln IS NOT NULL;
