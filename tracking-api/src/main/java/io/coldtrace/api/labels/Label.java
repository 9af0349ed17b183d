package io.coldtrace.api.labels;

import io.coldtrace.api.db.RowMapper;
import io.coldtrace.api.db.Rows;
import io.coldtrace.core.ids.TraceCode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * What one label of a lot shows: the product's names, the lot code, the pack date (the local date of the lot's birth
 * at its event's offset), the origin (counties of the harvest batches it came from; null when none is known) and the
 * trace code under the QR.
 */
record Label(UUID lotId, String code, String nameZh, String nameEn, LocalDate packDate, String origin,
             TraceCode traceCode, UUID voidedBy) {
    /**
     * Over {@code lot l}, {@code product p} and the birth event {@code e}; a correction's replacement carries its own
     * offset in {@code body.event}.
     */
    static final String COLUMNS = """
            l.id, l.code, p.name_zh, p.name_en, l.born_at, l.trace_code, l.voided_by, \
            CASE WHEN e.type = 'correction' THEN COALESCE(e.body->'event'->>'event_tz_offset', e.event_tz_offset) \
            ELSE e.event_tz_offset END AS born_offset""";
    static final RowMapper<Label> MAPPER = rs -> new Label(rs.getObject("id", UUID.class), rs.getString("code"),
            rs.getString("name_zh"), rs.getString("name_en"),
            Rows.instant(rs, "born_at").atOffset(ZoneOffset.of(rs.getString("born_offset"))).toLocalDate(), null,
            new TraceCode(rs.getString("trace_code")), rs.getObject("voided_by", UUID.class));

    Label withOrigin(String text) {
        return new Label(lotId, code, nameZh, nameEn, packDate, text, traceCode, voidedBy);
    }
}
