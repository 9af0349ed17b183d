package io.coldtrace.api.testing;

import io.coldtrace.core.telemetry.DeviceStatus;
import io.coldtrace.core.telemetry.Reading;
import io.coldtrace.core.telemetry.Topics;
import io.coldtrace.ingest.mqtt.Inbound;
import io.coldtrace.ingest.write.Decoded;
import io.coldtrace.ingest.write.TelemetryStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Ingest's write path (TelemetryStore, as its BatchWriter drives it) on a connection of its own, so that seeded
 * readings land with the rollups, latest values and device accounting a reporting device gets, with no copy of that
 * SQL here. Each reading travels as one message numbered by its epoch second unless the caller numbers a message;
 * alarms are not evaluated.
 */
final class Ingested implements AutoCloseable {
    /** Readings per transaction: large enough that seeding days of minute data takes a few commits. */
    private static final int BATCH = 5_000;

    private static final List<String> SILENT = List.of(
            "UPDATE device SET last_ingested_at = now() - ? * interval '1 second' WHERE id = ?",
            "UPDATE device_latest SET ingested_at = now() - ? * interval '1 second' WHERE device_id = ?");

    private final TelemetryStore store = new TelemetryStore();
    private final Connection c;

    Ingested(Connection c) throws SQLException {
        this.c = c;
        store.prepare(c);
    }

    Seeds.Device register(String extId, String siteHint) {
        try {
            return new Seeds.Device(store.ensureDevices(c, Map.of(extId, siteHint)).get(extId), extId, siteHint);
        } catch (SQLException e) {
            throw new IllegalStateException("registering " + extId + ": " + e.getMessage(), e);
        }
    }

    /** The retained status message of a device that came online now and reports every {@code intervalS}. */
    void online(Seeds.Device d, int intervalS) {
        Instant now = Instant.now();
        commit(d, List.of(new Decoded.Status(inbound(Topics.status(d.siteHint(), d.extId()), now), d.extId(),
                d.siteHint(), new DeviceStatus(DeviceStatus.State.ONLINE, now, intervalS, null))));
    }

    int write(Seeds.Device d, List<Reading> readings) {
        int stored = 0;
        List<Decoded> batch = new ArrayList<>();
        for (Reading r : readings) {
            batch.add(telemetry(d, r.ts().getEpochSecond(), List.of(r)));
            if (batch.size() == BATCH) {
                stored += commit(d, batch);
                batch.clear();
            }
        }
        return batch.isEmpty() ? stored : stored + commit(d, batch);
    }

    /** One message numbered {@code seq}, received when its last reading was taken. */
    int message(Seeds.Device d, long seq, List<Reading> readings) {
        return commit(d, List.of(telemetry(d, seq, readings)));
    }

    /**
     * Moves the time ingest last heard from the device (and stored its latest value) {@code ago} into the past, as
     * if it had gone silent then: nothing in production moves ingest's clock.
     */
    void silentFor(Seeds.Device d, Duration ago) {
        try {
            for (String sql : SILENT) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setLong(1, ago.toSeconds());
                    ps.setInt(2, d.id());
                    ps.executeUpdate();
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("ageing " + d.extId() + ": " + e.getMessage(), e);
        }
    }

    private static Decoded telemetry(Seeds.Device d, long seq, List<Reading> readings) {
        Instant last = readings.get(readings.size() - 1).ts();
        return new Decoded.Telemetry(inbound(Topics.telemetry(d.siteHint(), d.extId()), last), d.extId(),
                d.siteHint(), seq, readings, List.of());
    }

    private int commit(Seeds.Device d, List<Decoded> items) {
        try {
            return store.write(c, items, Map.of(d.extId(), d.id()), TelemetryStore.HookFactory.NONE);
        } catch (SQLException e) {
            throw new IllegalStateException("writing for " + d.extId() + ": " + e.getMessage(), e);
        }
    }

    private static Inbound inbound(String topic, Instant receivedAt) {
        return new Inbound(0, 0, 1, topic, new byte[0], receivedAt);
    }

    @Override
    public void close() throws SQLException {
        c.close();
    }
}
