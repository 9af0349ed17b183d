-- Telemetry tables, shared by both storage modes. ${*_partition} is 'PARTITION BY RANGE (...)' on plain
-- PostgreSQL and empty where TimescaleDB turns the table into a hypertable afterwards.

-- One row per reading, wide: probe temperatures by role (°C), %RH, door, setpoint, defrost, compressor, battery %,
-- position and speed (km/h). (device_id, ts) is the natural key: a redelivered message inserts nothing.
CREATE TABLE telemetry (
    device_id     integer NOT NULL,
    ts            timestamptz NOT NULL,
    seq           bigint NOT NULL,
    t_air         real,
    t_return      real,
    t_supply      real,
    t_product     real,
    rh            real,
    door_open     boolean,
    setpoint      real,
    defrost       boolean,
    compressor_on boolean,
    battery       real,
    lat           double precision,
    lon           double precision,
    speed         real,
    ingested_at   timestamptz NOT NULL,
    PRIMARY KEY (device_id, ts)
) ${telemetry_partition};

-- Minute and hour rollups, kept current by the ingest write itself (from the rows it actually inserted, so a
-- redelivery never counts twice). avg = sum / n.
CREATE TABLE telemetry_1m (
    device_id integer NOT NULL,
    bucket    timestamptz NOT NULL,
    n         integer NOT NULL,
    air_min real,
    air_max real,
    air_sum double precision,
    air_n integer NOT NULL DEFAULT 0,
    return_min real,
    return_max real,
    return_sum double precision,
    return_n integer NOT NULL DEFAULT 0,
    supply_min real,
    supply_max real,
    supply_sum double precision,
    supply_n integer NOT NULL DEFAULT 0,
    product_min real,
    product_max real,
    product_sum double precision,
    product_n integer NOT NULL DEFAULT 0,
    rh_min real,
    rh_max real,
    rh_sum double precision,
    rh_n integer NOT NULL DEFAULT 0,
    door_open_n integer NOT NULL DEFAULT 0,
    defrost_n integer NOT NULL DEFAULT 0,
    PRIMARY KEY (device_id, bucket)
) ${telemetry_1m_partition};

CREATE TABLE telemetry_1h (
    device_id integer NOT NULL,
    bucket    timestamptz NOT NULL,
    n         integer NOT NULL,
    air_min real,
    air_max real,
    air_sum double precision,
    air_n integer NOT NULL DEFAULT 0,
    return_min real,
    return_max real,
    return_sum double precision,
    return_n integer NOT NULL DEFAULT 0,
    supply_min real,
    supply_max real,
    supply_sum double precision,
    supply_n integer NOT NULL DEFAULT 0,
    product_min real,
    product_max real,
    product_sum double precision,
    product_n integer NOT NULL DEFAULT 0,
    rh_min real,
    rh_max real,
    rh_sum double precision,
    rh_n integer NOT NULL DEFAULT 0,
    door_open_n integer NOT NULL DEFAULT 0,
    defrost_n integer NOT NULL DEFAULT 0,
    PRIMARY KEY (device_id, bucket)
) ${telemetry_1h_partition};

-- Latest reading per device ("latest value per unit" joins the current binding).
CREATE TABLE device_latest (
    device_id     integer PRIMARY KEY,
    ts            timestamptz NOT NULL,
    seq           bigint NOT NULL,
    t_air         real,
    t_return      real,
    t_supply      real,
    t_product     real,
    rh            real,
    door_open     boolean,
    setpoint      real,
    defrost       boolean,
    compressor_on boolean,
    battery       real,
    lat           double precision,
    lon           double precision,
    speed         real,
    ingested_at   timestamptz NOT NULL
);
