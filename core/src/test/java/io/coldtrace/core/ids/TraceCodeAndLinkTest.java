package io.coldtrace.core.ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Trace codes are random, checked and forgiving to read; Digital Links follow domain.md §2. */
class TraceCodeAndLinkTest {
    @Test
    void aNewCodeIsSixteenRandomSymbolsAndACheckPrintedInGroups() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            TraceCode c = TraceCode.random();
            assertThat(c.value()).hasSize(17);
            assertThat(c.grouped()).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}-[0-9A-Z*~$=]");
            assertThat(TraceCode.parse(c.grouped())).isEqualTo(c);
            seen.add(c.value());
        }
        assertThat(seen).as("no repeats in 10,000 draws of 80 bits").hasSize(10_000);
    }

    @Test
    void aCodeIsReadForgivinglyButEveryMistypedCharacterIsCaught() {
        TraceCode c = TraceCode.random();
        String lower = c.grouped().toLowerCase().replace("-", " ");
        assertThat(TraceCode.parse(lower)).isEqualTo(c);
        String body = c.value().substring(0, 16);
        for (int i = 0; i < 16; i++) {
            for (char s : TraceCode.SYMBOLS.toCharArray()) {
                if (s != body.charAt(i)) {
                    String typo = body.substring(0, i) + s + body.substring(i + 1) + c.value().charAt(16);
                    assertThatThrownBy(() -> TraceCode.parse(typo)).as(typo).hasMessageContaining("not a trace code");
                }
            }
            if (i < 15 && body.charAt(i) != body.charAt(i + 1)) {
                String swap = body.substring(0, i) + body.charAt(i + 1) + body.charAt(i) + body.substring(i + 2)
                        + c.value().charAt(16);
                assertThatThrownBy(() -> TraceCode.parse(swap)).as(swap).isInstanceOf(IllegalArgumentException.class);
            }
        }
        assertThatThrownBy(() -> TraceCode.parse("ABC")).hasMessageContaining("not a trace code");
        assertThat(TraceCode.parse(c.value().replace('0', 'O').replace('1', 'I'))).isEqualTo(c);
    }

    @Test
    void aLotsLinkHasTheGtinIn14DigitsAndTheLotInItsPath() {
        assertThat(DigitalLink.of("https://example.com", "9780345418913", "ABC 1/2"))
                .isEqualTo("https://example.com/01/09780345418913/10/ABC%201%2F2");
        DigitalLink.Parsed p = DigitalLink.parse("https://example.com/01/09520123456788/10/ABC123");
        assertThat(p).isEqualTo(new DigitalLink.Parsed("09520123456788", "ABC123"));
        assertThat(DigitalLink.parse("/01/09520123456788/22/V1/10/A%2BB/21/7").lot()).isEqualTo("A+B");
        assertThat(DigitalLink.parse(DigitalLink.of("https://x.cn", "09520123456788", "a/b&c#d%e+f")).lot())
                .isEqualTo("a/b&c#d%e+f");
    }

    @Test
    void theInvalidVectorsAreRefusedWithTheirReason() {
        assertThatThrownBy(() -> DigitalLink.parse("https://example.com/01/09520123456788?10=ABC123"))
                .hasMessageContaining("not in the query");
        assertThatThrownBy(() -> DigitalLink.parse("https://example.com/01/01234567/21/12345/10/4512"))
                .hasMessageContaining("14 digits");
        assertThatThrownBy(() -> DigitalLink.parse("https://example.com/01/09520123456788/21/12345/10/4512"))
                .hasMessageContaining("out of order");
        assertThatThrownBy(() -> DigitalLink.parse("https://example.com/01/09520123456789/10/4512"))
                .hasMessageContaining("check digit");
    }
}
