package io.coldtrace.ingest.mqtt;

import java.time.Instant;

/**
 * A message as it came off the broker, not yet parsed. {@code epoch} is the MQTT connection it arrived on: an
 * acknowledgement is only ever sent on that same connection (message ids are per connection).
 */
public record Inbound(long epoch, int mqttId, int qos, String topic, byte[] payload, Instant receivedAt) {
}
