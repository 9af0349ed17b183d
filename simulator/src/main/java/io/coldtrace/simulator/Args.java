package io.coldtrace.simulator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Plain {@code --name value} flags of one command; every read names the flag when its value is wrong. */
final class Args {
    /** A wrong command line: the message says what is wrong, the caller prints the usage and exits with 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    private final Map<String, String> values = new HashMap<>();

    Args(List<String> args, Set<String> known) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--") || !known.contains(a.substring(2))) {
                throw new UsageException("unknown argument '" + a + "'");
            }
            if (i + 1 >= args.size()) {
                throw new UsageException(a + " needs a value");
            }
            values.put(a.substring(2), args.get(++i));
        }
    }

    String string(String name, String def) {
        return values.getOrDefault(name, def);
    }

    long longValue(String name, long def) {
        String v = values.get(name);
        try {
            return v == null ? def : Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be an integer, was '" + v + "'");
        }
    }

    int integer(String name, int def, int min, int max) {
        long v = longValue(name, def);
        if (v < min || v > max) {
            throw new UsageException("--" + name + " must be within " + min + ".." + max + ", was " + v);
        }
        return (int) v;
    }
}
