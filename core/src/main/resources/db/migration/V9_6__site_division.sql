-- Where a site is, as the buyer's page says it: the GB/T 2260 administrative division of the site (its city's code,
-- or its district's or county's), optional. The city shown is named from the bundled division table
-- (core.ids.DivisionNames): the city's name, or for a municipality's district or a county the finest name known.
ALTER TABLE site ADD COLUMN division_code text CHECK (division_code ~ '^[0-9]{6}$');
