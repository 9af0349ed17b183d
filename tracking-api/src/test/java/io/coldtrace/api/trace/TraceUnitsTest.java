package io.coldtrace.api.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The buyer page's small parts: client address behind proxies, user-agent classes, places, language, rate limit. */
class TraceUnitsTest {
    private static final Set<String> PROXY = Set.of("10.0.0.2");

    @Test
    void xForwardedForCountsOnlyFromATrustedProxy() {
        // straight from the client: its header is ignored, whatever it claims
        assertThat(Client.address("198.51.100.1", "1.2.3.4", Set.of())).isEqualTo("198.51.100.1");
        assertThat(Client.address("198.51.100.1", "1.2.3.4", PROXY)).isEqualTo("198.51.100.1");
        // through the proxy: the hop it added; what the client put further left is not believed
        assertThat(Client.address("10.0.0.2", "6.6.6.6, 198.51.100.1", PROXY)).isEqualTo("198.51.100.1");
        assertThat(Client.address("10.0.0.2", "198.51.100.1, 10.0.0.2", PROXY)).isEqualTo("198.51.100.1");
        assertThat(Client.address("10.0.0.2", null, PROXY)).isEqualTo("10.0.0.2");
    }

    @Test
    void userAgentsFallIntoFiveClasses() {
        assertThat(Client.kind("Mozilla/5.0 (Linux; Android 12) Mobile Safari MicroMessenger/8.0.42")).isEqualTo("wechat");
        assertThat(Client.kind("Mozilla/5.0 (iPhone) AlipayClient/10.5.20")).isEqualTo("alipay");
        assertThat(Client.kind("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) Mobile/15E148 Safari")).isEqualTo("other_mobile");
        assertThat(Client.kind("Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120 Safari/537.36")).isEqualTo("desktop");
        assertThat(Client.kind("Mozilla/5.0 (compatible; Baiduspider/2.0)")).isEqualTo("bot");
        assertThat(Client.kind("curl/8.5")).isEqualTo("bot");
        assertThat(Client.kind(null)).isEqualTo("bot");
    }

    @Test
    void placesAreCutCleanedAndPercentDecoded() {
        assertThat(Client.place("%E5%8C%97%E4%BA%AC%E5%B8%82")).isEqualTo("北京市");
        assertThat(Client.place("CN-GD Zhuhai\n")).isEqualTo("CN-GD Zhuhai");
        assertThat(Client.place("x".repeat(100))).hasSize(64);
        assertThat(Client.place(" ")).isNull();
        assertThat(Client.place("unknown")).isNull();
        assertThat(Client.place("100%")).isEqualTo("100%");
    }

    @Test
    void chineseUnlessEnglishComesFirst() {
        assertThat(Lang.fromAcceptLanguage(null)).isEqualTo(Lang.ZH);
        assertThat(Lang.fromAcceptLanguage("en-US,en;q=0.9,zh-CN;q=0.8")).isEqualTo(Lang.EN);
        assertThat(Lang.fromAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8")).isEqualTo(Lang.ZH);
        assertThat(Lang.fromAcceptLanguage("fr-FR,en;q=0.5")).isEqualTo(Lang.EN);
        assertThat(Lang.fromAcceptLanguage("fr-FR,de;q=0.5")).isEqualTo(Lang.ZH);
        assertThat(Lang.fromAcceptLanguage("zh;q=0.3,en;q=0.7")).isEqualTo(Lang.EN);
    }

    @Test
    void aBucketRefillsAtItsRateAndSaysWhenToComeBack() {
        RateLimiter limiter = new RateLimiter(3, 60);
        long t = 1_000_000_000L;
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.take("a", t)).isZero();
        }
        assertThat(limiter.take("a", t)).isEqualTo(1);
        assertThat(limiter.take("b", t)).as("another address has its own bucket").isZero();
        assertThat(limiter.take("a", t + 1_000_000_000L)).as("one token a second").isZero();
        assertThat(limiter.take("a", t + 1_000_000_000L)).isEqualTo(1);
        limiter.sweep(t + 10_000_000_000L);
        assertThat(limiter.clients()).as("full buckets are forgotten").isZero();
    }

    @Test
    void chartCoordinatesAreWrittenAsFormatWouldToOneDecimal() {
        // the chart's numbers are appended without a Formatter (it cost the page most of its CPU): same text as %.1f
        // without a trailing ".0", over the chart's range and beyond, including halves and negatives
        java.util.Random r = new java.util.Random(7);
        for (int i = 0; i < 20_000; i++) {
            double v = i < 4000 ? (i - 2000) / 20.0 : (r.nextDouble() - 0.2) * 400;
            String expected = String.format(java.util.Locale.ROOT, "%.1f", v).replace(".0", "");
            assertThat(TraceChart.num(v)).as("%s", v).isEqualTo(expected.equals("-0") ? "0" : expected);
        }
        assertThat(TraceChart.num(316)).isEqualTo("316");
        assertThat(TraceChart.num(87.96)).isEqualTo("88");
        assertThat(TraceChart.num(-3.25)).isEqualTo("-3.3");
    }
}
