package io.coldtrace.api.http;

import io.coldtrace.core.quality.Band;
import io.vertx.core.json.JsonObject;

/** A limit band as the API shows it: {"low_crit", "low_warn", "high_warn", "high_crit"} in °C, null = off. */
public final class BandJson {
    private BandJson() {
    }

    public static JsonObject of(Band b) {
        return new JsonObject().put("low_crit", b.lowCrit()).put("low_warn", b.lowWarn())
                .put("high_warn", b.highWarn()).put("high_crit", b.highCrit());
    }
}
