package io.coldtrace.simulator.business;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coldtrace.core.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the events of one journey as the API takes them ({@code client_event_id} = prefix + step, China time
 * {@code +08:00}), collecting them in the order written.
 */
final class EventBuilder {
    static final String OFFSET = "+08:00";

    private final String idPrefix;
    private final List<PlannedEvent> events = new ArrayList<>();

    EventBuilder(String idPrefix) {
        this.idPrefix = idPrefix;
    }

    List<PlannedEvent> events() {
        return List.copyOf(events);
    }

    /** A new event of {@code type} at {@code at}; place fields go on the returned node, details in its body. */
    ObjectNode add(String step, String type, Instant at, PlannedEvent.Handover handover) {
        ObjectNode e = Json.mapper().createObjectNode()
                .put("client_event_id", idPrefix + step)
                .put("type", type)
                .put("event_time", at.toString())
                .put("event_tz_offset", OFFSET);
        e.putObject("body");
        events.add(new PlannedEvent(at, idPrefix + step, type, e, handover));
        return e;
    }

    static ObjectNode body(ObjectNode event) {
        return (ObjectNode) event.get("body");
    }

    static ArrayNode items(ObjectNode body, String name, String lot, long quantity, String uom) {
        ArrayNode a = body.putArray(name);
        a.addObject().put("lot", lot).put("quantity", quantity).put("uom", uom);
        return a;
    }

    static ObjectNode output(ArrayNode outputs, String lot, String productId, long quantity, String uom) {
        return outputs.addObject().put("lot", lot).put("product_id", productId).put("quantity", quantity)
                .put("uom", uom);
    }

    static void document(ObjectNode body, String type, String id) {
        body.putArray("documents").addObject().put("type", type).put("id", id);
    }
}
