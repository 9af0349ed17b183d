package io.coldtrace.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.core.testing.Await;
import java.time.Duration;

/** Checks a finished {@link TestStream} against the database: nothing lost, nothing counted twice. */
final class Reconcile {
    private Reconcile() {
    }

    static void streamFullyStored(IngestHarness h, TestStream s, Duration timeout) {
        String where = " FROM telemetry t JOIN device d ON d.id = t.device_id WHERE d.ext_id LIKE '" + s.prefix + "%'";
        Await.until(timeout, () -> h.count("SELECT count(*)" + where) >= s.expectedReadings(),
                () -> h.count("SELECT count(*)" + where) + " of " + s.expectedReadings() + " readings");
        String dev = " FROM device WHERE ext_id LIKE '" + s.prefix + "%'";
        assertThat(h.count("SELECT count(*)" + where)).as("readings stored").isEqualTo(s.expectedReadings());
        // every (device, seq) holds exactly its readings: none lost, none twice
        assertThat(h.count("SELECT count(*) FROM (SELECT t.device_id, t.seq, count(*) AS n" + where
                + " GROUP BY 1, 2) x WHERE n <> " + s.readingsPerMessage)).as("messages with wrong reading count")
                .isZero();
        assertThat(h.count("SELECT count(DISTINCT (t.device_id, t.seq))" + where))
                .isEqualTo((long) s.devices * s.messages);
        assertThat(h.count("SELECT count(*)" + dev)).isEqualTo(s.devices);
        assertThat(h.count("SELECT sum(msgs)" + dev)).as("device.msgs (counted once per message)")
                .isEqualTo((long) s.devices * s.messages);
        assertThat(h.count("SELECT sum(readings)" + dev)).isEqualTo(s.expectedReadings());
        assertThat(h.count("SELECT sum(missing_msgs) FROM device_completeness WHERE ext_id LIKE '" + s.prefix + "%'"))
                .isZero();
        assertThat(h.count("SELECT sum(r.n) FROM telemetry_1m r JOIN device d ON d.id = r.device_id "
                + "WHERE d.ext_id LIKE '" + s.prefix + "%'")).as("minute rollups count each reading once")
                .isEqualTo(s.expectedReadings());
        assertThat(h.count("SELECT sum(r.n) FROM telemetry_1h r JOIN device d ON d.id = r.device_id "
                + "WHERE d.ext_id LIKE '" + s.prefix + "%'")).as("hour rollups count each reading once")
                .isEqualTo(s.expectedReadings());
    }
}
