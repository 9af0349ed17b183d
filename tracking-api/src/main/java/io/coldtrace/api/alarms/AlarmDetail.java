package io.coldtrace.api.alarms;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** One alarm with its events in the order they happened. */
public record AlarmDetail(AlarmRow alarm, List<AlarmEventRow> events) {
    /** The alarm's JSON with {@code events}. */
    public JsonObject toJson() {
        JsonArray list = new JsonArray();
        events.forEach(e -> list.add(e.toJson()));
        return alarm.toJson().put("events", list);
    }
}
