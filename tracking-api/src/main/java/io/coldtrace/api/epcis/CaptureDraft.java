package io.coldtrace.api.epcis;

import io.coldtrace.api.http.Problem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One event of a partner's document being mapped: the event as the bulk import takes it, and the JSON pointer in the
 * document of each ledger field it fills, so a refusal of the ledger ({@code events[i].body.lots[0].quantity}) names
 * the element of the document it came from ({@code /epcisBody/eventList/4/quantityList/0}).
 */
final class CaptureDraft {
    final JsonObject ev;
    final int index;
    final String pointer;
    final JsonObject out = new JsonObject();
    final JsonObject body = new JsonObject();
    final Map<String, String> fields = new LinkedHashMap<>();

    CaptureDraft(JsonObject ev, int index, String pointer) {
        this.ev = ev;
        this.index = index;
        this.pointer = pointer;
    }

    /** The refusal of the element at {@code relative} (a pointer below the event's). */
    Problem fail(String relative, String detail) {
        return EpcisProblems.invalid(pointer + relative, "event " + index + " (" + pointer + relative + "): " + detail)
                .with("eventIndex", index);
    }

    /** Reads the element at {@code relative} with {@code reader}, its IllegalArgumentException a refusal of it. */
    <T> T read(String relative, Supplier<T> reader) {
        try {
            return reader.get();
        } catch (IllegalArgumentException e) {
            throw fail(relative, e.getMessage());
        }
    }

    /** Sets top-level ledger field {@code field} (a null value is left out), from the element at {@code relative}. */
    void top(String field, Object value, String relative) {
        if (value != null) {
            out.put(field, value);
            fields.put(field, pointer + relative);
        }
    }

    /** Sets body field {@code field}, from the element at {@code relative}. */
    void body(String field, Object value, String relative) {
        if (value != null) {
            body.put(field, value);
            fields.put("body." + field, pointer + relative);
        }
    }

    /** Notes that ledger field {@code field} comes from the element at {@code relative}. */
    void from(String field, String relative) {
        fields.put(field, pointer + relative);
    }

    /** The event's array {@code key}, empty when absent. */
    JsonArray array(String key) {
        return ev.getJsonArray(key, new JsonArray());
    }

    /** The event as the bulk import takes it, with the pointers of its fields. */
    Mapped done() {
        if (!body.isEmpty() || !out.containsKey("body")) {
            out.put("body", body);
        }
        return new Mapped(index, pointer, out, Map.copyOf(fields), null);
    }

    /**
     * An event mapped: {@code event} as the bulk import takes it, {@code fields} the pointer of each ledger field it
     * fills; {@code declared} the eventID a correction corrects (its id is looked up when the correction is stored).
     */
    record Mapped(int index, String pointer, JsonObject event, Map<String, String> fields, String declared) {
        /** The pointer of the document element behind ledger field {@code field} (its longest known prefix). */
        String pointerOf(String field) {
            String best = null;
            int length = -1;
            for (Map.Entry<String, String> e : fields.entrySet()) {
                String k = e.getKey();
                boolean prefix = field != null && (field.equals(k) || field.startsWith(k + ".")
                        || field.startsWith(k + "["));
                if (prefix && k.length() > length) {
                    best = e.getValue();
                    length = k.length();
                }
            }
            return best != null ? best : pointer;
        }
    }
}
