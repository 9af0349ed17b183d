package io.coldtrace.api.epcis;

import io.coldtrace.api.events.EventRow;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/**
 * One stored event as EPCIS 2.0 JSON-LD events (docs/epcis.md): its form from {@link Cbv}, place, lots and
 * quantities, parties and documents, what it records beyond EPCIS's fields ({@link Extensions}), the sensor summary
 * of its custody leg when the caller has one, and its CBV event hash ID. A correction becomes the corrected event again with an {@code errorDeclaration} and, when it
 * replaced it, the replacement (named in {@code correctiveEventIDs}).
 */
final class EpcisMapper {
    static final String CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx");

    private final Refs refs;
    private final Function<Step, JsonArray> sensors;

    /** {@code sensors} gives a step's sensor elements (an empty array when it has none). */
    EpcisMapper(Refs refs, Function<Step, JsonArray> sensors) {
        this.refs = refs;
        this.sensors = sensors;
    }

    /**
     * The EPCIS events of stored event {@code e}; {@code original} is what the event a correction corrects said
     * (null when there is none, or it was a void).
     */
    List<JsonObject> events(EventRow e, Step original) {
        if (!e.type().equals("correction")) {
            return List.of(event(Step.of(e)));
        }
        Step replacement = Step.effective(e);
        JsonObject added = replacement == null ? null : event(replacement);
        if (original == null) {
            return added == null ? List.of() : List.of(added);
        }
        JsonObject declared = event(original);
        JsonObject declaration = new JsonObject().put("declarationTime", time(e.eventTime(), e.eventTzOffset()))
                .put("reason", added == null ? "did_not_occur" : "incorrect_data");
        if (added != null) {
            declaration.put("correctiveEventIDs", new JsonArray().add(added.getString("eventID")));
        }
        declared.put("errorDeclaration", declaration);
        return added == null ? List.of(declared) : List.of(declared, added);
    }

    /** The EPCIS event of a step, with its hash ID. */
    JsonObject event(Step s) {
        Cbv.Form form = Cbv.of(s.type(), s.body());
        JsonObject ev = new JsonObject().put("type", form.eventType())
                .put("eventTime", time(s.eventTime(), s.offset())).put("eventTimeZoneOffset", s.offset());
        JsonObject b = s.body();
        if (form.transformation()) {
            putNonEmpty(ev, "inputQuantityList", quantities(b.getJsonArray("inputs")));
            putNonEmpty(ev, "outputQuantityList", quantities(b.getJsonArray("outputs")));
        } else {
            JsonArray q = s.type().equals("harvest") ? new JsonArray().add(quantity(b.getString("batch"),
                    b.getValue("quantity"), b.getString("uom"))) : quantities(b.getJsonArray("lots"));
            quantities(b.getJsonArray("outputs")).forEach(q::add);
            ev.put("quantityList", q).put("action", form.action());
        }
        ev.put("bizStep", form.bizStep()).put("disposition", form.disposition());
        String readPoint = s.unitId() != null ? refs.unit(s.unitId()) : s.siteId() != null ? refs.site(s.siteId())
                : s.plotId() != null ? refs.plot(s.plotId()) : null;
        if (readPoint != null) {
            ev.put("readPoint", new JsonObject().put("id", readPoint));
        }
        String location = s.siteId() != null ? refs.site(s.siteId()) : s.plotId() != null ? refs.plot(s.plotId())
                : null;
        if (location != null) {
            ev.put("bizLocation", new JsonObject().put("id", location));
        }
        putNonEmpty(ev, "bizTransactionList", documents(b.getJsonArray("documents")));
        parties(ev, s);
        JsonArray sensorElements = new JsonArray();
        JsonObject recorded = Extensions.temperature(s);
        if (recorded != null) {
            sensorElements.add(recorded);
        }
        sensors.apply(s).forEach(sensorElements::add);
        putNonEmpty(ev, "sensorElementList", sensorElements);
        JsonObject ilmd = Extensions.ilmd(s);
        if (ilmd != null) {
            ev.put("ilmd", ilmd);
        }
        return ev.put("eventID", EventHash.id(ev, Extensions.NAMESPACES));
    }

    private void parties(JsonObject ev, Step s) {
        String org = refs.organisation();
        switch (s.type()) {
            case "ship" -> {
                ev.put("sourceList", list("source", "owning_party", org));
                ev.put("destinationList", list("destination", "owning_party", refs.party(s.body().getString(
                        "to_party_id"))));
            }
            case "receive" -> {
                if (s.partyId() != null) {
                    ev.put("sourceList", list("source", "owning_party", refs.party(s.partyId())));
                }
                ev.put("destinationList", list("destination", "owning_party", org));
            }
            case "deliver" -> {
                ev.put("sourceList", list("source", "owning_party", org));
                String buyer = refs.party(s.partyId());
                ev.put("destinationList", list("destination", "owning_party", buyer)
                        .add(new JsonObject().put("type", "possessing_party").put("destination", buyer)));
            }
            default -> { }
        }
    }

    private static JsonArray list(String field, String type, String id) {
        return new JsonArray().add(new JsonObject().put("type", type).put(field, id));
    }

    private JsonArray quantities(JsonArray items) {
        JsonArray out = new JsonArray();
        if (items != null) {
            for (Object o : items) {
                JsonObject i = (JsonObject) o;
                out.add(quantity(i.getString("lot"), i.getValue("quantity"), i.getString("uom")));
            }
        }
        return out;
    }

    private JsonObject quantity(String lot, Object quantity, String uom) {
        return new JsonObject().put("epcClass", refs.lot(lot)).put("quantity", quantity)
                .put("uom", Cbv.UOM.get(uom));
    }

    private JsonArray documents(JsonArray docs) {
        JsonArray out = new JsonArray();
        if (docs != null) {
            for (Object o : docs) {
                JsonObject d = (JsonObject) o;
                out.add(new JsonObject().put("type", Cbv.BTT.get(d.getString("type")))
                        .put("bizTransaction", refs.document(d.getString("type"), d.getString("id"))));
            }
        }
        return out;
    }

    private static void putNonEmpty(JsonObject ev, String key, JsonArray a) {
        if (a != null && !a.isEmpty()) {
            ev.put(key, a);
        }
    }

    /** An instant at an offset, to the millisecond ({@code 2025-03-01T08:00:00.000+08:00}). */
    static String time(Instant t, String offset) {
        return MILLIS.format(t.atOffset(ZoneOffset.of(offset)));
    }

    /** The document around {@code events}, split so a stream can write events between the two halves. */
    static String head(Instant created) {
        return "{\"@context\":[\"" + CONTEXT + "\",{\"" + Extensions.PREFIX + "\":\"" + Extensions.NAMESPACE + "\"}],"
                + "\"type\":\"EPCISDocument\",\"schemaVersion\":\"2.0\","
                + "\"creationDate\":\"" + time(created, "+00:00") + "\",\"epcisBody\":{\"eventList\":[";
    }

    static final String TAIL = "]}}";
}
