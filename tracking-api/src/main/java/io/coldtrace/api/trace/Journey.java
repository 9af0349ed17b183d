package io.coldtrace.api.trace;

import io.coldtrace.api.custody.Custody;
import io.coldtrace.api.custody.Leg;
import io.coldtrace.api.db.Rows;
import io.coldtrace.api.trace.TraceReader.TracedLot;
import io.coldtrace.api.trace.TraceView.Chart;
import io.coldtrace.api.trace.TraceView.Origin;
import io.coldtrace.api.trace.TraceView.Step;
import io.coldtrace.api.trace.TraceView.Verdict;
import io.coldtrace.core.ids.DivisionNames;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The steps of a lot's journey: its custody legs (and its ancestors') and its own hand-overs. */
final class Journey {
    /** Most points a leg's chart draws. */
    static final int MAX_POINTS = 120;
    /**
     * Legs longer than this (as custody's rollup threshold) are drawn from the hour rollups: a point an hour, each
     * with its min and max, so a short excursion still shows as a spike. A phone-width chart needs no more, and the
     * minute rows of a day-long leg, scattered over the table by the other devices' readings, cost the page more than
     * everything else together.
     */
    static final Duration HOURLY_AFTER = Duration.ofHours(6);

    private Journey() {
    }

    /** One step per custody leg, each with its verdict and, where it was monitored, its chart. */
    static List<Step> legs(Connection c, TracedLot lot, Custody.Report custody, Map<String, Origin> byPlot) throws SQLException {
        Map<String, String[]> arrivals = new HashMap<>();
        TraceSql.ARRIVALS.bind("lot", lot.id()).list(c, rs -> arrivals.put(key(rs.getObject("lot_id").toString(),
                rs.getString("place_kind"), rs.getString("place_id"), Rows.instant(rs, "at")),
                new String[] {rs.getString("type"), rs.getString("event_tz_offset")}));
        Map<String, String> siteCities = new HashMap<>();
        String[] siteIds = custody.legs().stream().map(r -> r.leg().siteId()).filter(java.util.Objects::nonNull)
                .distinct().toArray(String[]::new);
        TraceSql.SITE_DIVISIONS.bind("ids", siteIds).list(c, rs -> {
            String city = DivisionNames.cityName(rs.getString("division_code"));
            if (city != null) {
                siteCities.put(rs.getString("id"), city);
            }
            return null;
        });
        List<Step> steps = new ArrayList<>();
        for (Custody.LegReport r : custody.legs()) {
            Leg leg = r.leg();
            String[] arrival = arrivals.getOrDefault(key(leg.lotId().toString(), leg.placeKind(), leg.placeId(),
                    leg.from()), new String[] {null, null});
            String city = null;
            if (leg.placeKind().equals("plot") && byPlot.get(leg.placeName()) != null) {
                Origin o = byPlot.get(leg.placeName());
                city = o.county() != null ? o.county() : o.city() != null ? o.city() : o.province();
            } else if (leg.siteId() != null && !"truck_compartment".equals(leg.unitKind())) {
                // a truck compartment belongs to a site on paper; on the road it is in no city of its site's
                city = siteCities.get(leg.siteId());
            }
            Chart chart = r.figures().readings() > 0 && leg.inUnit() ? chart(c, leg) : null;
            var span = TraceReader.span(leg, arrival[1]);
            String kind = kind(leg, arrival[0]);
            // a truck compartment belongs to a site on paper; on the road it is not there
            String site = leg.inUnit() && !kind.equals("transport") ? leg.siteName() : null;
            steps.add(new Step(kind, leg.placeName(), site, city,
                    span[0], span[1], leg.open(), null, null, null,
                    new Verdict(r.verdict().status(), r.verdict().en(), r.verdict().zh()), chart));
        }
        return steps;
    }

    private static String key(String lot, String kind, String place, Instant at) {
        return lot + "|" + kind + "|" + place + "|" + at;
    }

    /** What a leg was, as a buyer would say it. */
    static String kind(Leg leg, String arrivedBy) {
        if (leg.placeKind().equals("plot")) {
            return "harvest";
        }
        if ("pre_cool".equals(arrivedBy)) {
            return "pre_cool";
        }
        if ("pack".equals(arrivedBy)) {
            return "packed";
        }
        if ("transform".equals(arrivedBy)) {
            return "repacked";
        }
        if (leg.placeKind().equals("site")) {
            return "site";
        }
        return "truck_compartment".equals(leg.unitKind()) ? "transport" : "cold_store";
    }

    /** The lot's own hand-overs; the other party by its kind (a buyer by its type), never its name. */
    static List<Step> handovers(Connection c, TracedLot lot) throws SQLException {
        return TraceSql.HANDOVERS.bind("lot", lot.id()).list(c, rs -> {
            String kind = rs.getString("kind");
            String partyType = "deliver".equals(kind) ? rs.getString("buyer_type") : rs.getString("party_kind");
            var at = TraceReader.local(Rows.instant(rs, "at"), rs.getString("event_tz_offset"));
            boolean receive = "receive".equals(kind);
            return new Step(kind.equals("deliver") ? "delivered" : kind.equals("ship") ? "shipped" : "received",
                    receive ? rs.getString("site_name") : null, null, receive ? DivisionNames.cityName(rs.getString("site_division")) : null,
                    at, null, false, partyType,
                    receive ? Rows.dbl(rs, "handover_temp_c") : null, receive ? rs.getString("acceptance") : null,
                    null, null);
        });
    }

    /** A monitored leg's temperatures, at most {@link #MAX_POINTS} buckets computed in the database. */
    static Chart chart(Connection c, Leg leg) throws SQLException {
        long seconds = Math.max(60, Duration.between(leg.from(), leg.to()).toSeconds());
        boolean hourly = Duration.ofSeconds(seconds).compareTo(HOURLY_AFTER) > 0;
        long unit = hourly ? 3600 : 60;
        long step = Math.max(unit, (seconds / MAX_POINTS / unit + 1) * unit);
        List<double[]> points = (hourly ? TraceSql.SERIES_1H : TraceSql.SERIES_1M).forProbe(leg.probe())
                .bind("f", leg.from()).bind("t", leg.to()).bind("unit", leg.placeId()).bind("step", step)
                .list(c, rs -> new double[] {
                        Math.min(1, Math.max(0, (rs.getDouble("k") * step + step / 2.0) / seconds)),
                        rs.getDouble("c"), rs.getDouble("lo"), rs.getDouble("hi")});
        return points.isEmpty() ? null : new Chart(points);
    }
}
