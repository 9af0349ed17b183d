package io.coldtrace.api.events;

import io.coldtrace.core.ids.TraceCode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;

/**
 * The trace codes the server gives the lots an event bears, kept in the event's stored body under {@code assigned}
 * ({@code {"L-1": "7K3MQ9TX2D4FHW8R5"}}): so they are in the hash chain (tamper-evident, and the projections rebuilt
 * from the ledger give every lot the code printed on its labels). Callers never send {@code assigned}; a retry is
 * compared without it.
 */
final class AssignedCodes {
    static final String KEY = "assigned";

    private AssignedCodes() {
    }

    /** {@code body} (as posted) with a new random code for each lot it bears: outputs, or a replacement's outputs. */
    static String assign(String type, String body) {
        if (!body.contains("\"outputs\"")) {
            // most events bear nothing: no need to parse them
            return body;
        }
        JsonObject json = new JsonObject(body);
        JsonArray outputs = type.equals("correction")
                ? outputsOf(json.getValue("event") instanceof JsonObject e && e.getValue("body") instanceof JsonObject b
                        ? b : null)
                : outputsOf(json);
        if (outputs == null || outputs.isEmpty()) {
            return body;
        }
        JsonObject codes = new JsonObject();
        for (Object o : outputs) {
            if (o instanceof JsonObject out && out.getValue("lot") instanceof String lot) {
                codes.put(lot, TraceCode.random().value());
            }
        }
        return codes.isEmpty() ? body : json.put(KEY, codes).encode();
    }

    /** The body without the codes the server added (what the caller posted). */
    static String withoutAssigned(String body) {
        if (!body.contains("\"" + KEY + "\"")) {
            return body;
        }
        JsonObject json = new JsonObject(body);
        return json.containsKey(KEY) ? removed(json).encode() : body;
    }

    /** The codes assigned in stored {@code body} (none when it bears no lot). */
    static Map<String, String> of(String body) {
        return body.contains("\"" + KEY + "\"") ? take(new JsonObject(body)) : Map.of();
    }

    /** Removes the assigned codes from {@code body} (in place) and returns them. */
    static Map<String, String> take(JsonObject body) {
        Map<String, String> codes = new HashMap<>();
        if (body.remove(KEY) instanceof JsonObject assigned) {
            assigned.forEach(e -> codes.put(e.getKey(), String.valueOf(e.getValue())));
        }
        return codes;
    }

    private static JsonObject removed(JsonObject json) {
        json.remove(KEY);
        return json;
    }

    private static JsonArray outputsOf(JsonObject body) {
        return body != null && body.getValue("outputs") instanceof JsonArray a ? a : null;
    }
}
