package io.coldtrace.api.audit;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.Sql;
import io.coldtrace.api.events.EventRow;
import io.coldtrace.api.events.Genealogy;
import io.coldtrace.api.events.LotRecordCheck;

/** The audit pack's own statements; events, custody, certifications and cases are read through their features. */
final class AuditSql {
    /** A lot (or harvest batch) the caller sees. */
    static final Sql LOT = Sql.of("""
            SELECT l.id, l.org_id, l.code, l.kind FROM lot l WHERE %s AND l.id = :id"""
            .formatted(Visibility.owned("l.org_id")));
    /**
     * The events of the record of lots {@code :lots} ({@link LotRecordCheck#RECORD}) the caller sees, in chain order,
     * each with the correction that corrected it (null if none): read through a cursor, once per file that lists them.
     */
    static final Sql EVENTS = Sql.of(LotRecordCheck.RECORD + """
            SELECT %s, (SELECT k.id FROM trace_event k WHERE k.corrects_event_id = e.id AND k.org_id = e.org_id)
                   AS corrected_by
            FROM trace_event e WHERE %s AND e.id IN (SELECT event_id FROM record) ORDER BY e.seq"""
            .formatted(EventRow.COLUMNS, Visibility.owned("e.org_id")));
    /** The seq of event {@code :id} if the caller sees it. */
    static final Sql SEQ = Sql.of("SELECT e.seq FROM trace_event e WHERE %s AND e.id = :id"
            .formatted(Visibility.owned("e.org_id")));
    /** The farms of the harvest batches upstream of {@code :roots} (the holders of origin certifications). */
    static final Sql ORIGIN_PARTIES = Sql.of(Genealogy.ORIGINS + """
            SELECT DISTINCT party_id FROM origins WHERE party_id IS NOT NULL ORDER BY party_id""");
    /** The products of lots {@code :roots}. */
    static final Sql PRODUCTS = Sql.of("""
            SELECT DISTINCT product_id FROM lot WHERE id = ANY(CAST(:roots AS uuid[])) AND product_id IS NOT NULL
            ORDER BY product_id""");

    private AuditSql() {
    }
}
