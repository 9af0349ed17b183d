package io.coldtrace.api.events;

import io.coldtrace.api.db.InsertInto;
import io.coldtrace.api.db.RowMapper;
import io.coldtrace.api.db.Rows;
import io.coldtrace.api.db.Sql;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL of the lot projections (V9): written only by {@link LotProjection}, inside the event's transaction. */
final class LotQueries {
    private static final Sql LOT_BY_CODE = Sql.of("""
            SELECT id, code, kind, product_id, uom, born_at, quantity, voided_by, external_code FROM lot
            WHERE org_id = :org AND code = :code""");
    /** One index probe per code (as {@code = ANY}, thousands of codes are planned as a scan of every lot). */
    private static final Sql LOTS_BY_CODES = Sql.of("""
            SELECT l.id, l.code, l.kind, l.product_id, l.uom, l.born_at, l.quantity, l.voided_by, l.external_code
            FROM unnest(CAST(:codes AS text[])) AS c(code)
            CROSS JOIN LATERAL (SELECT * FROM lot WHERE org_id = :org AND code = c.code LIMIT 1) l""");
    /** Every movement of some lots, each lot's in the order they were written. */
    private static final Sql MOVEMENTS_OF = Sql.of("""
            SELECT id, lot_id, at, place_kind, place_id, delta FROM lot_movement WHERE lot_id = ANY(:lots)
            ORDER BY lot_id, id""");
    private static final Sql PRODUCT = Sql.of("""
            SELECT commodity, variety, unit_of_measure FROM product WHERE id = :id AND org_id = :org""");
    private static final Sql EXTERNAL_CODE = Sql.of("SELECT code FROM lot WHERE external_code = :code");
    /** A new lot: {@link #lotValues} in this order. */
    static final InsertInto INSERT_LOT = InsertInto.of("lot", "id", "org_id", "code", "kind", "product_id",
            "commodity", "variety", "uom", "quantity", "born_event_id", "born_at", "plot_id", "site_id", "unit_id",
            "grower_name", "grower_phone", "trace_code", "external_code");
    /** A voided lot born again by the correction that replaced its birth: same row, same trace code. */
    private static final Sql REBEAR_LOT = Sql.of("""
            UPDATE lot SET kind = :kind, product_id = :product_id, commodity = :commodity, variety = :variety,
                    uom = :uom, quantity = :quantity, born_event_id = :born_event_id, born_at = :born_at,
                    plot_id = :plot_id, site_id = :site_id, unit_id = :unit_id, grower_name = :grower_name,
                    grower_phone = :grower_phone, trace_code = COALESCE(trace_code, :trace_code),
                    external_code = COALESCE(external_code, :external_code), voided_by = NULL
            WHERE id = :id""");
    /** A change of a lot's quantity at a place: {@link #movementValues} in this order. */
    static final InsertInto INSERT_MOVEMENT = InsertInto.of("lot_movement", "org_id", "lot_id", "event_id", "at",
            "place_kind", "place_id", "delta", "reason");
    private static final Sql INSERT_LINK = Sql.of("""
            INSERT INTO lot_link (parent_lot_id, child_lot_id, event_id, quantity) VALUES (:parent, :child, :event, :q)
            ON CONFLICT (parent_lot_id, child_lot_id, event_id) DO UPDATE SET quantity = lot_link.quantity + :q""");
    /** A hand-over of a lot: {@link #handoverValues} in this order. */
    static final InsertInto INSERT_HANDOVER = InsertInto.of("lot_handover", "org_id", "lot_id", "event_id", "kind",
            "at", "party_id", "quantity", "acceptance", "rejected", "handover_temp_c");
    /** Where a lot is at an instant (everything at or before it counts), with the quantity there. */
    private static final Sql PLACES_AT = Sql.of("""
            SELECT place_kind, place_id, sum(delta) AS q FROM lot_movement
            WHERE lot_id = :lot AND at <= :at AND place_kind <> 'gone'
            GROUP BY place_kind, place_id HAVING sum(delta) > 0 ORDER BY place_kind, place_id""");
    private static final Sql LEFT_BEFORE = Sql.of("""
            SELECT reason, at FROM lot_movement WHERE lot_id = :lot AND at <= :at AND place_kind = 'gone'
            ORDER BY at DESC LIMIT 1""");
    /** The first instant at which some (lot, place) holds less than nothing; ties: arrivals before departures. */
    private static final Sql FIRST_SHORTFALL = Sql.of("""
            SELECT lot_id, place_kind, place_id, at, balance FROM (
                SELECT lot_id, place_kind, place_id, at,
                       sum(delta) OVER (PARTITION BY lot_id, place_kind, place_id
                                        ORDER BY at, delta DESC, id ROWS UNBOUNDED PRECEDING) AS balance
                FROM lot_movement WHERE lot_id = ANY(:lots) AND place_kind <> 'gone') s
            WHERE balance < 0 ORDER BY at LIMIT 1""");
    private static final Sql REMOVE_MOVEMENTS = Sql.of(
            "DELETE FROM lot_movement WHERE event_id = :event RETURNING lot_id");
    private static final Sql REMOVE_LINKS = Sql.of(
            "DELETE FROM lot_link WHERE event_id = :event RETURNING child_lot_id");
    private static final Sql REMOVE_HANDOVERS = Sql.of(
            "DELETE FROM lot_handover WHERE event_id = :event RETURNING lot_id");
    private static final Sql VOID_BORN = Sql.of(
            "UPDATE lot SET voided_by = :by WHERE born_event_id = :event AND voided_by IS NULL RETURNING id");
    private static final Sql CORRECTED_BY = Sql.of("""
            SELECT id FROM trace_event WHERE org_id = :org AND corrects_event_id = :event AND id <> :self""");
    private static final Sql SITE_OF_UNIT = Sql.of("""
            SELECT u.site_id FROM unit u JOIN site s ON s.id = u.site_id WHERE u.id = :id AND s.org_id = :org""");
    private static final Sql PARTY_KIND = Sql.of("SELECT kind FROM party WHERE id = :id AND org_id = :org");
    private static final Sql PLACE_EXISTS_UNIT = Sql.of("""
            SELECT 1 FROM unit u JOIN site s ON s.id = u.site_id WHERE u.id = :id AND s.org_id = :org""");
    private static final Sql PLACE_EXISTS_SITE = Sql.of("SELECT 1 FROM site WHERE id = :id AND org_id = :org");
    private static final Sql PLACE_EXISTS_PLOT = Sql.of("SELECT 1 FROM farm_plot WHERE id = :id AND org_id = :org");

    /** A lot as the rules need it. */
    record LotRef(UUID id, String code, String kind, String productId, String uom, Instant bornAt,
                  BigDecimal quantity, UUID voidedBy, String externalCode) {
    }

    /** A row of lot_movement as the balance rules read it. */
    record Movement(long id, UUID lotId, Instant at, Place place, BigDecimal delta) {
    }

    record ProductRef(String commodity, String variety, String uom) {
    }

    record Holding(Place place, BigDecimal quantity) {
    }

    record Shortfall(UUID lotId, Place place, Instant at, BigDecimal balance) {
    }

    record Left(String reason, Instant at) {
    }

    private LotQueries() {
    }

    private static final RowMapper<LotRef> LOT = rs -> new LotRef(rs.getObject("id", UUID.class),
            rs.getString("code"), rs.getString("kind"), rs.getString("product_id"), rs.getString("uom"),
            Rows.instant(rs, "born_at"), rs.getBigDecimal("quantity"), rs.getObject("voided_by", UUID.class),
            rs.getString("external_code"));

    static Optional<LotRef> lot(Connection c, String org, String code) throws SQLException {
        return LOT_BY_CODE.bind("org", org).bind("code", code).first(c, LOT);
    }

    static List<LotRef> lots(Connection c, String org, String[] codes) throws SQLException {
        return LOTS_BY_CODES.bind("org", org).bind("codes", codes).list(c, LOT);
    }

    static List<Movement> movements(Connection c, UUID[] lots) throws SQLException {
        return MOVEMENTS_OF.bind("lots", lots).list(c, rs -> new Movement(rs.getLong(1), rs.getObject(2, UUID.class),
                Rows.instant(rs, "at"), new Place(rs.getString(4), rs.getString(5)), rs.getBigDecimal(6)));
    }

    static Optional<ProductRef> product(Connection c, String org, String id) throws SQLException {
        return PRODUCT.bind("org", org).bind("id", id).first(c, rs -> new ProductRef(rs.getString(1),
                rs.getString(2), rs.getString(3)));
    }

    static Optional<String> lotWithExternalCode(Connection c, String code) throws SQLException {
        return EXTERNAL_CODE.bind("code", code).first(c, rs -> rs.getString(1));
    }

    /** The values of a newly born lot, in the columns of {@link #INSERT_LOT}. */
    static Object[] lotValues(UUID id, String org, EventPlan.Birth b, ProductRef product, String uom, UUID event,
                              Instant at, String traceCode) {
        return new Object[] {id, org, b.code(), b.kind(), b.productId(),
            product != null ? product.commodity() : b.commodity(),
            b.variety() != null ? b.variety() : product != null ? product.variety() : null, uom, b.quantity(), event,
            at, kindId(b.at(), "plot"), kindId(b.at(), "site"), kindId(b.at(), "unit"), b.growerName(),
            b.growerPhone(), traceCode, b.externalCode()};
    }

    /** The statement that stores a newly born lot (or re-bears a voided one). */
    static Sql.Bound insertLot(UUID id, String org, EventPlan.Birth b, ProductRef product, String uom,
                               UUID event, Instant at, String traceCode, boolean rebear) {
        Object[] values = lotValues(id, org, b, product, uom, event, at, traceCode);
        if (!rebear) {
            return INSERT_LOT.row(values);
        }
        Sql.Bound q = REBEAR_LOT.bound();
        for (int i = 0; i < values.length; i++) {
            String column = INSERT_LOT.columns().get(i);
            if (REBEAR_LOT.names().contains(column)) {
                q.bind(column, values[i]);
            }
        }
        return q;
    }

    /** The values of a movement, in the columns of {@link #INSERT_MOVEMENT}. */
    static Object[] movementValues(String org, UUID lot, UUID event, Instant at, String placeKind, String placeId,
                                   BigDecimal delta, String reason) {
        return new Object[] {org, lot, event, at, placeKind, placeId, delta, reason};
    }

    static Sql.Bound link(UUID parent, UUID child, UUID event, BigDecimal q) {
        return INSERT_LINK.bind("parent", parent).bind("child", child).bind("event", event).bind("q", q);
    }

    /** The values of a hand-over, in the columns of {@link #INSERT_HANDOVER}. */
    static Object[] handoverValues(String org, UUID lot, UUID event, EventPlan.Handover h, Instant at, BigDecimal q,
                                   BigDecimal rejected) {
        return new Object[] {org, lot, event, h.kind(), at, h.partyId(), q, h.acceptance(), rejected, h.tempC()};
    }

    static List<Holding> placesAt(Connection c, UUID lot, Instant at) throws SQLException {
        return PLACES_AT.bind("lot", lot).bind("at", at).list(c, rs -> new Holding(
                new Place(rs.getString(1), rs.getString(2)), rs.getBigDecimal(3)));
    }

    static Optional<Left> leftBefore(Connection c, UUID lot, Instant at) throws SQLException {
        return LEFT_BEFORE.bind("lot", lot).bind("at", at).first(c, rs -> new Left(rs.getString(1),
                Rows.instant(rs, "at")));
    }

    static Optional<Shortfall> firstShortfall(Connection c, UUID[] lots) throws SQLException {
        return FIRST_SHORTFALL.bind("lots", lots).first(c, rs -> new Shortfall(rs.getObject(1, UUID.class),
                new Place(rs.getString(2), rs.getString(3)), Rows.instant(rs, "at"), rs.getBigDecimal(5)));
    }

    /** Removes an event's effects; the lots they touched. */
    static List<UUID> removeEffects(Connection c, UUID event, UUID correction) throws SQLException {
        List<UUID> touched = new java.util.ArrayList<>();
        touched.addAll(REMOVE_MOVEMENTS.bind("event", event).list(c, rs -> rs.getObject(1, UUID.class)));
        touched.addAll(REMOVE_LINKS.bind("event", event).list(c, rs -> rs.getObject(1, UUID.class)));
        touched.addAll(REMOVE_HANDOVERS.bind("event", event).list(c, rs -> rs.getObject(1, UUID.class)));
        touched.addAll(VOID_BORN.bind("event", event).bind("by", correction).list(c, rs -> rs.getObject(1,
                UUID.class)));
        return touched;
    }

    static Optional<UUID> correctedBy(Connection c, String org, UUID event, UUID self) throws SQLException {
        return CORRECTED_BY.bind("org", org).bind("event", event).bind("self", self).first(c,
                rs -> rs.getObject(1, UUID.class));
    }

    static String siteOfUnit(Connection c, String org, String unit) throws SQLException {
        return SITE_OF_UNIT.bind("org", org).bind("id", unit).first(c, rs -> rs.getString(1)).orElse(null);
    }

    static String partyKind(Connection c, String org, String party) throws SQLException {
        return PARTY_KIND.bind("org", org).bind("id", party).first(c, rs -> rs.getString(1)).orElse(null);
    }

    static boolean placeExists(Connection c, String org, Place p) throws SQLException {
        Sql sql = switch (p.kind()) {
            case "unit" -> PLACE_EXISTS_UNIT;
            case "site" -> PLACE_EXISTS_SITE;
            default -> PLACE_EXISTS_PLOT;
        };
        return sql.bind("org", org).bind("id", p.id()).first(c, rs -> true).isPresent();
    }

    private static String kindId(Place p, String kind) {
        return p != null && p.kind().equals(kind) ? p.id() : null;
    }
}
