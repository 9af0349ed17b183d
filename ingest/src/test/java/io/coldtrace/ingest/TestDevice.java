package io.coldtrace.ingest;

import io.coldtrace.core.telemetry.DeviceStatus;
import io.coldtrace.core.telemetry.Reading;
import io.coldtrace.core.telemetry.TelemetryCodec;
import io.coldtrace.core.telemetry.TelemetryMessage;
import io.coldtrace.core.telemetry.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** A device for tests: publishes QoS 1 with the project's codec, or raw bytes for malformed input. */
final class TestDevice implements AutoCloseable {
    private final TelemetryCodec codec = TelemetryCodec.withDefaults();
    private final MqttClient client;
    final String site;
    final String id;

    TestDevice(String brokerUrl, String site, String id) throws MqttException {
        this.site = site;
        this.id = id;
        client = new MqttClient(brokerUrl, "dev-" + id + "-" + Long.toHexString(System.nanoTime()), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setMaxInflight(1000);
        o.setAutomaticReconnect(true);
        client.connect(o);
    }

    void send(long seq, List<Reading> readings) throws MqttException {
        raw(Topics.telemetry(site, id), codec.encode(new TelemetryMessage(1, seq, readings)));
    }

    void status(DeviceStatus s) throws MqttException {
        client.publish(Topics.status(site, id), codec.encode(s), 1, true);
    }

    void raw(String topic, byte[] payload) throws MqttException {
        client.publish(topic, payload, 1, false);
    }

    void raw(String json) throws MqttException {
        raw(Topics.telemetry(site, id), json.getBytes(StandardCharsets.UTF_8));
    }

    static Reading room(Instant ts, double airC) {
        return Reading.at(ts).air(airC).rh(92.0).door(false).setpoint(2.0).defrost(false).compressor(true)
                .battery(88.0).build();
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
