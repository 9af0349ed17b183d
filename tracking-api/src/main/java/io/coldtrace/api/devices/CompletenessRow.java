package io.coldtrace.api.devices;

import io.coldtrace.api.db.RowMapper;
import io.coldtrace.api.db.Rows;
import io.vertx.core.json.JsonObject;

/**
 * Sequence-number completeness of a device: the messages it sent from min_seq to max_seq (null before the first)
 * and how many of them never arrived.
 */
public record CompletenessRow(String extId, Long minSeq, Long maxSeq, long msgs, long missingMsgs) {
    /** The columns {@link #MAPPER} reads, over {@code device_completeness c}. */
    static final String COLUMNS = "c.ext_id, c.min_seq, c.max_seq, c.msgs, c.missing_msgs";

    static final RowMapper<CompletenessRow> MAPPER = rs -> new CompletenessRow(rs.getString("ext_id"),
            Rows.lng(rs, "min_seq"), Rows.lng(rs, "max_seq"), rs.getLong("msgs"), rs.getLong("missing_msgs"));

    /** The JSON of the API. */
    public JsonObject toJson() {
        return new JsonObject().put("ext_id", extId).put("min_seq", minSeq).put("max_seq", maxSeq)
                .put("msgs", msgs).put("missing_msgs", missingMsgs);
    }
}
