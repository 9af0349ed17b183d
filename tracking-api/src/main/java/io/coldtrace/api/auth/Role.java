package io.coldtrace.api.auth;

import java.util.Locale;

/**
 * What a token holder does; ADMIN may call every route, the others only routes that name them. PARTNER is a token
 * kind, not a person's role: a trading partner's system that may only capture EPCIS documents into its organisation
 * (made with {@code create-token --role partner --org ORG}; no user has it, and it cannot sign in to the pages).
 * AUTHORITY is a county (or city, or province) department: its tokens and users carry the region it governs
 * ({@link Principal#region()}), within which it will certify assistance products and blacklist suppliers
 * ({@link io.coldtrace.api.access.Jurisdiction}); it reads reference data, not any organisation's operations.
 */
public enum Role {
    ADMIN, OPERATOR, DISPATCHER, QA, PARTNER, AUTHORITY;

    /** Parses a role as written on the command line or stored in api_token.role. */
    public static Role parse(String s) {
        if (s != null) {
            for (Role r : values()) {
                if (r.label().equals(s.trim().toLowerCase(Locale.ROOT))) {
                    return r;
                }
            }
        }
        throw new IllegalArgumentException("role must be one of admin, operator, dispatcher, qa, partner, "
                + "authority; was '" + s + "'");
    }

    /** Lower-case name, as stored and shown. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
