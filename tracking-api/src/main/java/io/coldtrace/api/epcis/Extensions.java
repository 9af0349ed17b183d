package io.coldtrace.api.epcis;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What an event records that EPCIS has no standard field for, and the project's extension namespace for it
 * (docs/epcis.md): a harvest's commodity, variety and grower as its {@code ilmd} (the lot master data of the batch it
 * creates; FSMA 204 asks the harvester to pass the grower's name and phone on), and a temperature the event itself
 * records (a receive's handover check, a pre-cool's probe reading) as a sensor element with one Temperature report.
 * Capture reads them back; a document may bind the namespace to any prefix of its {@code @context}.
 */
final class Extensions {
    static final String PREFIX = "coldtrace";
    static final String NAMESPACE = "urn:coldtrace:epcis:";
    /** The prefixes of the export's {@code @context}, as the event hash expands them. */
    static final Map<String, String> NAMESPACES = Map.of(PREFIX, NAMESPACE);
    static final String COMMODITY = "commodity";
    static final String VARIETY = "variety";
    static final String GROWER_NAME = "growerName";
    static final String GROWER_PHONE = "growerPhone";
    /** The body field of each event type that holds a temperature the event recorded. */
    static final Map<String, String> RECORDED_TEMPERATURE = Map.of("receive", "handover_temp_c",
            "pre_cool", "probe_temp_c");

    private Extensions() {
    }

    /** A harvest's lot master data (commodity, variety, grower), or null for any other step. */
    static JsonObject ilmd(Step s) {
        if (!s.type().equals("harvest")) {
            return null;
        }
        JsonObject b = s.body();
        JsonObject ilmd = new JsonObject().put(term(COMMODITY), b.getString("commodity"));
        if (b.getString("variety") != null) {
            ilmd.put(term(VARIETY), b.getString("variety"));
        }
        JsonObject grower = b.getJsonObject("grower", new JsonObject());
        if (grower.getString("name") != null) {
            ilmd.put(term(GROWER_NAME), grower.getString("name"));
        }
        if (grower.getString("phone") != null) {
            ilmd.put(term(GROWER_PHONE), grower.getString("phone"));
        }
        return ilmd;
    }

    /** The sensor element of the temperature {@code s} recorded at its time, or null when it recorded none. */
    static JsonObject temperature(Step s) {
        String field = RECORDED_TEMPERATURE.get(s.type());
        Object c = field == null ? null : s.body().getValue(field);
        if (!(c instanceof Number)) {
            return null;
        }
        return new JsonObject().put("sensorMetadata", new JsonObject().put("time",
                        EpcisMapper.time(s.eventTime(), s.offset())))
                .put("sensorReport", new JsonArray().add(new JsonObject().put("type", "Temperature").put("value", c)
                        .put("uom", "CEL")));
    }

    /** The export's name of a term of the namespace. */
    static String term(String name) {
        return PREFIX + ":" + name;
    }

    /** The names a document gives term {@code name}: each prefix its context binds to the namespace, and the full IRI. */
    static Set<String> names(Map<String, String> documentPrefixes, String name) {
        Set<String> out = new HashSet<>();
        out.add(NAMESPACE + name);
        documentPrefixes.forEach((prefix, ns) -> {
            if (ns.equals(NAMESPACE)) {
                out.add(prefix + ":" + name);
            }
        });
        return out;
    }
}
