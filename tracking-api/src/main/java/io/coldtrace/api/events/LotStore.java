package io.coldtrace.api.events;

import io.coldtrace.api.events.LotQueries.Holding;
import io.coldtrace.api.events.LotQueries.Left;
import io.coldtrace.api.events.LotQueries.LotRef;
import io.coldtrace.api.events.LotQueries.ProductRef;
import io.coldtrace.api.events.LotQueries.Shortfall;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What {@link LotProjection} and the ledger read and write of one organisation's lots and master data, inside the
 * event's transaction. {@link #direct} runs each step as its statement (one event); {@link BatchLots} keeps the lots
 * of a bulk import in memory and writes them in batches, with the same answers.
 */
interface LotStore {
    String org();

    Optional<LotRef> lot(String code) throws SQLException;

    Optional<ProductRef> product(String id) throws SQLException;

    /** The code of the lot (of any organisation) that holds external code {@code code}. */
    Optional<String> lotWithExternalCode(String code) throws SQLException;

    /** Whether the unit, site or plot exists in this organisation. */
    boolean placeExists(Place p) throws SQLException;

    /** The site of a unit of this organisation (null when none or unknown). */
    String siteOfUnit(String unitId) throws SQLException;

    /** The kind of a party of this organisation (null when unknown). */
    String partyKind(String partyId) throws SQLException;

    /** Whether an event of this organisation exists. */
    boolean eventExists(UUID id) throws SQLException;

    void insertLot(UUID id, EventPlan.Birth b, ProductRef product, String uom, UUID event, Instant at,
                   String traceCode, boolean rebear) throws SQLException;

    void move(UUID lot, UUID event, Instant at, String placeKind, String placeId, BigDecimal delta, String reason)
            throws SQLException;

    void link(UUID parent, UUID child, UUID event, BigDecimal q) throws SQLException;

    void handover(UUID lot, UUID event, EventPlan.Handover h, Instant at, BigDecimal q, BigDecimal rejected)
            throws SQLException;

    /** Where a lot is at an instant (everything at or before it counts), quantity above 0, by kind and id. */
    List<Holding> placesAt(UUID lot, Instant at) throws SQLException;

    /** The lot's latest departure from the chain at or before {@code at}. */
    Optional<Left> leftBefore(UUID lot, Instant at) throws SQLException;

    /** The first instant at which one of {@code lots} holds less than nothing somewhere. */
    Optional<Shortfall> firstShortfall(UUID[] lots) throws SQLException;

    /** What holds {@code lot} ({@link Holds}), if anything. */
    Optional<Holds.Hold> heldBy(UUID lot) throws SQLException;

    /** The blacklist entry barring a receipt from {@code party} at {@code at} ({@link Holds#blacklisted}). */
    Optional<Holds.Blacklisted> blacklisted(String party, Instant at) throws SQLException;

    /** Each step as its statement on {@code c}. */
    static LotStore direct(Connection c, String org) {
        return new Direct(c, org);
    }

    /** The statements of {@link LotQueries} and {@link EventQueries}, one per step. */
    record Direct(Connection c, String org) implements LotStore {
        @Override
        public Optional<LotRef> lot(String code) throws SQLException {
            return LotQueries.lot(c, org, code);
        }

        @Override
        public Optional<ProductRef> product(String id) throws SQLException {
            return LotQueries.product(c, org, id);
        }

        @Override
        public Optional<String> lotWithExternalCode(String code) throws SQLException {
            return LotQueries.lotWithExternalCode(c, code);
        }

        @Override
        public boolean placeExists(Place p) throws SQLException {
            return LotQueries.placeExists(c, org, p);
        }

        @Override
        public String siteOfUnit(String unitId) throws SQLException {
            return LotQueries.siteOfUnit(c, org, unitId);
        }

        @Override
        public String partyKind(String partyId) throws SQLException {
            return LotQueries.partyKind(c, org, partyId);
        }

        @Override
        public boolean eventExists(UUID id) throws SQLException {
            return EventQueries.eventOf(c, id, org);
        }

        @Override
        public void insertLot(UUID id, EventPlan.Birth b, ProductRef product, String uom, UUID event, Instant at,
                              String traceCode, boolean rebear) throws SQLException {
            LotQueries.insertLot(id, org, b, product, uom, event, at, traceCode, rebear).update(c);
        }

        @Override
        public void move(UUID lot, UUID event, Instant at, String placeKind, String placeId, BigDecimal delta,
                         String reason) throws SQLException {
            LotQueries.INSERT_MOVEMENT.row(LotQueries.movementValues(org, lot, event, at, placeKind, placeId, delta,
                    reason)).update(c);
        }

        @Override
        public void link(UUID parent, UUID child, UUID event, BigDecimal q) throws SQLException {
            LotQueries.link(parent, child, event, q).update(c);
        }

        @Override
        public void handover(UUID lot, UUID event, EventPlan.Handover h, Instant at, BigDecimal q,
                             BigDecimal rejected) throws SQLException {
            LotQueries.INSERT_HANDOVER.row(LotQueries.handoverValues(org, lot, event, h, at, q, rejected)).update(c);
        }

        @Override
        public List<Holding> placesAt(UUID lot, Instant at) throws SQLException {
            return LotQueries.placesAt(c, lot, at);
        }

        @Override
        public Optional<Left> leftBefore(UUID lot, Instant at) throws SQLException {
            return LotQueries.leftBefore(c, lot, at);
        }

        @Override
        public Optional<Shortfall> firstShortfall(UUID[] lots) throws SQLException {
            return LotQueries.firstShortfall(c, lots);
        }

        @Override
        public Optional<Holds.Hold> heldBy(UUID lot) throws SQLException {
            return Holds.heldBy(c, org, lot);
        }

        @Override
        public Optional<Holds.Blacklisted> blacklisted(String party, Instant at) throws SQLException {
            return Holds.blacklisted(c, party, at);
        }
    }
}
