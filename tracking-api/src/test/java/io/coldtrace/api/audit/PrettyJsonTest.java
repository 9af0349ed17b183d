package io.coldtrace.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A file written element by element is the text the whole object pretty-prints to, byte for byte. */
class PrettyJsonTest {
    private static final JsonObject HEADER = new JsonObject().put("subject", new JsonObject().put("kind", "recall")
            .put("code", "冷链-7")).put("as_of", "2026-12-01T10:00:00Z").put("count", 3L);

    private static JsonObject element(int i) {
        return new JsonObject().put("seq", i).put("mkt_c", 9.0 + i / 10.0).put("open", i % 2 == 0)
                .put("to", (String) null).put("verdict", new JsonObject().put("zh", "高于 8.0 °C 共10小时")
                        .put("en", "above 8.0 °C, \"peak\"\n9.1")).put("gaps", new JsonArray())
                .put("at", Instant.parse("2026-12-01T10:00:00Z")).put("big", 12_345_678_901L);
    }

    @Test
    void elementByElementIsTheWholeObjectPrettyPrinted() throws IOException {
        JsonArray all = new JsonArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrettyJson json = new PrettyJson(out)) {
            json.fields(HEADER).object("verification").fields(new JsonObject().put("result", "verified"))
                    .array("events");
            for (int i = 0; i < 3; i++) {
                json.item(element(i));
                all.add(element(i));
                json.flush();
            }
        }
        JsonObject whole = HEADER.copy().put("verification", new JsonObject().put("result", "verified")
                .put("events", all));
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(whole.encodePrettily() + "\n");
    }

    @Test
    void anEmptyArrayIsTheSameToo() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrettyJson json = new PrettyJson(out)) {
            json.fields(HEADER).array("lots");
        }
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo(HEADER.copy().put("lots", new JsonArray()).encodePrettily() + "\n");
    }
}
