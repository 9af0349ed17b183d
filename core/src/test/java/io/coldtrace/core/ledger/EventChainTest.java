package io.coldtrace.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import com.fasterxml.jackson.databind.ObjectMapper;
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
    void jsonTextIsCanonicalisedAsTheValuesItHolds() {
        // a jsonb column hashed from its text, a map hashed from its values: one canonical form
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("z", Arrays.asList(1, new BigDecimal("2.50"), true, null, "制冷 \"a\\b\"\t\u0001"));
        values.put("a", Map.of("é", Map.of(), "e", Arrays.asList(), "E", false));
        values.put("m", -0.0);
        String text = "{\"m\": -0.0, \"a\": {\"e\": [], \"é\": {}, \"E\": false},"
                + " \"z\": [1, 2.5e0, true, null, \"制冷 \\\"a\\\\b\\\"\\t\\u0001\"]}";
        assertThat(EventChain.canonical(Map.of("body", new EventChain.Json(text))))
                .isEqualTo(EventChain.canonical(Map.of("body", values)))
                .isEqualTo("{\"body\":{\"a\":{\"E\":false,\"e\":[],\"é\":{}},\"m\":0,"
                        + "\"z\":[1,2.5,true,null,\"制冷 \\\"a\\\\b\\\"\\t\\u0001\"]}}");
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

    @Test
    void stringsAreEscapedExactlyAsJacksonWritesThem() throws Exception {
        // the chain's canonical text was Jackson's; every hash stored since must still verify
        ObjectMapper jackson = new ObjectMapper();
        StringBuilder every = new StringBuilder();
        for (char ch = 0; ch < Character.MAX_VALUE; ch++) {
            every.append(ch);
            String one = String.valueOf(ch);
            assertThat(quoted(one)).as("U+%04X", (int) ch).isEqualTo(jackson.writeValueAsString(one));
        }
        assertThat(quoted(every.toString())).isEqualTo(jackson.writeValueAsString(every.toString()));
        Random r = new Random(7);
        String alphabet = "ab\"\\\t\n\r\b\f\u0000\u001f\u007f\u2028猕猴桃\uD83C\uDF4E/";
        for (int n = 0; n < 2_000; n++) {
            StringBuilder s = new StringBuilder();
            for (int i = r.nextInt(12); i > 0; i--) {
                s.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            assertThat(quoted(s.toString())).isEqualTo(jackson.writeValueAsString(s.toString()));
        }
    }

    private static String quoted(String s) {
        StringBuilder out = new StringBuilder();
        EventChain.quote(out, s);
        return out.toString();
    }
}
