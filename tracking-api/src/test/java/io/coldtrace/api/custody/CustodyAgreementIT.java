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
 * Long legs read the minute rollups: their MKT stays within 0.1 °C, and the shelf life they give within 1 %, of the
 * same computation on every raw reading (issue 7 §3), on a leg of three days of 30-second readings that swing through
 * a compressor cycle every 40 minutes and a two-hour excursion to 12 °C.
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
        w.harvest("B1", 100, T0);
        w.pack("B1", 100, "L1", 100, "r1", T0);
        w.to("move", "r2", T0.plus(Duration.ofDays(3)), item("L1", 100));
        String id = api.seeds().lotId("agree", "L1");

        try (Connection c = DriverManager.getConnection(api.db().url(), api.db().user(), api.db().password())) {
            Instant now = Instant.now();
            Custody.Report raw = Custody.of(c, Visibility.ALL, id, now, CustodyQueries.Source.RAW).orElseThrow();
            Custody.Report rollup = Custody.of(c, Visibility.ALL, id, now, CustodyQueries.Source.ROLLUP_1M)
                    .orElseThrow();
            Custody.LegReport rawLeg = raw.legs().stream().filter(l -> l.leg().placeId().equals("agree-r1"))
                    .findFirst().orElseThrow();
            Custody.LegReport rollLeg = rollup.legs().stream().filter(l -> l.leg().placeId().equals("agree-r1"))
                    .findFirst().orElseThrow();
            assertThat(rawLeg.figures().readings()).isEqualTo(3 * 24 * 120);
            assertThat(rollLeg.figures().source()).isEqualTo("rollup_1m");
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
                    .orElseThrow().figures().source()).isEqualTo("rollup_1m");
        }
    }
}
