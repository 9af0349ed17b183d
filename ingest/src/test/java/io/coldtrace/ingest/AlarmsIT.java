package io.coldtrace.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.core.telemetry.DeviceStatus;
import io.coldtrace.core.telemetry.Reading;
import io.coldtrace.core.testing.Await;
import io.coldtrace.core.testing.TestBroker;
import io.coldtrace.ingest.AlarmSeed.Chilled;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Alarm evaluation in the ingest write path, on the real broker and database (docs/alarms.md). */
class AlarmsIT {
    static IngestHarness h;

    @BeforeAll
    static void start() throws Exception {
        h = new IngestHarness(TestBroker.url()).with("COLDTRACE_ALARM_CLOCK_MS", "200").start();
    }

    @AfterAll
    static void stop() throws Exception {
        h.close();
    }

    /** Ten-minute-spaced room readings starting at {@code t0} with these air temperatures. */
    private static List<Reading> series(Instant t0, double... air) {
        List<Reading> rs = new ArrayList<>();
        for (int i = 0; i < air.length; i++) {
            rs.add(Reading.at(t0.plus(10L * i, ChronoUnit.MINUTES)).air(air[i]).door(false).defrost(false).build());
        }
        return rs;
    }

    private static String alarms(String unit) {
        return "SELECT count(*) FROM alarm WHERE unit_id = '" + unit + "'";
    }

    @Test
    void aBreachLongerThanTheDelayRaisesOneAlarmAtItsDeviceTimeAndRedeliveryRaisesNoSecond() throws Exception {
        AlarmSeed.unitWithDevice(h, "U1", "AL-1");
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(3, ChronoUnit.HOURS);
        List<Reading> rs = series(t0, 4.0, 8.5, 9.0, 9.5, 4.0, 3.5, 3.0, 3.0);
        try (TestDevice d = new TestDevice(h.mqttUrl, "site-a", "AL-1")) {
            d.send(0, rs);
            d.send(0, rs);
        }
        Await.until(Duration.ofSeconds(20), () -> h.count(alarms("U1") + " AND cleared_at IS NOT NULL") == 1,
                () -> h.count(alarms("U1")) + " alarms");
        h.one("SELECT * FROM alarm WHERE unit_id = 'U1'", r -> {
            assertThat(r.getString("rule")).isEqualTo("high");
            assertThat(r.getString("severity")).isEqualTo("warning");
            assertThat(r.getString("state")).isEqualTo("open");
            assertThat(r.getTimestamp("started_at").toInstant()).isEqualTo(t0.plus(10, ChronoUnit.MINUTES));
            assertThat(r.getTimestamp("raised_at").toInstant()).isEqualTo(t0.plus(20, ChronoUnit.MINUTES));
            assertThat(r.getFloat("peak_value")).isEqualTo(9.5f);
            return null;
        });
        assertThat(h.count("SELECT count(*) FROM alarm_event e JOIN alarm a ON a.id = e.alarm_id "
                + "WHERE a.unit_id = 'U1' AND e.action IN ('raised', 'cleared')")).isEqualTo(2);
        assertThat(h.count("SELECT count(*) FROM alarm_state WHERE unit_id = 'U1'")).isEqualTo(1);
    }

    @Test
    void ingestRestartedInTheMiddleOfABreachContinuesItAndRaisesOnce() throws Exception {
        AlarmSeed.unitWithDevice(h, "U2", "AL-2");
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(2, ChronoUnit.HOURS);
        List<Reading> rs = series(t0, 4.0, 9.0, 9.0, 9.0, 9.0);
        try (TestDevice d = new TestDevice(h.mqttUrl, "site-a", "AL-2")) {
            d.send(0, rs.subList(0, 2));
            Await.until(Duration.ofSeconds(20), () -> h.count("SELECT count(*) FROM alarm_state WHERE unit_id = 'U2'") == 1,
                    () -> "state not saved");
            h.stopIngest();
            h.start();
            d.send(1, rs.subList(2, 5));
        }
        Await.until(Duration.ofSeconds(20), () -> h.count(alarms("U2")) == 1, () -> h.count(alarms("U2")) + " alarms");
        Instant started = h.one("SELECT started_at FROM alarm WHERE unit_id = 'U2'", r -> r.getTimestamp(1).toInstant());
        assertThat(started).isEqualTo(t0.plus(10, ChronoUnit.MINUTES));
    }

    @Test
    void stoppingIngestEndsItsAlarmEvaluatorThread() throws Exception {
        AlarmSeed.unitWithDevice(h, "U7", "AL-7");
        try (TestDevice d = new TestDevice(h.mqttUrl, "site-a", "AL-7")) {
            d.send(0, series(Instant.now().minus(1, ChronoUnit.HOURS), 3.0));
        }
        Await.until(Duration.ofSeconds(20), () -> h.count("SELECT count(*) FROM alarm_state WHERE unit_id = 'U7'") == 1,
                () -> "state not saved");
        // the pool starts its thread on the first evaluation, so one exists now; every earlier ingest was stopped
        List<Thread> evaluators = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("ingest-alarm-evaluator")).toList();
        assertThat(evaluators).isNotEmpty();
        h.stopIngest();
        for (Thread t : evaluators) {
            t.join(5_000);
        }
        assertThat(evaluators).noneMatch(Thread::isAlive);
        h.start();
    }

    @Test
    void lateReadingsOlderThanTheEvaluatedFrontRaiseNothing() throws Exception {
        AlarmSeed.unitWithDevice(h, "U3", "AL-3");
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(2, ChronoUnit.HOURS);
        try (TestDevice d = new TestDevice(h.mqttUrl, "site-a", "AL-3")) {
            d.send(5, series(t0.plus(60, ChronoUnit.MINUTES), 3.0, 3.0));
            Await.until(Duration.ofSeconds(20), () -> h.count("SELECT count(*) FROM alarm_state WHERE unit_id = 'U3'") == 1,
                    () -> "state not saved");
            d.send(1, series(t0, 15.0, 15.0, 15.0, 15.0));
        }
        Await.until(Duration.ofSeconds(20), () -> h.count("SELECT readings FROM device WHERE ext_id = 'AL-3'") == 6,
                () -> "late readings not stored");
        assertThat(h.count(alarms("U3"))).isZero();
    }

    @Test
    void aSilentDeviceRaisesOfflineOnTimeAndDataClearsIt() throws Exception {
        AlarmSeed.unitWithDevice(h, "U4", "AL-4", Chilled.DEFAULT.withOfflineFactor(2));
        try (TestDevice d = new TestDevice(h.mqttUrl, "site-a", "AL-4")) {
            d.status(new DeviceStatus(DeviceStatus.State.ONLINE, Instant.now(), 1, null));
            d.send(0, List.of(Reading.at(Instant.now()).air(3.0).build()));
            Await.until(Duration.ofSeconds(20), () -> h.count(alarms("U4") + " AND rule = 'offline'") == 1,
                    () -> "no offline alarm");
            Instant lastIn = h.one("SELECT last_ingested_at FROM device WHERE ext_id = 'AL-4'",
                    r -> r.getTimestamp(1).toInstant());
            Instant raised = h.one("SELECT raised_at FROM alarm WHERE unit_id = 'U4'", r -> r.getTimestamp(1).toInstant());
            assertThat(Duration.between(lastIn, raised)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(5));
            d.send(1, List.of(Reading.at(Instant.now()).air(3.0).build()));
        }
        Await.until(Duration.ofSeconds(20), () -> h.count(alarms("U4") + " AND cleared_at IS NOT NULL") == 1,
                () -> "offline not cleared");
    }

    @Test
    void anAlarmNobodyAcknowledgesIsEscalated() throws Exception {
        AlarmSeed.unitWithDevice(h, "U5", "AL-5", Chilled.DEFAULT.withEscalation(1).withWarnDelay(0));
        try (TestDevice d = new TestDevice(h.mqttUrl, "site-a", "AL-5")) {
            d.send(0, series(Instant.now().minus(30, ChronoUnit.MINUTES), 9.0, 9.0));
        }
        Await.until(Duration.ofSeconds(20), () -> h.count(alarms("U5") + " AND escalated_at IS NOT NULL") == 1,
                () -> "not escalated");
        assertThat(h.count("SELECT count(*) FROM alarm_event e JOIN alarm a ON a.id = e.alarm_id "
                + "WHERE a.unit_id = 'U5' AND e.action = 'escalated'")).isEqualTo(1);
    }

    @Test
    void cumulativeTimeBeyondTheLimitAddsUpAcrossBreachesAndResolvingStartsItAfresh() throws Exception {
        AlarmSeed.unitWithDevice(h, "U6", "AL-6",
                Chilled.DEFAULT.cumulative().withWarnDelay(1200).withClearDelay(0));
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(5, ChronoUnit.HOURS);
        try (TestDevice d = new TestDevice(h.mqttUrl, "site-a", "AL-6")) {
            // two 10-minute breaches separated by a normal spell: 20 minutes in total
            d.send(0, series(t0, 9.0, 9.0, 3.0, 3.0, 9.0, 9.0, 3.0));
            Await.until(Duration.ofSeconds(20), () -> h.count(alarms("U6")) == 1, () -> "no cumulative alarm");
            Instant raised = h.one("SELECT raised_at FROM alarm WHERE unit_id = 'U6'", r -> r.getTimestamp(1).toInstant());
            assertThat(raised).isEqualTo(t0.plus(50, ChronoUnit.MINUTES));
            AlarmSeed.resolve(h, "U6", "qa");
            // after the resolution another 10-minute breach is not enough
            d.send(1, series(t0.plus(2, ChronoUnit.HOURS), 9.0, 9.0, 3.0));
            Await.until(Duration.ofSeconds(20), () -> h.count("SELECT count(*) FROM alarm WHERE unit_id = 'U6' "
                    + "AND engine_reset") == 1, () -> "resolution not applied");
            assertThat(h.count(alarms("U6"))).isEqualTo(1);
            d.send(2, series(t0.plus(3, ChronoUnit.HOURS), 9.0, 9.0));
        }
        Await.until(Duration.ofSeconds(20), () -> h.count(alarms("U6")) == 2, () -> h.count(alarms("U6")) + " alarms");
    }
}
