package io.coldtrace.core.config;

import java.time.Duration;
import java.util.Map;

/**
 * Typed reads of environment variables with documented defaults. Every key is read once, at start-up, into a config
 * record; a bad value fails start-up with a message naming the key.
 */
public final class Env {
    private final Map<String, String> vars;

    public Env(Map<String, String> vars) {
        this.vars = Map.copyOf(vars);
    }

    public static Env system() {
        return new Env(System.getenv());
    }

    public String string(String key, String def) {
        String v = vars.get(key);
        return v == null || v.isBlank() ? def : v.trim();
    }

    public int integer(String key, int def, int min, int max) {
        String v = vars.get(key);
        if (v == null || v.isBlank()) {
            return def;
        }
        try {
            int i = Integer.parseInt(v.trim());
            if (i < min || i > max) {
                throw new ConfigException(key + " must be within " + min + ".." + max + ", was " + v);
            }
            return i;
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " must be an integer, was '" + v + "'");
        }
    }

    public Duration millis(String key, long defMs, long minMs, long maxMs) {
        String v = vars.get(key);
        if (v == null || v.isBlank()) {
            return Duration.ofMillis(defMs);
        }
        try {
            long l = Long.parseLong(v.trim());
            if (l < minMs || l > maxMs) {
                throw new ConfigException(key + " must be within " + minMs + ".." + maxMs + " ms, was " + v);
            }
            return Duration.ofMillis(l);
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " must be a whole number of milliseconds, was '" + v + "'");
        }
    }

    public <E extends Enum<E>> E enumValue(String key, E def) {
        String v = vars.get(key);
        if (v == null || v.isBlank()) {
            return def;
        }
        try {
            return Enum.valueOf(def.getDeclaringClass(), v.trim().toUpperCase().replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key + " must be one of " + java.util.Arrays.toString(
                    def.getDeclaringClass().getEnumConstants()).toLowerCase() + ", was '" + v + "'");
        }
    }
}
