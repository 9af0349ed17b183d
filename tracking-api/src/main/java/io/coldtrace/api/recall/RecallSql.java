package io.coldtrace.api.recall;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.Sql;

/** The recall tables' SQL (V9_9). Rows are only inserted; a case's status is the one column that changes. */
final class RecallSql {
    static final String CASE_COLUMNS = "c.id, c.org_id, c.kind, c.reason, c.seeds::text AS seeds, c.opened_by, "
            + "c.opened_at, c.scope::text AS scope, c.scope_sha256, c.scope_computed_at, c.status, c.status_at";

    /** Lots of {@code :org} by id or code (not voided). */
    static final Sql LOTS_BY_KEY = Sql.of("""
            SELECT l.id, l.code FROM lot l
            WHERE l.org_id = :org AND l.voided_by IS NULL
              AND (l.id::text = ANY(CAST(:keys AS text[])) OR l.code = ANY(CAST(:keys AS text[])))""");

    static final Sql INSERT_CASE = Sql.of("""
            INSERT INTO recall_case (id, org_id, kind, reason, seeds, opened_by, opened_at, scope, scope_sha256,
                                     scope_computed_at, status, status_at)
            VALUES (:id, :org, :kind, :reason, CAST(:seeds AS jsonb), :by, :opened, CAST(:scope AS jsonb), :hash,
                    :computed, 'open', :opened)""");
    static final Sql INSERT_LOT = Sql.of("""
            INSERT INTO recall_case_lot (case_id, lot_id, seed, depth, quantity, uom, on_hold)
            VALUES (:case, :lot, :seed, :depth, :quantity, :uom, :hold)""");
    static final Sql INSERT_EVENT = Sql.of("""
            INSERT INTO recall_case_event (case_id, at, actor, status, note) VALUES (:case, :at, :by, :status, :note)""");
    static final Sql SET_STATUS = Sql.of("""
            UPDATE recall_case SET status = :status, status_at = :at WHERE id = :case AND status = :from""");

    static final Sql CASE = Sql.of("SELECT %s FROM recall_case c WHERE c.id = :id AND %s"
            .formatted(CASE_COLUMNS, Visibility.owned("c.org_id")));
    static final Sql CASE_FOR_UPDATE = Sql.of("SELECT %s FROM recall_case c WHERE c.id = :id AND %s FOR UPDATE"
            .formatted(CASE_COLUMNS, Visibility.owned("c.org_id")));
    static final Sql LIST = Sql.of("""
            SELECT c.id, c.org_id, c.kind, c.reason, c.opened_by, c.opened_at, c.scope_sha256, c.scope_computed_at,
                   c.status, c.status_at, (SELECT count(*) FROM recall_case_lot k WHERE k.case_id = c.id) AS lots
            FROM recall_case c WHERE %s AND (CAST(:status AS text) IS NULL OR c.status = :status)
            ORDER BY c.opened_at DESC, c.id LIMIT :limit""".formatted(Visibility.owned("c.org_id")));
    static final Sql EVENTS = Sql.of("""
            SELECT at, actor, status, note FROM recall_case_event WHERE case_id = :case ORDER BY id""");

    static final Sql INSERT_NOTICE = Sql.of("""
            INSERT INTO recall_notice (case_id, org_id, party_id, payload, created_at)
            VALUES (:case, :org, :party, CAST(:payload AS jsonb), :at)""");
    static final Sql NOTICES = Sql.of("""
            SELECT n.id, n.party_id, n.created_at,
                   (SELECT count(*) FROM webhook_delivery d WHERE d.recall_notice_id = n.id) AS deliveries,
                   (SELECT count(*) FROM webhook_delivery d WHERE d.recall_notice_id = n.id
                                                              AND d.delivered_at IS NOT NULL) AS delivered
            FROM recall_notice n WHERE n.case_id = :case ORDER BY n.id""");

    static final Sql INSERT_ACK = Sql.of("""
            INSERT INTO recall_ack (case_id, party_id, lot_id, returned, destroyed, acknowledged_at, recorded_by,
                                    recorded_at, note, supersedes)
            VALUES (:case, :party, :lot, :returned, :destroyed, :at, :by, :recorded, :note, :supersedes)
            RETURNING id""");
    /** Every acknowledgement row of a case, with whether a later row superseded it. */
    static final Sql ACKS = Sql.of("""
            SELECT a.id, a.party_id, a.lot_id, a.returned, a.destroyed, a.acknowledged_at, a.recorded_by,
                   a.recorded_at, a.note, a.supersedes,
                   (SELECT s.id FROM recall_ack s WHERE s.supersedes = a.id) AS superseded_by
            FROM recall_ack a WHERE a.case_id = :case ORDER BY a.id""");

    private RecallSql() {
    }
}
