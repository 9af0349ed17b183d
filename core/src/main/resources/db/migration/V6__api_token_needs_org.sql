-- Only an admin token may belong to no organisation (it then sees every organisation). A non-admin token without one
-- was once possible through create-token; the history and record routes let it read every unit. Such tokens are
-- revoked here (kept for the audit trail), and the database refuses new ones.
UPDATE api_token SET revoked_at = now() WHERE role <> 'admin' AND org_id IS NULL AND revoked_at IS NULL;
ALTER TABLE api_token ADD CONSTRAINT api_token_org_unless_admin
    CHECK (role = 'admin' OR org_id IS NOT NULL OR revoked_at IS NOT NULL);
