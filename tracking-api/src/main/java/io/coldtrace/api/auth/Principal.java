package io.coldtrace.api.auth;

import io.vertx.ext.web.RoutingContext;
import java.util.Objects;

/**
 * The holder of a valid API token: who called, in which role, for which organisation (null = all), and for an
 * authority the GB/T 2260 division it governs ({@code region}, null for every other role).
 */
public record Principal(long tokenId, String name, Role role, String orgId, String region) {
    /** RoutingContext key under which the guard leaves the caller. */
    public static final String CONTEXT_KEY = "coldtrace.principal";

    public Principal {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }

    /** A caller of a role that governs no region. */
    public Principal(long tokenId, String name, Role role, String orgId) {
        this(tokenId, name, role, orgId, null);
    }

    /** The caller the access guard let in; only routes with ROLES access have one. */
    public static Principal of(RoutingContext ctx) {
        Principal p = ctx.get(CONTEXT_KEY);
        if (p == null) {
            throw new IllegalStateException("no principal: the route does not declare ROLES access");
        }
        return p;
    }
}
