package io.coldtrace.api.auth;

import java.util.Locale;

/**
 * What a token holder does; ADMIN may call every route, the others only routes that name them. PARTNER is a token
 * kind, not a person's role: a trading partner's system that may only capture EPCIS documents into its organisation
 * (made with {@code create-token --role partner --org ORG}; no user has it, and it cannot sign in to the pages).
 */
public enum Role {
    ADMIN, OPERATOR, DISPATCHER, QA, PARTNER;

    /** Parses a role as written on the command line or stored in api_token.role. */
    public static Role parse(String s) {
        if (s != null) {
            for (Role r : values()) {
                if (r.label().equals(s.trim().toLowerCase(Locale.ROOT))) {
                    return r;
                }
            }
        }
        throw new IllegalArgumentException("role must be one of admin, operator, dispatcher, qa, partner; was '" + s + "'");
    }

    /** Lower-case name, as stored and shown. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
