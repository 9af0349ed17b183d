package io.coldtrace.api.alarms;

import io.coldtrace.api.db.RowMapper;
import io.coldtrace.api.db.Rows;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** One change of an alarm: when (wall clock), who, what, with the person's comment. */
public record AlarmEventRow(Instant at, String actor, String action, String comment) {
    static final String COLUMNS = "e.at, e.actor, e.action, e.comment";

    static final RowMapper<AlarmEventRow> MAPPER = rs -> new AlarmEventRow(Rows.instant(rs, "at"),
            rs.getString("actor"), rs.getString("action"), rs.getString("comment"));

    /** The JSON of the API. */
    public JsonObject toJson() {
        return new JsonObject().put("at", Rows.iso(at)).put("actor", actor).put("action", action)
                .put("comment", comment);
    }
}
