package io.coldtrace.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.core.telemetry.DeviceStatus;
import io.coldtrace.core.telemetry.Reading;
import io.coldtrace.core.testing.Await;
import io.coldtrace.core.testing.TestBroker;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RoundTripIT {
    static IngestHarness h;

    @BeforeAll
    static void start() throws Exception {
        h = new IngestHarness(TestBroker.url()).start();
    }

    @AfterAll
    static void stop() throws Exception {
        h.close();
    }

    @Test
    void everyChannelOfEveryReadingLandsWithItsDeviceTimeAndFeedsRollupsAndLatest() throws Exception {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(10, ChronoUnit.MINUTES);
        try (TestDevice truck = new TestDevice(h.mqttUrl, "site-a", "RT-TRUCK-1")) {
            Reading full = Reading.at(t0.plusSeconds(5)).air(3.5).product(4.25).rh(91.0).door(true).setpoint(2.0)
                    .defrost(false).compressor(true).battery(77.5).position(31.2304, 121.4737, 62.0).build();
            Reading second = Reading.at(t0.plusSeconds(35)).air(4.5).product(4.0).build();
            Reading later = Reading.at(t0.plusSeconds(65)).air(5.0).build();
            truck.send(0, List.of(full, second));
            truck.send(1, List.of(later));
        }
        String rows = "SELECT count(*) FROM telemetry t JOIN device d ON d.id = t.device_id WHERE d.ext_id = 'RT-TRUCK-1'";
        Await.until(Duration.ofSeconds(20), () -> h.count(rows) == 3, () -> h.count(rows) + " rows");

        h.one("SELECT t.* FROM telemetry t JOIN device d ON d.id = t.device_id "
                + "WHERE d.ext_id = 'RT-TRUCK-1' AND t.ts = '" + t0.plusSeconds(5) + "'", rs -> {
                    assertThat(rs.getFloat("t_air")).isEqualTo(3.5f);
                    assertThat(rs.getFloat("t_product")).isEqualTo(4.25f);
                    assertThat(rs.getObject("t_return")).isNull();
                    assertThat(rs.getFloat("rh")).isEqualTo(91f);
                    assertThat(rs.getBoolean("door_open")).isTrue();
                    assertThat(rs.getBoolean("compressor_on")).isTrue();
                    assertThat(rs.getFloat("battery")).isEqualTo(77.5f);
                    assertThat(rs.getDouble("lat")).isEqualTo(31.2304);
                    assertThat(rs.getDouble("lon")).isEqualTo(121.4737);
                    assertThat(rs.getFloat("speed")).isEqualTo(62f);
                    assertThat(rs.getLong("seq")).isZero();
                    return null;
                });
        // minute rollup of the first minute: two readings, air 3.5 and 4.5
        h.one("SELECT r.* FROM telemetry_1m r JOIN device d ON d.id = r.device_id WHERE d.ext_id = 'RT-TRUCK-1' "
                + "AND r.bucket = '" + t0 + "'", rs -> {
                    assertThat(rs.getInt("n")).isEqualTo(2);
                    assertThat(rs.getFloat("air_min")).isEqualTo(3.5f);
                    assertThat(rs.getFloat("air_max")).isEqualTo(4.5f);
                    assertThat(rs.getDouble("air_sum") / rs.getInt("air_n")).isEqualTo(4.0);
                    assertThat(rs.getInt("door_open_n")).isEqualTo(1);
                    return null;
                });
        assertThat(h.count("SELECT sum(n) FROM telemetry_1h r JOIN device d ON d.id = r.device_id "
                + "WHERE d.ext_id = 'RT-TRUCK-1'")).isEqualTo(3);
        h.one("SELECT l.ts, l.t_air, l.seq FROM device_latest l JOIN device d ON d.id = l.device_id "
                + "WHERE d.ext_id = 'RT-TRUCK-1'", rs -> {
                    assertThat(rs.getTimestamp(1).toInstant()).isEqualTo(t0.plusSeconds(65));
                    assertThat(rs.getFloat(2)).isEqualTo(5.0f);
                    assertThat(rs.getLong(3)).isEqualTo(1);
                    return null;
                });
    }

    @Test
    void unknownDevicesAreStoredListedAsUnclaimedAndTheirStatusIsKept() throws Exception {
        try (TestDevice d = new TestDevice(h.mqttUrl, "site-b", "RT-NEW-7")) {
            d.status(new DeviceStatus(DeviceStatus.State.ONLINE, Instant.now(), 300, "2.1.0"));
            d.send(0, List.of(TestDevice.room(Instant.now().minusSeconds(30), 1.5)));
        }
        Await.until(Duration.ofSeconds(20), () -> h.count("SELECT count(*) FROM device WHERE ext_id = 'RT-NEW-7' "
                + "AND status = 'online' AND readings = 1") == 1, () -> "device RT-NEW-7 not complete yet");
        assertThat(h.count("SELECT count(*) FROM device_unclaimed WHERE ext_id = 'RT-NEW-7'")).isEqualTo(1);
        assertThat(h.count("SELECT report_interval_s FROM device WHERE ext_id = 'RT-NEW-7'")).isEqualTo(300);
        String site = h.one("SELECT site_hint FROM device WHERE ext_id = 'RT-NEW-7'", rs -> rs.getString(1));
        assertThat(site).isEqualTo("site-b");
    }

    @Test
    void sequenceGapsAreCountedPerDevice() throws Exception {
        Instant t = Instant.now().minusSeconds(120);
        try (TestDevice d = new TestDevice(h.mqttUrl, "site-a", "RT-GAPPY")) {
            for (long seq : new long[] {10, 11, 14, 15, 19}) {
                d.send(seq, List.of(TestDevice.room(t.plusSeconds(seq), 2.0)));
            }
        }
        Await.until(Duration.ofSeconds(20), () -> h.count("SELECT msgs FROM device WHERE ext_id = 'RT-GAPPY'") == 5,
                () -> "RT-GAPPY messages");
        assertThat(h.count("SELECT missing_msgs FROM device_completeness WHERE ext_id = 'RT-GAPPY'")).isEqualTo(5);
    }
}
