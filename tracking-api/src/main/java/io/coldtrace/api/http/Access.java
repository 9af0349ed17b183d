package io.coldtrace.api.http;

import io.coldtrace.api.auth.Role;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who may call a route; every route declares one (see {@link RouteTable}).
 *
 * @param kind  PUBLIC (anyone, business data meant for the public), PROBE (load-balancer checks, no business data),
 *              METRICS (bearer COLDTRACE_METRICS_TOKEN), ROLES (bearer API token with one of {@code roles}; admin
 *              always passes)
 * @param roles roles allowed besides admin; empty unless kind is ROLES
 */
public record Access(Kind kind, Set<Role> roles) {
    /** How a caller proves it may call the route. */
    public enum Kind { PUBLIC, PROBE, METRICS, ROLES }

    public Access {
        Objects.requireNonNull(kind, "access kind");
        roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        if (kind == Kind.ROLES && roles.isEmpty()) {
            throw new IllegalArgumentException("a ROLES access must name at least one role");
        }
        if (kind != Kind.ROLES && !roles.isEmpty()) {
            throw new IllegalArgumentException(kind + " access takes no roles");
        }
    }

    public static Access publicAccess() {
        return new Access(Kind.PUBLIC, Set.of());
    }

    public static Access probe() {
        return new Access(Kind.PROBE, Set.of());
    }

    public static Access metrics() {
        return new Access(Kind.METRICS, Set.of());
    }

    /** Token holders with one of {@code roles}, and admins. */
    public static Access roles(Role first, Role... more) {
        return new Access(Kind.ROLES, EnumSet.of(first, more));
    }

    /** Whether a token holder with {@code role} passes. */
    public boolean allows(Role role) {
        return kind == Kind.ROLES && (role == Role.ADMIN || roles.contains(role));
    }
}
