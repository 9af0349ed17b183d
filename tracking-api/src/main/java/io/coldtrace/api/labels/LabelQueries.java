package io.coldtrace.api.labels;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.Sql;
import io.coldtrace.api.events.Genealogy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The label feature's reads of the lot projections (V9) and its writes of external codes (V9_3). */
final class LabelQueries {
    private static final Sql LOT = Sql.of("SELECT " + LotRow.COLUMNS + " FROM lot l WHERE l.id = :id AND "
            + Visibility.owned("l.org_id"));
    private static final Sql LOCK_LOT = Sql.of("SELECT " + LotRow.COLUMNS + " FROM lot l WHERE l.id = :id AND "
            + Visibility.owned("l.org_id") + " FOR UPDATE");
    private static final Sql EXTERNAL_HOLDER = Sql.of("SELECT " + LotRow.COLUMNS
            + " FROM lot l WHERE l.external_code = :code");
    private static final Sql SET_EXTERNAL = Sql.of("UPDATE lot SET external_code = :code WHERE id = :id");
    private static final Sql RECORD_CHANGE = Sql.of("""
            INSERT INTO lot_external_code_change (org_id, lot_id, old_code, new_code, reason, changed_by)
            VALUES (:org, :lot, :old, :new, :reason, :by)""");
    private static final Sql EVENT_EXISTS = Sql.of("SELECT e.type FROM trace_event e WHERE e.id = :id AND "
            + Visibility.owned("e.org_id"));
    private static final Sql EVENT_LOTS = Sql.of("""
            SELECT l.id FROM lot l JOIN trace_event e ON e.id = l.born_event_id
            WHERE e.id = :id AND l.kind = 'lot' AND %s ORDER BY l.code""".formatted(Visibility.owned("e.org_id")));
    private static final Sql LABELS = Sql.of("""
            SELECT %s FROM lot l
            JOIN product p ON p.id = l.product_id AND p.org_id = l.org_id
            JOIN trace_event e ON e.id = l.born_event_id
            WHERE l.id = ANY(:ids) AND l.kind = 'lot' AND %s""".formatted(Label.COLUMNS, Visibility.owned("l.org_id")));
    /** The regions of the farms whose harvest batches went into each lot (the shared walk, events.Genealogy). */
    private static final Sql ORIGINS = Sql.of(Genealogy.ORIGINS + """
            SELECT DISTINCT o.root, pa.province, COALESCE(pa.county, pa.city) AS place
            FROM origins o JOIN party pa ON pa.id = o.party_id
            ORDER BY o.root, pa.province, place""");
    /** Lots of a GTIN and lot code, in any organisation, with how each was born (see DigitalLinkRoutes). */
    private static final Sql GTIN_LOTS = Sql.of("""
            SELECT l.id, l.org_id, l.trace_code, l.voided_by IS NOT NULL AS voided,
                   CASE WHEN e.type = 'correction' THEN e.body->'event'->>'type' ELSE e.type END = 'receive'
                       AS received
            FROM product p
            JOIN lot l ON l.org_id = p.org_id AND l.product_id = p.id AND l.code = :lot AND l.kind = 'lot'
            JOIN trace_event e ON e.id = l.born_event_id
            WHERE p.gtin = :gtin""");

    private LabelQueries() {
    }

    static Optional<LotRow> lot(Connection c, Visibility vis, String id) throws SQLException {
        UUID uuid = uuid(id);
        return uuid == null ? Optional.empty() : LOT.bind(vis).bind("id", uuid).first(c, LotRow.MAPPER);
    }

    /** The lot, locked for the rest of the transaction (an external code changes one writer at a time). */
    static Optional<LotRow> lockLot(Connection c, Visibility vis, String id) throws SQLException {
        UUID uuid = uuid(id);
        return uuid == null ? Optional.empty() : LOCK_LOT.bind(vis).bind("id", uuid).first(c, LotRow.MAPPER);
    }

    /** The lot, of any organisation, that holds external code {@code code}. */
    static Optional<LotRow> externalHolder(Connection c, String code) throws SQLException {
        return EXTERNAL_HOLDER.bind("code", code).first(c, LotRow.MAPPER);
    }

    /** Maps {@code code} to the lot and keeps the change (old code null for a first mapping). */
    static void changeExternal(Connection c, LotRow lot, String code, String reason, String by) throws SQLException {
        SET_EXTERNAL.bind("code", code).bind("id", lot.id()).update(c);
        RECORD_CHANGE.bind("org", lot.orgId()).bind("lot", lot.id()).bind("old", lot.externalCode())
                .bind("new", code).bind("reason", reason).bind("by", by).update(c);
    }

    /** Whether event {@code id} exists for the caller. */
    static boolean eventExists(Connection c, Visibility vis, String id) throws SQLException {
        UUID uuid = uuid(id);
        return uuid != null && EVENT_EXISTS.bind(vis).bind("id", uuid).first(c, rs -> rs.getString(1)).isPresent();
    }

    /** The lots event {@code id} bore (a pack's, transform's or receive's outputs), by code. */
    static List<UUID> eventLots(Connection c, Visibility vis, String id) throws SQLException {
        UUID uuid = uuid(id);
        return uuid == null ? List.of()
                : EVENT_LOTS.bind(vis).bind("id", uuid).list(c, rs -> rs.getObject(1, UUID.class));
    }

    /** The labels of {@code ids} the caller sees, in the order of {@code ids}, each with its origin. */
    static List<Label> labels(Connection c, Visibility vis, List<UUID> ids) throws SQLException {
        UUID[] array = ids.toArray(UUID[]::new);
        Map<UUID, Label> byId = new LinkedHashMap<>();
        for (Label l : LABELS.bind(vis).bind("ids", array).list(c, Label.MAPPER)) {
            byId.put(l.lotId(), l);
        }
        Map<UUID, List<String>> origins = new LinkedHashMap<>();
        ORIGINS.bind("roots", array).list(c, rs -> {
            String place = rs.getString("place");
            String province = rs.getString("province");
            origins.computeIfAbsent(rs.getObject("root", UUID.class), k -> new ArrayList<>())
                    .add(place == null || place.equals(province) ? province : province + place);
            return null;
        });
        List<Label> out = new ArrayList<>();
        for (UUID id : ids) {
            Label l = byId.get(id);
            if (l != null) {
                List<String> o = origins.get(id);
                out.add(o == null ? l : l.withOrigin(String.join("、", o)));
            }
        }
        return out;
    }

    /** A lot a Digital Link may name: whether it was voided, and whether a receive bore it (a supplier's code). */
    record GtinLot(LotCodes.TracedLot lot, boolean voided, boolean received) {
    }

    static List<GtinLot> gtinLots(Connection c, String gtin14, String lotCode) throws SQLException {
        return GTIN_LOTS.bind("gtin", gtin14).bind("lot", lotCode).list(c, rs -> new GtinLot(
                LotCodes.TracedLot.MAPPER.map(rs), rs.getBoolean("voided"), rs.getBoolean("received")));
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
