-- Scans of the buyer's page (issue 7 §5): one row per hit of GET /t/{code} (the HTML page or its JSON), written in
-- batches off the request path (trace.ScanLog). Nothing that identifies a person: no address, no full user agent,
-- only its class, and a coarse place when a trusted proxy gives one (COLDTRACE_TRACE_REGION_HEADER). QA reads them
-- through GET /api/v1/trace/suspicious: a code scanned in far more places than its lot was delivered to may have
-- been copied onto other goods.
CREATE TABLE trace_scan (
    id           bigserial PRIMARY KEY,
    -- the organisation of the lot (the one whose QA sees the scan)
    org_id       text NOT NULL REFERENCES org (id),
    lot_id       uuid NOT NULL REFERENCES lot (id),
    scanned_at   timestamptz NOT NULL,
    -- a region name as the proxy gave it (province, city or country), cut to 64 characters; null when none
    place        text CHECK (length(place) BETWEEN 1 AND 64),
    client_class text NOT NULL CHECK (client_class IN ('wechat', 'alipay', 'other_mobile', 'desktop', 'bot')),
    format       text NOT NULL CHECK (format IN ('html', 'json'))
);
CREATE INDEX trace_scan_lot ON trace_scan (lot_id, scanned_at);
CREATE INDEX trace_scan_org ON trace_scan (org_id, scanned_at);
