package io.coldtrace.api.epcis;

import io.coldtrace.api.custody.Custody;
import io.coldtrace.api.custody.Leg;
import io.coldtrace.api.custody.LegFigures;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The sensor summaries of a lot's export, from custody's legs of the lot and its ancestors (the same figures
 * {@code GET /api/v1/lots/:id/custody} shows, to its rounding): for an event in a unit, each leg there of one of its
 * lots that holds the event's time becomes a {@code sensorElement} with the leg's window, the Temperature report
 * (min, max, time-weighted mean, CEL) and a {@code rawData} link to the unit's readings over the leg. Legs without
 * readings give none.
 */
final class Sensors {
    private final List<Custody.LegReport> legs;
    private final Refs refs;

    Sensors(Custody.Report custody, Refs refs) {
        this.legs = custody.legs();
        this.refs = refs;
    }

    JsonArray of(Step s) {
        JsonArray out = new JsonArray();
        if (s.unitId() == null) {
            return out;
        }
        Set<String> lots = new HashSet<>();
        for (String key : List.of("lots", "outputs")) {
            for (Object o : s.body().getJsonArray(key, new JsonArray())) {
                lots.add(((JsonObject) o).getString("lot"));
            }
        }
        Set<String> seen = new HashSet<>();
        List<JsonObject> elements = new ArrayList<>();
        for (Custody.LegReport r : legs) {
            Leg leg = r.leg();
            LegFigures f = r.figures();
            boolean holds = !leg.from().isAfter(s.eventTime()) && leg.to().isAfter(s.eventTime());
            if (leg.inUnit() && leg.placeId().equals(s.unitId()) && lots.contains(leg.lotCode()) && holds
                    && f.readings() > 0 && seen.add(leg.from() + "/" + leg.to())) {
                elements.add(element(leg, f));
            }
        }
        elements.forEach(out::add);
        return out;
    }

    private JsonObject element(Leg leg, LegFigures f) {
        JsonObject meta = new JsonObject().put("startTime", EpcisMapper.time(leg.from(), "+00:00"))
                .put("endTime", EpcisMapper.time(leg.to(), "+00:00"))
                .put("rawData", refs.readings(leg.placeId(), leg.from(), leg.to()));
        JsonObject report = new JsonObject().put("type", "Temperature").put("minValue", round(f.minC()))
                .put("maxValue", round(f.maxC())).put("meanValue", round(f.meanC())).put("uom", "CEL");
        return new JsonObject().put("sensorMetadata", meta).put("sensorReport", new JsonArray().add(report));
    }

    /** To the hundredth, as custody shows its figures. */
    static Double round(Double v) {
        return v == null ? null : Math.round(v * 100) / 100.0;
    }
}
