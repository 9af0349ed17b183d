package io.coldtrace.api.http;

import io.coldtrace.api.auth.Role;

/**
 * Access policies shared by several features, named once. A policy used by one feature only lives in that feature.
 * Admins pass every ROLES policy; which rows a caller then sees is {@link io.coldtrace.api.access.Visibility}'s call.
 */
public final class Policies {
    /** Every role reads its organisation's operations data (sites, units, readings, alarms, records). */
    public static final Access READ_OPERATIONS = Access.roles(Role.OPERATOR, Role.DISPATCHER, Role.QA);
    /** Operators configure their organisation's cold chain: profiles, units, device bindings, webhooks. */
    public static final Access CONFIGURE_OPERATIONS = Access.roles(Role.OPERATOR);
    /** Quality assurance: traces, exposure and recalls, audit exports, suspicious scans. */
    public static final Access QUALITY = Access.roles(Role.QA);
    /**
     * Every person's role (not a partner's system): reference data that belongs to no organisation (GB/T 2260
     * divisions) and who is signed in. The one policy an authority shares with the staff of the cold chain.
     */
    public static final Access PEOPLE = Access.roles(Role.OPERATOR, Role.DISPATCHER, Role.QA, Role.AUTHORITY);
    /** Administrators only: organisations, sites, users. */
    public static final Access ADMINISTER = Access.roles(Role.ADMIN);

    private Policies() {
    }
}
