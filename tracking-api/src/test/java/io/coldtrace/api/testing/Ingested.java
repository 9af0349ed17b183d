package io.coldtrace.api.testing;

import io.coldtrace.core.telemetry.DeviceStatus;
import io.coldtrace.core.telemetry.Reading;
import io.coldtrace.core.telemetry.Topics;
import io.coldtrace.ingest.mqtt.Inbound;
import io.coldtrace.ingest.write.Decoded;
import io.coldtrace.ingest.write.TelemetryStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Ingest's write path (TelemetryStore, as its BatchWriter drives it) on a connection of its own, so that seeded
 * readings land with the rollups, latest values and device accounting a reporting device gets, with no copy of that
 * SQL here. Each reading travels as one message numbered by its epoch second; alarms are not evaluated.
 */
final class Ingested implements AutoCloseable {
    /** Readings per transaction: large enough that seeding days of minute data takes a few commits. */
    private static final int BATCH = 5_000;

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
        String topic = Topics.telemetry(d.siteHint(), d.extId());
        int stored = 0;
        List<Decoded> batch = new ArrayList<>();
        for (Reading r : readings) {
            batch.add(new Decoded.Telemetry(inbound(topic, r.ts()), d.extId(), d.siteHint(), r.ts().getEpochSecond(),
                    List.of(r), List.of()));
            if (batch.size() == BATCH) {
                stored += commit(d, batch);
                batch.clear();
            }
        }
        return batch.isEmpty() ? stored : stored + commit(d, batch);
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
