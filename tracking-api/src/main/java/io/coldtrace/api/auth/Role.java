package io.coldtrace.api.auth;

import java.util.Locale;

/** What a token holder does; ADMIN may call every route, the others only routes that name them. */
public enum Role {
    ADMIN, OPERATOR, DISPATCHER, QA;

    /** Parses a role as written on the command line or stored in api_token.role. */
    public static Role parse(String s) {
        if (s != null) {
            for (Role r : values()) {
                if (r.label().equals(s.trim().toLowerCase(Locale.ROOT))) {
                    return r;
                }
            }
        }
        throw new IllegalArgumentException("role must be one of admin, operator, dispatcher, qa; was '" + s + "'");
    }

    /** Lower-case name, as stored and shown. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
