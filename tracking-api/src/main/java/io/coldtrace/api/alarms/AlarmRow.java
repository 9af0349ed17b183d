package io.coldtrace.api.alarms;

import io.coldtrace.api.db.RowMapper;
import io.coldtrace.api.db.Rows;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** An alarm as the alarm list shows it: with its unit's and site's names and its device. */
public record AlarmRow(long id, String unitId, String unitName, String siteId, String siteName, String device,
                       String rule, String severity, String state, Instant startedAt, Instant raisedAt,
                       Instant clearedAt, Double limitValue, Double peakValue, String message,
                       Instant acknowledgedAt, String acknowledgedBy, String ackComment, Instant resolvedAt,
                       String resolvedBy, Instant escalatedAt) {
    /** The columns {@link #MAPPER} reads, for a query over {@link #FROM}. */
    public static final String COLUMNS = """
            a.id, a.unit_id, u.name AS unit_name, u.site_id, s.name AS site_name, d.ext_id AS device, a.rule,
            a.severity, a.state, a.started_at, a.raised_at, a.cleared_at, a.limit_value, a.peak_value, a.message,
            a.acknowledged_at, a.acknowledged_by, a.ack_comment, a.resolved_at, a.resolved_by, a.escalated_at""";
    /** An alarm with its unit, site (whose organisation owns it) and device. */
    static final String FROM = """
            alarm a JOIN unit u ON u.id = a.unit_id LEFT JOIN site s ON s.id = u.site_id
            LEFT JOIN device d ON d.id = a.device_id""";

    public static final RowMapper<AlarmRow> MAPPER = rs -> new AlarmRow(rs.getLong("id"), rs.getString("unit_id"),
            rs.getString("unit_name"), rs.getString("site_id"), rs.getString("site_name"), rs.getString("device"),
            rs.getString("rule"), rs.getString("severity"), rs.getString("state"), Rows.instant(rs, "started_at"),
            Rows.instant(rs, "raised_at"), Rows.instant(rs, "cleared_at"), Rows.real(rs, "limit_value"),
            Rows.real(rs, "peak_value"), rs.getString("message"), Rows.instant(rs, "acknowledged_at"),
            rs.getString("acknowledged_by"), rs.getString("ack_comment"), Rows.instant(rs, "resolved_at"),
            rs.getString("resolved_by"), Rows.instant(rs, "escalated_at"));

    /** The JSON of the API. */
    public JsonObject toJson() {
        return new JsonObject().put("id", id).put("unit_id", unitId).put("unit_name", unitName)
                .put("site_id", siteId).put("site_name", siteName).put("device", device).put("rule", rule)
                .put("severity", severity).put("state", state).put("started_at", Rows.iso(startedAt))
                .put("raised_at", Rows.iso(raisedAt)).put("cleared_at", Rows.iso(clearedAt))
                .put("limit_value", limitValue).put("peak_value", peakValue).put("message", message)
                .put("acknowledged_at", Rows.iso(acknowledgedAt)).put("acknowledged_by", acknowledgedBy)
                .put("ack_comment", ackComment).put("resolved_at", Rows.iso(resolvedAt))
                .put("resolved_by", resolvedBy).put("escalated_at", Rows.iso(escalatedAt));
    }
}
