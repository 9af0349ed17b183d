-- Bearer tokens of the tracking API. Only the SHA-256 (hex) of a token is stored; the token itself is shown once,
-- when it is created. A revoked token stays for the audit trail and no longer authenticates.
CREATE TABLE api_token (
    id         bigserial PRIMARY KEY,
    name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    role       text NOT NULL CHECK (role IN ('admin', 'operator', 'dispatcher', 'qa')),
    org_id     text,
    token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz
);
