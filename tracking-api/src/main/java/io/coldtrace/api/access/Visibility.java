package io.coldtrace.api.access;

import io.coldtrace.api.auth.Principal;
import io.coldtrace.api.auth.Role;
import io.coldtrace.api.http.ClientError;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Objects;

/**
 * The one access rule: which rows a caller may see, and which organisation a row it creates belongs to. Every query of
 * organisation-owned rows filters with {@link #owned(String)} (bound through {@link #params()}), every check of a row
 * already read goes through {@link #admits(String)}; nothing else decides visibility.
 *
 * <p>Reaches today: {@link Reach#ALL} (an admin of no organisation, and the system itself), {@link Reach#ORG} (every
 * other token: the database refuses a non-admin token without an organisation), {@link Reach#NONE} (no caller: sees no
 * organisation's rows; the public pages read only rows that are public by nature). The reaches that come with the next
 * features keep this shape: rows an organisation shares with another (a shipment hands lots to a buyer) widen
 * {@code owned} with {@code OR EXISTS (a share naming :vis_org)}; an {@code authority} keeps {@code ORG} for the
 * rows of its own organisation (a county department's), and acts on divisions within its region through
 * {@link Jurisdiction} (a feature listing rows by region compares their division code with the authority's); a
 * partner token keeps {@code ORG} and is limited by the capability its route declares
 * ({@link io.coldtrace.api.http.Access}).
 */
public final class Visibility {
    /** How far a caller's sight reaches. */
    public enum Reach { ALL, ORG, NONE }

    /** Every organisation: unscoped admins, and internal tasks. */
    public static final Visibility ALL = new Visibility(Reach.ALL, null);
    /** No organisation's rows: an anonymous caller. */
    public static final Visibility NONE = new Visibility(Reach.NONE, null);

    /** Named parameters that {@link #owned(String)} uses; {@link #params()} binds them. */
    public static final String ALL_PARAM = "vis_all";
    public static final String ORG_PARAM = "vis_org";

    private final Reach reach;
    private final String orgId;

    private Visibility(Reach reach, String orgId) {
        this.reach = reach;
        this.orgId = orgId;
    }

    /** Sight of organisation {@code orgId} (a member's). */
    public static Visibility org(String orgId) {
        return new Visibility(Reach.ORG, Objects.requireNonNull(orgId, "orgId"));
    }

    /** The sight of a token holder: an admin without an organisation sees all, everyone else their organisation. */
    public static Visibility of(Principal p) {
        Objects.requireNonNull(p, "principal");
        if (p.orgId() != null) {
            return org(p.orgId());
        }
        // the schema (api_token CHECK) and create-token refuse a non-admin without an organisation; should one still
        // appear, it sees nothing rather than everything
        return p.role() == Role.ADMIN ? ALL : NONE;
    }

    /** The sight of the caller the access guard let in (NONE on a public route). */
    public static Visibility of(RoutingContext ctx) {
        Principal p = ctx.get(Principal.CONTEXT_KEY);
        return p == null ? NONE : of(p);
    }

    /**
     * An SQL condition keeping rows whose owning organisation is {@code orgColumn} (a trusted column name, never
     * input); bind {@link #params()} with it.
     */
    public static String owned(String orgColumn) {
        return "(:" + ALL_PARAM + " OR " + orgColumn + " = :" + ORG_PARAM + ")";
    }

    /**
     * An SQL condition keeping rows of organisation {@code orgColumn} that the caller may trace into: its own, and
     * those of an organisation whose trace grant to the caller's is in force (V9_20: granted, not revoked). Only
     * traces widen their sight with it (tracking-api/README.md, "Traces across organisations"); bind
     * {@link #params()}.
     */
    public static String traceable(String orgColumn) {
        return "(" + owned(orgColumn) + " OR EXISTS (SELECT 1 FROM trace_grant tg WHERE tg.grantor_org = " + orgColumn
                + " AND tg.grantee_org = :" + ORG_PARAM + " AND NOT EXISTS (SELECT 1 FROM trace_grant_revocation tr"
                + " WHERE tr.grant_id = tg.id)))";
    }

    /** The named parameters of {@link #owned(String)}. */
    public Map<String, Object> params() {
        // NONE binds an organisation id no row can have (ids are lower-case slugs): the condition is false for all
        return Map.of(ALL_PARAM, reach == Reach.ALL, ORG_PARAM, reach == Reach.ORG ? orgId : "");
    }

    /** Whether a row owned by organisation {@code rowOrg} is visible. */
    public boolean admits(String rowOrg) {
        return switch (reach) {
            case ALL -> true;
            case ORG -> orgId.equals(rowOrg);
            case NONE -> false;
        };
    }

    /**
     * The organisation a new row of this caller belongs to: a member's own (naming another is 422, as if it did not
     * exist); an unscoped admin must name one. Whether it exists is the caller's next check.
     */
    public String owner(String requested) {
        return switch (reach) {
            case ORG -> {
                if (requested != null && !requested.equals(orgId)) {
                    throw ClientError.invalid("org_id", "no organisation " + requested);
                }
                yield orgId;
            }
            case ALL -> {
                if (requested == null) {
                    throw ClientError.invalid("org_id", "org_id is required");
                }
                yield requested;
            }
            case NONE -> throw ClientError.invalid("org_id", "the caller belongs to no organisation");
        };
    }

    public Reach reach() {
        return reach;
    }

    /** The caller's organisation, or null when it reaches all or none. */
    public String orgId() {
        return orgId;
    }

    /** True when every organisation's rows are visible. */
    public boolean seesAll() {
        return reach == Reach.ALL;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Visibility v && v.reach == reach && Objects.equals(v.orgId, orgId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(reach, orgId);
    }

    @Override
    public String toString() {
        return reach == Reach.ORG ? "org " + orgId : reach.name().toLowerCase(java.util.Locale.ROOT);
    }
}
