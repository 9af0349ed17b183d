-- The authority role (issue 9 §2): a county (or city, or province) department that will certify assistance products
-- and blacklist suppliers within its own region only. Its tokens and users carry that region, a division of the
-- division table (V9_25); no other role has one. An authority is a person's role: users may have it (unlike partner).
ALTER TABLE api_token DROP CONSTRAINT api_token_role_check;
ALTER TABLE api_token ADD CONSTRAINT api_token_role_check
    CHECK (role IN ('admin', 'operator', 'dispatcher', 'qa', 'partner', 'authority'));
ALTER TABLE api_token ADD COLUMN region text REFERENCES division (code);
ALTER TABLE api_token ADD CONSTRAINT api_token_region_of_authority CHECK ((role = 'authority') = (region IS NOT NULL));

ALTER TABLE app_user DROP CONSTRAINT app_user_role_check;
ALTER TABLE app_user ADD CONSTRAINT app_user_role_check
    CHECK (role IN ('admin', 'operator', 'dispatcher', 'qa', 'authority'));
ALTER TABLE app_user ADD COLUMN region text REFERENCES division (code);
ALTER TABLE app_user ADD CONSTRAINT app_user_region_of_authority CHECK ((role = 'authority') = (region IS NOT NULL));
