package io.coldtrace.api.auth;

/**
 * Which organisations' rows a caller sees: an admin without an organisation sees all; anyone else only their own
 * (a non-admin token without one sees nothing).
 *
 * @param all   every organisation
 * @param orgId the one organisation otherwise (null = none)
 */
public record OrgFilter(boolean all, String orgId) {
    public static OrgFilter of(Principal p) {
        return p.role() == Role.ADMIN && p.orgId() == null ? new OrgFilter(true, null) : new OrgFilter(false, p.orgId());
    }

    /** An SQL condition on {@code column} (a trusted column name) taking {@link #all} and {@link #orgId}. */
    public static String sql(String column) {
        return "(? OR " + column + " = ?)";
    }

    /** Whether a row of organisation {@code rowOrg} is visible. */
    public boolean admits(String rowOrg) {
        return all || (orgId != null && orgId.equals(rowOrg));
    }
}
