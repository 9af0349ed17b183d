-- Operators' milestone: organisations own sites; units carry a limit profile; users hold tokens; alarms with their
-- full history; webhook notifications through an outbox. See docs/alarms.md for what the profile fields mean.

CREATE TABLE org (
    id         text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9_-]{0,63}$'),
    name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    created_at timestamptz NOT NULL DEFAULT now()
);

-- sites created before organisations existed (development databases) go to a 'default' organisation
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM site) THEN
        INSERT INTO org (id, name) VALUES ('default', 'Default organisation') ON CONFLICT DO NOTHING;
    END IF;
END $$;
ALTER TABLE site ADD COLUMN org_id text REFERENCES org (id);
UPDATE site SET org_id = 'default' WHERE org_id IS NULL;
ALTER TABLE site ALTER COLUMN org_id SET NOT NULL;
ALTER TABLE site ADD COLUMN timezone text NOT NULL DEFAULT 'Asia/Shanghai';
ALTER TABLE site ADD COLUMN lat double precision CHECK (lat BETWEEN -90 AND 90);
ALTER TABLE site ADD COLUMN lon double precision CHECK (lon BETWEEN -180 AND 180);
ALTER TABLE site ADD COLUMN address text;
CREATE INDEX site_org ON site (org_id);

-- Limits a unit is judged by. A NULL limit switches its rule off. Critical limits are never suppressed.
CREATE TABLE limit_profile (
    id                 text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$'),
    org_id             text NOT NULL REFERENCES org (id),
    name               text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    probe              text NOT NULL DEFAULT 'air' CHECK (probe IN ('air', 'return', 'supply', 'product')),
    high_warn_c        real,
    high_crit_c        real,
    low_warn_c         real,
    low_crit_c         real,
    warn_delay_s       integer NOT NULL DEFAULT 900 CHECK (warn_delay_s >= 0),
    crit_delay_s       integer NOT NULL DEFAULT 300 CHECK (crit_delay_s >= 0),
    delay_mode         text NOT NULL DEFAULT 'single' CHECK (delay_mode IN ('single', 'cumulative')),
    hysteresis_c       real NOT NULL DEFAULT 0.5 CHECK (hysteresis_c >= 0),
    clear_delay_s      integer NOT NULL DEFAULT 300 CHECK (clear_delay_s >= 0),
    door_open_max_s    integer CHECK (door_open_max_s > 0),
    offline_factor     integer CHECK (offline_factor BETWEEN 2 AND 100),
    suppress_defrost   boolean NOT NULL DEFAULT true,
    suppress_door      boolean NOT NULL DEFAULT true,
    suppress_cap_s     integer NOT NULL DEFAULT 2700 CHECK (suppress_cap_s >= 0),
    rate_max_c_per_min real CHECK (rate_max_c_per_min > 0),
    battery_low_pct    real CHECK (battery_low_pct BETWEEN 0 AND 100),
    escalate_after_s   integer CHECK (escalate_after_s > 0),
    created_at         timestamptz NOT NULL DEFAULT now(),
    CHECK (high_warn_c IS NULL OR high_crit_c IS NULL OR high_warn_c <= high_crit_c),
    CHECK (low_warn_c IS NULL OR low_crit_c IS NULL OR low_warn_c >= low_crit_c),
    CHECK (low_warn_c IS NULL OR high_warn_c IS NULL OR low_warn_c < high_warn_c)
);
CREATE INDEX limit_profile_org ON limit_profile (org_id);

ALTER TABLE unit ADD COLUMN profile_id text REFERENCES limit_profile (id);

-- People; each API token belongs to one (api_token.user_id). An admin may have no organisation (all of them).
CREATE TABLE app_user (
    id          text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9][A-Za-z0-9_.@-]{0,127}$'),
    org_id      text REFERENCES org (id),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    role        text NOT NULL CHECK (role IN ('admin', 'operator', 'dispatcher', 'qa')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    disabled_at timestamptz,
    CHECK (role = 'admin' OR org_id IS NOT NULL)
);
ALTER TABLE api_token ADD COLUMN user_id text REFERENCES app_user (id);

-- One alarm per episode of one rule at one severity on one unit. Times are device time except where noted.
-- (unit_id, rule, severity, started_at) is the natural key: re-evaluating redelivered data raises nothing twice.
CREATE TABLE alarm (
    id              bigserial PRIMARY KEY,
    unit_id         text NOT NULL REFERENCES unit (id),
    device_id       integer REFERENCES device (id),
    rule            text NOT NULL CHECK (rule IN ('high', 'low', 'door_open', 'offline', 'rate_of_change',
                                                   'battery_low', 'sensor_fault')),
    severity        text NOT NULL CHECK (severity IN ('warning', 'critical')),
    state           text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'acknowledged', 'resolved')),
    started_at      timestamptz NOT NULL,
    raised_at       timestamptz NOT NULL,
    cleared_at      timestamptz,
    limit_value     real,
    peak_value      real,
    message         text NOT NULL,
    acknowledged_at timestamptz,
    acknowledged_by text,
    ack_comment     text,
    resolved_at     timestamptz,
    resolved_by     text,
    escalated_at    timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (unit_id, rule, severity, started_at),
    CHECK (state <> 'acknowledged' OR (acknowledged_at IS NOT NULL AND length(ack_comment) > 0)),
    CHECK (state <> 'resolved' OR resolved_at IS NOT NULL)
);
CREATE INDEX alarm_unit_time ON alarm (unit_id, raised_at DESC);
CREATE INDEX alarm_not_resolved ON alarm (state, raised_at) WHERE state <> 'resolved';

-- Every change of every alarm: who, when (wall clock), what. Also the outbox that notifications are made from.
CREATE TABLE alarm_event (
    id       bigserial PRIMARY KEY,
    alarm_id bigint NOT NULL REFERENCES alarm (id),
    at       timestamptz NOT NULL DEFAULT now(),
    actor    text NOT NULL,
    action   text NOT NULL CHECK (action IN ('raised', 'escalated_severity', 'cleared', 'acknowledged', 'resolved',
                                             'escalated', 'comment')),
    comment  text,
    detail   jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX alarm_event_alarm ON alarm_event (alarm_id, id);

-- The alarm evaluator's state per unit (delay timers, cumulative time, open episodes), written in the same
-- transaction as the readings that changed it, so it survives restarts and redelivery.
CREATE TABLE alarm_state (
    unit_id    text PRIMARY KEY REFERENCES unit (id),
    evaluated_to timestamptz NOT NULL,
    state      jsonb NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE webhook (
    id         bigserial PRIMARY KEY,
    org_id     text NOT NULL REFERENCES org (id),
    url        text NOT NULL CHECK (url ~ '^https?://'),
    secret     text NOT NULL CHECK (length(secret) >= 16),
    active     boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- One row per (webhook, alarm event): retried with backoff; dead after too many failures.
CREATE TABLE webhook_delivery (
    id              bigserial PRIMARY KEY,
    webhook_id      bigint NOT NULL REFERENCES webhook (id),
    alarm_event_id  bigint NOT NULL REFERENCES alarm_event (id),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_status     integer,
    last_error      text,
    delivered_at    timestamptz,
    dead_at         timestamptz,
    UNIQUE (webhook_id, alarm_event_id)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE delivered_at IS NULL AND dead_at IS NULL;
