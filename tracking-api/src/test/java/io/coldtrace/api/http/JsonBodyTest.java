package io.coldtrace.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Field readers of request bodies: types are checked, not coerced; every failure names its field. */
class JsonBodyTest {
    private static final Set<String> FIELDS = Set.of("s", "n", "i", "b", "t");

    private static JsonBody body(String json) {
        return JsonBody.of(new JsonObject(json), FIELDS);
    }

    private static ClientError error(Runnable r) {
        return catchThrowableOfType(ClientError.class, r::run);
    }

    @Test
    void readsEachTypeAndDefaultsAbsentOrNullFields() {
        JsonBody b = body("{\"s\":\"x\",\"n\":1.5,\"i\":1e3,\"b\":false,\"t\":\"2025-03-01T10:00:00+01:00\"}");
        assertThat(b.text("s", 5)).isEqualTo("x");
        assertThat(b.optNumber("n")).isEqualTo(1.5);
        assertThat(b.optInt("i")).isEqualTo(1000);
        assertThat(b.optBool("b", true)).isFalse();
        assertThat(b.optInstant("t")).isEqualTo(Instant.parse("2025-03-01T09:00:00Z"));
        JsonBody empty = body("{\"s\":null}");
        assertThat(empty.optText("s", 5, "d")).isEqualTo("d");
        assertThat(empty.optInt("i", 7)).isEqualTo(7);
        assertThat(empty.optInstant("t")).isNull();
    }

    @Test
    void wrongTypesAreNotCoerced() {
        assertThat(error(() -> body("{\"s\":5}").text("s", 5)).field()).isEqualTo("s");
        assertThat(error(() -> body("{\"n\":\"5\"}").optNumber("n")).getMessage()).isEqualTo("n must be a number");
        assertThat(error(() -> body("{\"i\":2.5}").optInt("i")).field()).isEqualTo("i");
        assertThat(error(() -> body("{\"i\":3000000000}").optInt("i")).field()).isEqualTo("i");
        assertThat(error(() -> body("{\"b\":\"true\"}").optBool("b", false)).field()).isEqualTo("b");
        assertThat(error(() -> body("{\"t\":\"yesterday\"}").optInstant("t")).getMessage()).contains("ISO-8601");
        assertThat(error(() -> body("{\"t\":\"2025-03-01T10:00:00\"}").optInstant("t")).field())
                .as("a time without offset is ambiguous").isEqualTo("t");
    }

    @Test
    void lengthsAreBoundedAndBlankIsMissing() {
        assertThat(error(() -> body("{\"s\":\"toolong\"}").text("s", 5)).getMessage())
                .isEqualTo("s must be 1..5 characters");
        assertThat(error(() -> body("{\"s\":\"  \"}").text("s", 5)).field()).isEqualTo("s");
        assertThat(error(() -> body("{}").text("s", 5)).getMessage()).isEqualTo("s is required");
    }

    @Test
    void unknownFieldsAre422NamingThem() {
        ClientError e = error(() -> body("{\"s\":\"x\",\"typo\":1}"));
        assertThat(e.status()).isEqualTo(422);
        assertThat(e.field()).isEqualTo("typo");
    }
}
