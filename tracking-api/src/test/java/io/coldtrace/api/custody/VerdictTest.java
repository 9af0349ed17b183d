package io.coldtrace.api.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictTest {
    private static LegFigures figures(long n, double min, double max, double readMinutes, double above, double below,
                                      double covered) {
        return new LegFigures(n, min, max, (min + max) / 2, null, readMinutes, above, below, 0, 0, 0.0, n, covered,
                "raw", List.of(), List.of(), List.of());
    }

    @Test
    void keptWithinTheBandSaysTheRange() {
        Verdict v = Verdict.of(600, figures(60, 1.84, 3.87, 600, 0, 0, 600), 0.0, 8.0);
        assertThat(v.status()).isEqualTo("kept");
        assertThat(v.en()).isEqualTo("kept at 1.8–3.9 °C");
        assertThat(v.zh()).isEqualTo("保持在 1.8–3.9 °C");
    }

    @Test
    void anExcursionSaysHowLongAndThePeak() {
        Verdict v = Verdict.of(600, figures(60, 2.0, 9.1, 600, 42, 0, 600), 0.0, 8.0);
        assertThat(v.status()).isEqualTo("excursion");
        assertThat(v.en()).isEqualTo("above 8.0 °C for 42 min, peak 9.1 °C");
        assertThat(v.zh()).isEqualTo("高于 8.0 °C 共 42 分钟，最高 9.1 °C");
        Verdict cold = Verdict.of(600, figures(60, -0.8, 3.0, 600, 0, 20, 600), 0.0, 8.0);
        assertThat(cold.en()).isEqualTo("below 0.0 °C for 20 min, lowest −0.8 °C");
    }

    @Test
    void noReadingsIsNotMonitoredNeverOk() {
        Verdict v = Verdict.of(180, LegFigures.none(), 0.0, 8.0);
        assertThat(v.status()).isEqualTo("unmonitored");
        assertThat(v.en()).isEqualTo("not monitored for 3 h");
        assertThat(v.zh()).isEqualTo("3 小时未监测");
        assertThat(Verdict.of(3 * 1440, LegFigures.none(), 0.0, 8.0).en()).isEqualTo("not monitored for 3 days");
    }

    @Test
    void aLegWithAGapSaysSo() {
        Verdict v = Verdict.of(600, figures(40, 2.0, 3.0, 400, 0, 0, 600), 0.0, 8.0);
        assertThat(v.status()).isEqualTo("partial");
        assertThat(v.en()).isEqualTo("kept at 2.0–3.0 °C; no data for 3.3 h");
        assertThat(v.zh()).isEqualTo("保持在 2.0–3.0 °C；3.3 小时无数据");
    }
}
