package io.coldtrace.api.auth;

import io.coldtrace.api.http.ClientError;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;

/**
 * Which organisations' rows a caller may see; every query of org-owned rows filters with it. An admin without an
 * organisation sees all; anyone else only their own organisation (a non-admin token without one sees nothing).
 * Rows outside the scope do not exist for the caller: reads answer 404, lists leave them out.
 *
 * @param all   true = every organisation
 * @param orgId the one organisation otherwise (null = none)
 */
public record OrgScope(boolean all, String orgId) {
    /** The admin's scope, for internal use and tests. */
    public static final OrgScope ALL = new OrgScope(true, null);

    public static OrgScope of(Principal p) {
        Objects.requireNonNull(p, "principal");
        return p.role() == Role.ADMIN && p.orgId() == null ? ALL : new OrgScope(false, p.orgId());
    }

    /** The scope of the caller the access guard let in. */
    public static OrgScope of(RoutingContext ctx) {
        return of(Principal.of(ctx));
    }

    /**
     * An SQL condition that keeps rows whose organisation is {@code column} (a trusted column name, never input);
     * bind it with {@link #params(Object...)}, which puts the scope's two parameters first.
     */
    public static String filter(String column) {
        return "(? OR " + column + " = ?)";
    }

    /** The two parameters of {@link #filter(String)} followed by {@code rest}. */
    public Object[] params(Object... rest) {
        Object[] out = new Object[rest.length + 2];
        out[0] = all;
        out[1] = orgId;
        System.arraycopy(rest, 0, out, 2, rest.length);
        return out;
    }

    /**
     * The organisation a new row of this caller belongs to: a scoped caller's own (naming another is 422, as if it
     * did not exist); an unscoped admin must name one. Whether it exists is the caller's next check.
     */
    public String owner(String requested) {
        if (!all) {
            if (requested != null && !requested.equals(orgId)) {
                throw ClientError.invalid("org_id", "no organisation " + requested);
            }
            if (orgId == null) {
                throw ClientError.invalid("org_id", "the caller's token belongs to no organisation");
            }
            return orgId;
        }
        if (requested == null) {
            throw ClientError.invalid("org_id", "org_id is required");
        }
        return requested;
    }

    /** The same sight as a {@link io.coldtrace.api.access.Visibility} (while features move over to it). */
    public io.coldtrace.api.access.Visibility visibility() {
        return all ? io.coldtrace.api.access.Visibility.ALL : orgId == null
                ? io.coldtrace.api.access.Visibility.NONE : io.coldtrace.api.access.Visibility.org(orgId);
    }

    /** Whether a row of organisation {@code rowOrg} is visible. */
    public boolean admits(String rowOrg) {
        return all || (orgId != null && orgId.equals(rowOrg));
    }
}
