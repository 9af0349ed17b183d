package io.coldtrace.core.config;

/** MQTT broker settings (COLDTRACE_MQTT_*). {@code shareGroup} non-empty = subscribe as $share/{group}/... */
public record MqttConfig(String url, String clientId, String username, String password, String shareGroup) {
    public MqttConfig {
        if (url == null || !(url.startsWith("tcp://") || url.startsWith("ssl://"))) {
            throw new ConfigException("COLDTRACE_MQTT_URL must start with tcp:// or ssl://, was " + url);
        }
        if (clientId == null || clientId.isBlank() || clientId.length() > 64) {
            throw new ConfigException("COLDTRACE_MQTT_CLIENT_ID must be 1..64 characters, was " + clientId);
        }
    }

    public static MqttConfig from(Env env, String defaultClientId) {
        return new MqttConfig(
                env.string("COLDTRACE_MQTT_URL", "tcp://127.0.0.1:1883"),
                env.string("COLDTRACE_MQTT_CLIENT_ID", defaultClientId),
                env.string("COLDTRACE_MQTT_USERNAME", ""),
                env.string("COLDTRACE_MQTT_PASSWORD", ""),
                env.string("COLDTRACE_MQTT_SHARE_GROUP", ""));
    }
}
