package io.coldtrace.core.config;

/** A configuration value is missing or invalid; the message names the environment variable and what it accepts. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
