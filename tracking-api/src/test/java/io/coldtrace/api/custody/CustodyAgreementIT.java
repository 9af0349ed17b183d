package io.coldtrace.api.custody;

import static io.coldtrace.api.events.LotChain.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.events.LotChain;
import io.coldtrace.api.testing.Seeds;
import io.coldtrace.api.testing.TestApi;
import io.coldtrace.core.telemetry.Reading;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Long legs read the rollups: their MKT stays within 0.1 °C, and the shelf life they give within 1 %, of the same
 * computation on every raw reading (issue 7 §3). Once on a leg of three days of 30-second readings that swing through
 * a compressor cycle every 40 minutes (no hour is calm enough to be read whole) with a two-hour excursion to 12 °C;
 * once on a leg of 1-minute readings that swing slowly (almost every hour read whole from the hour rollups) with a
 * short excursion and a gap, for a product whose life is very sensitive to temperature (Q10 = 4).
 */
class CustodyAgreementIT {
    private static TestApi api;
    private static final Instant T0 = Instant.now().minus(Duration.ofDays(5)).truncatedTo(ChronoUnit.HOURS);

    @BeforeAll
    static void start() {
        api = TestApi.start("custody-agreement");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void rollupFiguresAgreeWithRawFigures() throws Exception {
        LotChain w = new LotChain(api, "agree");
        Seeds.Device d = api.seeds().device("agree-d", "agree-o", 30);
        api.seeds().bind(d, "agree-r1", T0.minus(Duration.ofHours(1)), null);
        Instant from = T0.minus(Duration.ofHours(1));
        Instant to = T0.plus(Duration.ofDays(3)).plus(Duration.ofHours(1));
        Instant spike = T0.plus(Duration.ofHours(30));
        List<Reading> readings = Seeds.every(from, to, Duration.ofSeconds(30)).map(t -> {
            double minutes = Duration.between(T0, t).getSeconds() / 60.0;
            double c = 3.5 + 1.8 * Math.sin(2 * Math.PI * minutes / 40);
            if (!t.isBefore(spike) && t.isBefore(spike.plus(Duration.ofHours(2)))) {
                c = 12.0 + 0.5 * Math.sin(minutes);
            }
            return Reading.at(t).air(c).build();
        }).toList();
        api.seeds().readings(d, readings);
        String id = threeDaysInR1(w);

        try (Connection c = DriverManager.getConnection(api.db().url(), api.db().user(), api.db().password())) {
            Instant now = Instant.now();
            Custody.Report raw = report(c, id, now, CustodyQueries.Source.RAW);
            Custody.Report rollup = report(c, id, now, CustodyQueries.Source.ROLLUP);
            Custody.LegReport rawLeg = leg(raw, "agree-r1");
            Custody.LegReport rollLeg = leg(rollup, "agree-r1");
            assertThat(rawLeg.figures().readings()).isEqualTo(3 * 24 * 120);
            assertThat(rollLeg.figures().source()).isEqualTo("rollup");
            assertThat(rollLeg.figures().mktC()).isCloseTo(rawLeg.figures().mktC(), within(0.1));
            assertThat(rollLeg.figures().maxC()).isCloseTo(rawLeg.figures().maxC(), within(0.001));
            assertThat(rollLeg.figures().aboveMinutes()).isCloseTo(rawLeg.figures().aboveMinutes(), within(2.0));
            assertThat(rollup.shelfLife().usedFraction())
                    .isCloseTo(raw.shelfLife().usedFraction(), within(0.01 * raw.shelfLife().usedFraction()));
            assertThat(rollup.shelfLife().remainingDays())
                    .isCloseTo(raw.shelfLife().remainingDays(), within(0.01 * raw.shelfLife().remainingDays()));
            // and a three-day leg takes the rollups by default
            Custody.Report auto = Custody.of(c, Visibility.ALL, id, now).orElseThrow();
            assertThat(auto.legs().stream().filter(l -> l.leg().placeId().equals("agree-r1")).findFirst()
                    .orElseThrow().figures().source()).isEqualTo("rollup");
        }
    }

    @Test
    void wholeHoursFromTheHourRollupsAgreeWithRawFigures() throws Exception {
        LotChain w = new LotChain(api, "agreeh");
        api.sql("UPDATE product SET q10 = 4 WHERE id = 'agreeh-cabbage'");
        Seeds.Device d = api.seeds().device("agreeh-d", "agreeh-o", 60);
        Instant from = T0.minus(Duration.ofHours(1));
        api.seeds().bind(d, "agreeh-r1", from, null);
        Instant excursion = T0.plus(Duration.ofMinutes(30 * 60 + 10));
        Instant gap = T0.plus(Duration.ofMinutes(50 * 60 + 20));
        List<Reading> readings = Seeds.every(from, T0.plus(Duration.ofDays(3)).plus(Duration.ofHours(1)),
                Duration.ofMinutes(1)).filter(t -> t.isBefore(gap) || !t.isBefore(gap.plus(Duration.ofMinutes(20))))
                .map(t -> {
                    double hours = Duration.between(T0, t).getSeconds() / 3600.0;
                    // a 6-hour swing of ±1.4 °C: at most 1.4 °C within any hour
                    double c = 3.0 + 1.4 * Math.sin(2 * Math.PI * hours / 6);
                    if (!t.isBefore(excursion) && t.isBefore(excursion.plus(Duration.ofMinutes(50)))) {
                        c = 9.5;
                    }
                    return Reading.at(t).air(c).build();
                }).toList();
        api.seeds().readings(d, readings);
        String id = threeDaysInR1(w);

        try (Connection c = DriverManager.getConnection(api.db().url(), api.db().user(), api.db().password())) {
            Instant now = Instant.now();
            Custody.Report raw = report(c, id, now, CustodyQueries.Source.RAW);
            Custody.Report rollup = report(c, id, now, CustodyQueries.Source.ROLLUP);
            LegFigures r = leg(raw, "agreeh-r1").figures();
            LegFigures h = leg(rollup, "agreeh-r1").figures();
            assertThat(r.readings()).isEqualTo(3 * 24 * 60 - 20);
            assertThat(h.readings()).isEqualTo(r.readings());
            assertThat(h.expectedReadings()).isEqualTo(r.expectedReadings());
            assertThat(h.mktC()).isCloseTo(r.mktC(), within(0.1));
            assertThat(h.meanC()).isCloseTo(r.meanC(), within(0.05));
            assertThat(h.minC()).isCloseTo(r.minC(), within(0.001));
            assertThat(h.maxC()).isCloseTo(9.5, within(0.001));
            // beyond the band, the minutes are read: the same figures, the same excursion, the same gap
            assertThat(r.aboveMinutes()).isCloseTo(50, within(1.0));
            assertThat(h.aboveMinutes()).isCloseTo(r.aboveMinutes(), within(1.0));
            assertThat(h.degreeMinutesAbove()).isCloseTo(r.degreeMinutesAbove(), within(10.0));
            assertThat(r.excursions()).hasSize(1);
            assertThat(h.excursions()).isEqualTo(r.excursions());
            assertThat(r.gaps()).hasSize(1);
            assertThat(h.gaps()).isEqualTo(r.gaps());
            assertThat(rollup.shelfLife().usedFraction())
                    .isCloseTo(raw.shelfLife().usedFraction(), within(0.01 * raw.shelfLife().usedFraction()));

            // and whole hours really are read from the hour rollups: an hour's mean moved there moves the figure
            api.sql("UPDATE telemetry_1h SET air_sum = air_max * air_n WHERE device_id = ? AND bucket = ?",
                    d.id(), java.sql.Timestamp.from(T0.plus(Duration.ofHours(10))));
            LegFigures moved = leg(report(c, id, now, CustodyQueries.Source.ROLLUP), "agreeh-r1").figures();
            assertThat(moved.meanC()).isGreaterThan(h.meanC() + 0.1 / (3 * 24));
            assertThat(leg(report(c, id, now, CustodyQueries.Source.RAW), "agreeh-r1").figures().meanC())
                    .isEqualTo(r.meanC());
        }
    }

    /** Lot L1 packed into r1 at T0 and moved to r2 three days later; its id. */
    private static String threeDaysInR1(LotChain w) {
        w.harvest("B1", 100, T0);
        w.pack("B1", 100, "L1", 100, "r1", T0);
        w.to("move", "r2", T0.plus(Duration.ofDays(3)), item("L1", 100));
        return api.seeds().lotId(w.org, "L1");
    }

    private static Custody.Report report(Connection c, String id, Instant now, CustodyQueries.Source source)
            throws java.sql.SQLException {
        return Custody.of(c, Visibility.ALL, id, now, source).orElseThrow();
    }

    private static Custody.LegReport leg(Custody.Report report, String unit) {
        return report.legs().stream().filter(l -> l.leg().placeId().equals(unit)).findFirst().orElseThrow();
    }
}
