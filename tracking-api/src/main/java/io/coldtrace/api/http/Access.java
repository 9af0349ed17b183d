package io.coldtrace.api.http;

import io.coldtrace.api.auth.Role;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who may call a route; every route declares one (see {@link RouteTable}).
 *
 * @param kind  PUBLIC (anyone, business data meant for the public), PROBE (load-balancer checks, no business data),
 *              METRICS (bearer COLDTRACE_METRICS_TOKEN), ROLES (bearer API token or the browser session cookie holding
 *              one, with one of {@code roles}; admin always passes)
 * @param roles roles allowed besides admin; empty unless kind is ROLES
 * @param why   for PUBLIC routes, why anyone may call them (e.g. "login form, carries no data"); empty otherwise
 */
public record Access(Kind kind, Set<Role> roles, String why) {
    /** How a caller proves it may call the route. */
    public enum Kind { PUBLIC, PROBE, METRICS, ROLES }

    public Access {
        Objects.requireNonNull(kind, "access kind");
        why = why == null ? "" : why.strip();
        if (kind != Kind.PUBLIC && !why.isEmpty()) {
            throw new IllegalArgumentException("only PUBLIC access carries a reason");
        }
        roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        if (kind == Kind.ROLES && roles.isEmpty()) {
            throw new IllegalArgumentException("a ROLES access must name at least one role");
        }
        if (kind != Kind.ROLES && !roles.isEmpty()) {
            throw new IllegalArgumentException(kind + " access takes no roles");
        }
    }

    public Access(Kind kind, Set<Role> roles) {
        this(kind, roles, "");
    }

    public static Access publicAccess() {
        return new Access(Kind.PUBLIC, Set.of());
    }

    /** Anyone, for the reason given: a page or asset that carries no data, or a step that checks credentials itself. */
    public static Access publicAccess(String why) {
        if (why == null || why.isBlank()) {
            throw new IllegalArgumentException("say why a public route may be called by anyone");
        }
        return new Access(Kind.PUBLIC, Set.of(), why);
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
