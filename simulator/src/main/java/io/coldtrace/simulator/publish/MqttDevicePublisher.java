package io.coldtrace.simulator.publish;

import io.coldtrace.core.telemetry.DeviceStatus;
import io.coldtrace.core.telemetry.TelemetryCodec;
import io.coldtrace.core.telemetry.Topics;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Publishes simulated devices to a broker like real loggers do: one MQTT connection per device, whose last will is a
 * retained offline status, and a retained online status (with the reporting interval) right after connecting.
 */
public final class MqttDevicePublisher implements AutoCloseable {
    private static final String FIRMWARE = "coldtrace-sim-1";
    private static final int MAX_INFLIGHT = 1_000;

    private final String url;
    private final TelemetryCodec codec;
    private final Clock clock;
    private final Map<String, Device> devices = new LinkedHashMap<>();
    private final AtomicLong failed = new AtomicLong();

    private record Device(MqttAsyncClient client, String statusTopic, int intervalS) {
    }

    public MqttDevicePublisher(String url, TelemetryCodec codec, Clock clock) {
        this.url = url;
        this.codec = codec;
        this.clock = clock;
    }

    /** Connects a device and announces it online; its will announces it offline if the connection dies. */
    public void connect(String site, String deviceId, int intervalS) throws MqttException {
        String statusTopic = Topics.status(site, deviceId);
        MqttAsyncClient c = new MqttAsyncClient(url, "coldtrace-sim-" + deviceId, new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setMaxInflight(MAX_INFLIGHT);
        o.setAutomaticReconnect(true);
        o.setKeepAliveInterval(30);
        o.setWill(statusTopic, status(DeviceStatus.State.OFFLINE, intervalS), 1, true);
        c.connect(o).waitForCompletion(15_000);
        c.publish(statusTopic, status(DeviceStatus.State.ONLINE, intervalS), 1, true).waitForCompletion(15_000);
        devices.put(deviceId, new Device(c, statusTopic, intervalS));
    }

    private byte[] status(DeviceStatus.State state, int intervalS) {
        return codec.encode(new DeviceStatus(state, clock.instant(), intervalS, FIRMWARE));
    }

    /** Publishes with QoS 1; when the in-flight window is full it waits for acknowledgements instead of dropping. */
    public void publish(Publication p) {
        Device d = devices.get(p.deviceId());
        if (d == null) {
            throw new IllegalStateException("device " + p.deviceId() + " is not connected");
        }
        while (true) {
            try {
                d.client().publish(p.topic(), p.payload(), 1, p.retained());
                return;
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttException.REASON_CODE_MAX_INFLIGHT
                        && e.getReasonCode() != MqttException.REASON_CODE_CLIENT_NOT_CONNECTED) {
                    failed.incrementAndGet();
                    return;
                }
                LockSupport.parkNanos(1_000_000); // window full or reconnecting: wait, do not drop
            }
        }
    }

    /** Publishes that failed for a reason other than a full window. */
    public long failed() {
        return failed.get();
    }

    /** Announces every device offline (a clean disconnect sends no will) and disconnects. */
    @Override
    public void close() {
        for (Device d : devices.values()) {
            try {
                d.client().publish(d.statusTopic(), status(DeviceStatus.State.OFFLINE, d.intervalS()), 1, true)
                        .waitForCompletion(5_000);
                d.client().disconnect(5_000).waitForCompletion(10_000);
                d.client().close();
            } catch (MqttException e) {
                failed.incrementAndGet();
            }
        }
        devices.clear();
    }
}
