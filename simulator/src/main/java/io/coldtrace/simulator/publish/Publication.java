package io.coldtrace.simulator.publish;

import java.util.Arrays;
import java.util.Objects;

/** One MQTT message a simulated device sends (always QoS 1). Payload bytes are compared by content. */
public record Publication(String deviceId, String topic, byte[] payload, boolean retained) {
    public Publication {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Publication p && deviceId.equals(p.deviceId) && topic.equals(p.topic)
                && Arrays.equals(payload, p.payload) && retained == p.retained;
    }

    @Override
    public int hashCode() {
        return Objects.hash(deviceId, topic, Arrays.hashCode(payload), retained);
    }

    @Override
    public String toString() {
        return topic + " " + new String(payload, java.nio.charset.StandardCharsets.UTF_8);
    }
}
