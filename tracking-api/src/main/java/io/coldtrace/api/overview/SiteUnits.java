package io.coldtrace.api.overview;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** A site of the overview with its units in order. */
public record SiteUnits(String id, String name, String kind, List<UnitRow> units) {
    /** {id, name, kind, units: [...]}. */
    public JsonObject toJson() {
        JsonArray list = new JsonArray();
        units.forEach(u -> list.add(u.toJson()));
        return new JsonObject().put("id", id).put("name", name).put("kind", kind).put("units", list);
    }
}
