package io.coldtrace.api.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.TimeZone;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.postgresql.jdbc.TimestampUtils;

/** COPY's text format: what ends a field or a row is escaped, so is the escape; null is \N. */
class CopyStreamTest {
    private static final TimestampUtils TIMES = new TimestampUtils(true, () -> TimeZone.getTimeZone("UTC"));

    private static String field(Object v) {
        StringBuilder out = new StringBuilder();
        CopyStream.field(out, v, TIMES);
        return out.toString();
    }

    @Test
    void textKeepsEverythingButEscapesBackslashTabNewlineAndCarriageReturn() {
        assertThat(field("a\tb\nc\rd\\e")).isEqualTo("a\\tb\\nc\\rd\\\\e");
        // a JSON body's own escapes reach the server as they were; so does text that looks like COPY's null
        assertThat(field("{\"note\":\"\\\"x\\\"\\n\\u0041\"}")).isEqualTo("{\"note\":\"\\\\\"x\\\\\"\\\\n\\\\u0041\"}");
        assertThat(field("\\N")).isEqualTo("\\\\N");
        assertThat(field("\\.")).isEqualTo("\\\\.");
        assertThat(field("冷链 🍎 \u0001")).isEqualTo("冷链 🍎 \u0001");
    }

    @Test
    void valuesAreWrittenAsTheirBoundParametersWouldBe() {
        assertThat(field(null)).isEqualTo("\\N");
        assertThat(field(true) + field(false)).isEqualTo("tf");
        assertThat(field(new BigDecimal("8E+2"))).isEqualTo("800");
        assertThat(field(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(field(42L)).isEqualTo("42");
        UUID id = UUID.fromString("0e0b7f2c-1d2a-4d8b-9f00-00000000000a");
        assertThat(field(id)).isEqualTo("0e0b7f2c-1d2a-4d8b-9f00-00000000000a");
        assertThat(field(Instant.parse("2026-03-01T10:00:00.123456Z"))).isEqualTo("2026-03-01 10:00:00.123456+00");
        assertThatThrownBy(() -> field(new Object())).isInstanceOf(IllegalArgumentException.class);
    }
}
