package io.coldtrace.api.bindings;

import io.coldtrace.api.http.Check;
import io.coldtrace.api.http.JsonBody;
import java.time.Instant;
import java.util.Set;

/** {@code {"device": "<ext_id>", "from": ISO-8601}}: put a device into a unit from {@code from} (null = now). */
public record NewBinding(String device, Instant from) {
    static final Set<String> FIELDS = Set.of("device", "from");

    public NewBinding {
        Check.text("device", device, 128);
    }

    static NewBinding from(JsonBody b) {
        return new NewBinding(b.text("device", 128), b.optInstant("from"));
    }
}
