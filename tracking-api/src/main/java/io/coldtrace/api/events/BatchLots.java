package io.coldtrace.api.events;

import io.coldtrace.api.db.CopyRows;
import io.coldtrace.api.db.Sql;
import io.coldtrace.api.events.LotQueries.Holding;
import io.coldtrace.api.events.LotQueries.Left;
import io.coldtrace.api.events.LotQueries.LotRef;
import io.coldtrace.api.events.LotQueries.Movement;
import io.coldtrace.api.events.LotQueries.ProductRef;
import io.coldtrace.api.events.LotQueries.Shortfall;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The lots of a bulk import, held in memory for the length of its transaction: each lot's row and every movement
 * of it are read once (in one query for all the lots the batch names), what the events write is kept and written
 * by {@link #flush} as one COPY per table, and master data is looked up once. Its answers are those of
 * {@link LotStore#direct} over the same rows: places and balances are summed here as the statements of
 * {@link LotQueries} sum them (everything at or before an instant; ties: arrivals first, then writing order), and the
 * bulk import checks the written result once more with the SQL mass balance before it commits.
 */
final class BatchLots implements LotStore {
    private static final Comparator<Movement> BALANCE_ORDER = Comparator.comparing(Movement::at)
            .thenComparing(Movement::delta, Comparator.reverseOrder()).thenComparingLong(Movement::id);

    private final Connection c;
    private final String org;
    private final LotStore direct;
    private final Map<String, Optional<LotRef>> lots = new HashMap<>();
    /** Movements of each lot read or written, in writing order. */
    private final Map<UUID, List<Movement>> movements = new HashMap<>();
    private final Map<String, Optional<ProductRef>> products = new HashMap<>();
    private final Map<Place, Boolean> places = new HashMap<>();
    private final Map<String, Optional<String>> unitSites = new HashMap<>();
    private final Map<String, Optional<String>> partyKinds = new HashMap<>();
    private final Map<String, String> externalCodes = new HashMap<>();
    private final Map<UUID, Optional<Holds.Hold>> holds = new HashMap<>();
    private final CopyRows lotWrites = LotQueries.INSERT_LOT.rows();
    /** Voided lots born again (after a correction of the request). */
    private final List<Sql.Bound> rebearWrites = new ArrayList<>();
    private final CopyRows movementWrites = LotQueries.INSERT_MOVEMENT.rows();
    private final Map<List<Object>, BigDecimal> linkWrites = new LinkedHashMap<>();
    private final CopyRows handoverWrites = LotQueries.INSERT_HANDOVER.rows();
    /** Each lot moved by the request, with the index of the first event that moved it. */
    private final Map<UUID, Integer> firstEvents = new LinkedHashMap<>();
    private int eventIndex;
    /** Ids of movements written here: after every stored one, in writing order (as the bigserial will give). */
    private long nextId = Long.MAX_VALUE / 2;

    BatchLots(Connection c, String org) {
        this.c = c;
        this.org = org;
        this.direct = LotStore.direct(c, org);
    }

    @Override
    public String org() {
        return org;
    }

    /** The index in the request of the event being applied. */
    void eventIndex(int i) {
        eventIndex = i;
    }

    /** Every lot moved by the request. */
    java.util.Set<UUID> touched() {
        return firstEvents.keySet();
    }

    /** The index of the first event of the request that moved {@code lot}. */
    int firstEventOf(UUID lot) {
        return firstEvents.getOrDefault(lot, 0);
    }

    /** Reads the lots of {@code codes}, all their movements and their recall holds: three queries for a whole batch. */
    void preload(Collection<String> codes) throws SQLException {
        List<String> unknown = codes.stream().distinct().filter(code -> !lots.containsKey(code)).toList();
        if (unknown.isEmpty()) {
            return;
        }
        unknown.forEach(code -> lots.put(code, Optional.empty()));
        List<LotRef> found = LotQueries.lots(c, org, unknown.toArray(String[]::new));
        for (LotRef l : found) {
            lots.put(l.code(), Optional.of(l));
            movements.put(l.id(), new ArrayList<>());
        }
        if (!found.isEmpty()) {
            UUID[] ids = found.stream().map(LotRef::id).toArray(UUID[]::new);
            for (Movement m : LotQueries.movements(c, ids)) {
                movements.get(m.lotId()).add(m);
            }
            Map<UUID, Holds.Hold> held = Holds.held(c, org, ids);
            for (UUID id : ids) {
                holds.put(id, Optional.ofNullable(held.get(id)));
            }
        }
    }

    /**
     * Writes what the events did, one COPY per table (lots before what refers to them; links, merged per lot pair and
     * event, as one batch of their statement).
     */
    void flush() throws SQLException {
        lotWrites.write(c);
        Sql.batchAll(c, rebearWrites);
        movementWrites.write(c);
        List<Sql.Bound> links = new ArrayList<>();
        linkWrites.forEach((k, q) -> links.add(LotQueries.link((UUID) k.get(0), (UUID) k.get(1), (UUID) k.get(2), q)));
        Sql.batchAll(c, links);
        handoverWrites.write(c);
        rebearWrites.clear();
        linkWrites.clear();
    }

    /** Forgets the lots (after statements outside this store changed them: a correction). Call after flush. */
    void forgetLots() {
        lots.clear();
        movements.clear();
        externalCodes.clear();
    }

    @Override
    public Optional<LotRef> lot(String code) throws SQLException {
        if (!lots.containsKey(code)) {
            preload(List.of(code));
        }
        return lots.get(code);
    }

    @Override
    public Optional<Holds.Hold> heldBy(UUID lot) throws SQLException {
        Optional<Holds.Hold> held = holds.get(lot);
        if (held == null) {
            // holds cannot change during the request: opening a case locks the chain head this request holds
            held = direct.heldBy(lot);
            holds.put(lot, held);
        }
        return held;
    }

    @Override
    public Optional<Holds.Blacklisted> blacklisted(String party, Instant at) throws SQLException {
        return direct.blacklisted(party, at);
    }

    @Override
    public Optional<ProductRef> product(String id) throws SQLException {
        Optional<ProductRef> p = products.get(id);
        if (p == null) {
            p = direct.product(id);
            products.put(id, p);
        }
        return p;
    }

    @Override
    public Optional<String> lotWithExternalCode(String code) throws SQLException {
        String here = externalCodes.get(code);
        return here != null ? Optional.of(here) : direct.lotWithExternalCode(code);
    }

    @Override
    public boolean placeExists(Place p) throws SQLException {
        Boolean known = places.get(p);
        if (known == null) {
            known = direct.placeExists(p);
            places.put(p, known);
        }
        return known;
    }

    @Override
    public String siteOfUnit(String unitId) throws SQLException {
        Optional<String> site = unitSites.get(unitId);
        if (site == null) {
            site = Optional.ofNullable(direct.siteOfUnit(unitId));
            unitSites.put(unitId, site);
        }
        return site.orElse(null);
    }

    @Override
    public String partyKind(String partyId) throws SQLException {
        Optional<String> kind = partyKinds.get(partyId);
        if (kind == null) {
            kind = Optional.ofNullable(direct.partyKind(partyId));
            partyKinds.put(partyId, kind);
        }
        return kind.orElse(null);
    }

    /** Events of this batch are stored before a correction can name them (the bulk import flushes first). */
    @Override
    public boolean eventExists(UUID id) throws SQLException {
        return direct.eventExists(id);
    }

    @Override
    public void insertLot(UUID id, EventPlan.Birth b, ProductRef product, String uom, UUID event, Instant at,
                          String traceCode, boolean rebear) {
        if (rebear) {
            rebearWrites.add(LotQueries.insertLot(id, org, b, product, uom, event, at, traceCode, true));
        } else {
            lotWrites.add(LotQueries.lotValues(id, org, b, product, uom, event, at, traceCode));
            // a lot born now is in no case's scope (fixed when the case opened, with the chain head locked); it is
            // held only through what it is made from (link)
            holds.put(id, Optional.empty());
        }
        lots.put(b.code(), Optional.of(new LotRef(id, b.code(), b.kind(), b.productId(), uom, at, b.quantity(),
                null, b.externalCode())));
        movements.putIfAbsent(id, new ArrayList<>());
        if (b.externalCode() != null) {
            externalCodes.put(b.externalCode(), b.code());
        }
    }

    @Override
    public void move(UUID lot, UUID event, Instant at, String placeKind, String placeId, BigDecimal delta,
                     String reason) {
        movementWrites.add(LotQueries.movementValues(org, lot, event, at, placeKind, placeId, delta, reason));
        firstEvents.putIfAbsent(lot, eventIndex);
        movements.get(lot).add(new Movement(nextId++, lot, at, new Place(placeKind, placeId), delta));
    }

    @Override
    public void link(UUID parent, UUID child, UUID event, BigDecimal q) throws SQLException {
        // a lot made from a held lot is held as it is
        Optional<Holds.Hold> held = heldBy(parent);
        if (held.isPresent() && heldBy(child).isEmpty()) {
            String parentCode = lots.values().stream().flatMap(Optional::stream).filter(l -> l.id().equals(parent))
                    .map(LotRef::code).findFirst().orElse(parent.toString());
            holds.put(child, Optional.of(held.get().through(parentCode)));
        }
        // one row per (parent, child, event), quantities added, as the statement's ON CONFLICT does
        linkWrites.merge(List.of(parent, child, event), q, BigDecimal::add);
    }

    @Override
    public void handover(UUID lot, UUID event, EventPlan.Handover h, Instant at, BigDecimal q, BigDecimal rejected) {
        handoverWrites.add(LotQueries.handoverValues(org, lot, event, h, at, q, rejected));
    }

    @Override
    public List<Holding> placesAt(UUID lot, Instant at) {
        Map<Place, BigDecimal> sums = new TreeMap<>(Comparator.comparing(Place::kind).thenComparing(Place::id));
        for (Movement m : movements.get(lot)) {
            if (!m.at().isAfter(at) && !m.place().kind().equals("gone")) {
                sums.merge(m.place(), m.delta(), BigDecimal::add);
            }
        }
        List<Holding> out = new ArrayList<>();
        sums.forEach((p, q) -> {
            if (q.signum() > 0) {
                out.add(new Holding(p, q));
            }
        });
        return out;
    }

    @Override
    public Optional<Left> leftBefore(UUID lot, Instant at) {
        return movements.get(lot).stream().filter(m -> m.place().kind().equals("gone") && !m.at().isAfter(at))
                .max(Comparator.comparing(Movement::at)).map(m -> new Left(m.place().id(), m.at()));
    }

    @Override
    public Optional<Shortfall> firstShortfall(UUID[] ids) {
        Shortfall first = null;
        for (UUID lot : ids) {
            Map<Place, List<Movement>> byPlace = new HashMap<>();
            for (Movement m : movements.get(lot)) {
                if (!m.place().kind().equals("gone")) {
                    byPlace.computeIfAbsent(m.place(), p -> new ArrayList<>()).add(m);
                }
            }
            for (List<Movement> ms : byPlace.values()) {
                ms.sort(BALANCE_ORDER);
                BigDecimal balance = BigDecimal.ZERO;
                for (Movement m : ms) {
                    balance = balance.add(m.delta());
                    if (balance.signum() < 0 && (first == null || m.at().isBefore(first.at()))) {
                        first = new Shortfall(lot, m.place(), m.at(), balance);
                    }
                }
            }
        }
        return Optional.ofNullable(first);
    }
}
