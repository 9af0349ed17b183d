package io.coldtrace.api.audit;

import io.coldtrace.api.events.EventRow;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The rows of the report's long tables, gathered while the data files are written (custody lot by lot, events from
 * the events.csv pass), as the text of their cells; at most {@link #ROWS} of each, so memory stays bounded: every leg
 * while there are no more, and the first {@link #FLAGGED} legs not kept in band (for the summary beyond); every event
 * while there are no more (beyond, the report counts them by type).
 */
final class ReportRows {
    /** The most rows of one table the report lists (the old in-memory pack's limit: about a hundred pages). */
    static final int ROWS = 5_000;
    /**
     * The most legs not kept in band the summary lists (when there are more legs than {@link #ROWS}): the ones to look
     * at, excursions first, then legs with missing data, then unmonitored legs (a lot made of thousands of harvest
     * batches has as many unmonitored farm legs), each in lot order.
     */
    static final int FLAGGED = 1_000;
    /** Verdicts other than "kept", in the order the summary lists them. */
    private static final List<String> CONCERNS = List.of("excursion", "partial", "unmonitored");

    private final boolean allEvents;
    private final List<String[]> legs = new ArrayList<>();
    private final Map<Integer, List<String[]>> flagged = new TreeMap<>();
    private final Map<String, Long> verdicts = new TreeMap<>();
    private final List<String[]> events = new ArrayList<>();
    private long legCount;
    private long flaggedCount;

    /** For a pack of {@code events} events. */
    ReportRows(long events) {
        this.allEvents = events <= ROWS;
    }

    /** Takes the legs of one lot as custody.json holds it. */
    void lot(JsonObject lot) {
        for (Object o : lot.getJsonArray("legs")) {
            JsonObject l = (JsonObject) o;
            JsonObject verdict = l.getJsonObject("verdict");
            double beyond = num(l, "above_minutes") + num(l, "below_minutes");
            String[] row = {l.getString("lot_code"), l.getJsonObject("place").getString("name"),
                l.getString("from") + " – " + (l.getBoolean("open") ? "open" : l.getString("to")),
                AuditPdf.text(l.getValue("min_c")), AuditPdf.text(l.getValue("max_c")),
                AuditPdf.text(l.getValue("mean_c")), AuditPdf.text(l.getValue("mkt_c")), Double.toString(beyond),
                AuditPdf.text(l.getValue("completeness")), verdict.getString("zh") + "\n" + verdict.getString("en")};
            legCount++;
            verdicts.merge(verdict.getString("status"), 1L, Long::sum);
            if (legCount <= ROWS) {
                legs.add(row);
            } else {
                legs.clear();
            }
            if (!"kept".equals(verdict.getString("status"))) {
                flaggedCount++;
                int rank = CONCERNS.indexOf(verdict.getString("status"));
                List<String[]> of = flagged.computeIfAbsent(rank < 0 ? CONCERNS.size() : rank, k -> new ArrayList<>());
                if (of.size() < FLAGGED) {
                    of.add(row);
                }
            }
        }
    }

    /** Takes an event (in seq order), when the report lists every event. */
    void event(EventRow e, UUID correctedBy) {
        if (!allEvents) {
            return;
        }
        String place = first(e.unitId(), e.siteId(), e.plotId(), e.partyId());
        String correction = e.correctsEventId() != null ? "corrects " + e.correctsEventId().toString().substring(0, 8)
                : correctedBy != null ? "corrected by " + correctedBy.toString().substring(0, 8) : "";
        events.add(new String[] {Long.toString(e.seq()), e.eventTime() + " (" + e.eventTzOffset() + ")", e.type(),
            place, correction, e.hash().substring(0, 32) + "…"});
    }

    /** Whether the report lists every leg ({@link #legs}); else {@link #flagged} and the counts. */
    boolean allLegs() {
        return legCount <= ROWS;
    }

    List<String[]> legs() {
        return legs;
    }

    /** The first {@link #FLAGGED} legs not kept in band, the gravest first. */
    List<String[]> flagged() {
        List<String[]> first = new ArrayList<>();
        for (List<String[]> of : flagged.values()) {
            first.addAll(of.subList(0, Math.min(of.size(), FLAGGED - first.size())));
        }
        return first;
    }

    long legCount() {
        return legCount;
    }

    long flaggedCount() {
        return flaggedCount;
    }

    /** Legs by verdict status. */
    Map<String, Long> verdicts() {
        return verdicts;
    }

    boolean allEvents() {
        return allEvents;
    }

    List<String[]> events() {
        return events;
    }

    private static String first(String... values) {
        for (String s : values) {
            if (s != null) {
                return s;
            }
        }
        return "—";
    }

    private static double num(JsonObject o, String key) {
        Number n = (Number) o.getValue(key);
        return n == null ? 0 : n.doubleValue();
    }
}
