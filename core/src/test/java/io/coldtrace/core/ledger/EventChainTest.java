package io.coldtrace.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventChainTest {
    @Test
    void keysAreSortedAtEveryLevelAndNullsKept() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", 1);
        m.put("a", Map.of("z", true, "y", "x"));
        m.put("c", null);
        assertThat(EventChain.canonical(m)).isEqualTo("{\"a\":{\"y\":\"x\",\"z\":true},\"b\":1,\"c\":null}");
    }

    @Test
    void jsonTextIsCanonicalisedTheSameWhateverItsSpelling() {
        // jsonb gives keys back in its own order and keeps the caller's spelling of numbers
        String a = EventChain.canonical(Map.of("body", new EventChain.Json(
                "{\"lots\": [{\"qty\": 1.50, \"uom\": \"kg\"}], \"n\": 1e3, \"z\": -0.0}")));
        String b = EventChain.canonical(Map.of("body", new EventChain.Json(
                "{\"z\":0,\"n\":1000,\"lots\":[{\"uom\":\"kg\",\"qty\":1.5}]}")));
        assertThat(a).isEqualTo(b).isEqualTo("{\"body\":{\"lots\":[{\"qty\":1.5,\"uom\":\"kg\"}],\"n\":1000,\"z\":0}}");
    }

    @Test
    void numbersAreCanonical() {
        assertThat(EventChain.canonical(Map.of("a", Arrays.asList(new BigDecimal("2.500"), 3.0, 7L, -0.0,
                new BigDecimal("1E+2")))))
                .isEqualTo("{\"a\":[2.5,3,7,0,100]}");
        assertThatThrownBy(() -> EventChain.canonical(Map.of("a", Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timesAreUtcMicrosecondsAndStringsEscaped() {
        Map<String, Object> m = new HashMap<>();
        m.put("t", Instant.parse("2025-03-01T10:00:00.123456789+08:00".replace("+08:00", "Z")));
        m.put("s", "猕猴桃 \"quoted\"\n");
        m.put("u", UUID.fromString("0E0B7F2C-1D2A-4D8B-9F00-00000000000A"));
        assertThat(EventChain.canonical(m)).isEqualTo("{\"s\":\"猕猴桃 \\\"quoted\\\"\\n\","
                + "\"t\":\"2025-03-01T10:00:00.123456Z\",\"u\":\"0e0b7f2c-1d2a-4d8b-9f00-00000000000a\"}");
    }

    @Test
    void theHashLinksToThePreviousOne() {
        // sha256("0"*64 + "{}"), computed with: printf '%064d{}' 0 | sha256sum
        String first = EventChain.hash(EventChain.GENESIS, "{}");
        assertThat(first).isEqualTo("5508d2b710e64bc470079e1b211d9c58e21011e59d0559e422345dc19d659a75");
        assertThat(EventChain.hash(first, "{}")).isNotEqualTo(first);
        assertThat(EventChain.hash(EventChain.GENESIS, "{\"a\":1}")).isNotEqualTo(first);
        assertThatThrownBy(() -> EventChain.hash("abc", "{}")).isInstanceOf(IllegalArgumentException.class);
    }
}
