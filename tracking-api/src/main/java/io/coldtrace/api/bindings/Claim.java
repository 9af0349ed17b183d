package io.coldtrace.api.bindings;

import io.vertx.core.json.JsonObject;

/**
 * The answer to a bind: the new binding, and the unit the device left (null when it was unclaimed).
 */
record Claim(BindingRow binding, String movedFrom) {
    /** The binding's JSON with {@code moved_from}. */
    JsonObject toJson() {
        return binding.toJson().put("moved_from", movedFrom);
    }
}
