package io.coldtrace.api.testing;

import io.coldtrace.api.auth.Role;
import java.util.EnumMap;
import java.util.Map;

/**
 * Two organisations seeded with SQL, for proving that a caller sees only its own: {@code acme} (site acme-s1,
 * profile acme-p, unit acme-u1) and {@code rival} (rival-s1, rival-p, rival-u1), with a token per role in each and
 * an unscoped admin token.
 */
public final class TwoOrgs {
    public static final String ACME = "acme";
    public static final String RIVAL = "rival";

    private final Map<Role, String> acme = new EnumMap<>(Role.class);
    private final Map<Role, String> rival = new EnumMap<>(Role.class);
    private final String admin;

    public TwoOrgs(TestApi api) {
        for (String org : new String[] {ACME, RIVAL}) {
            api.sql("INSERT INTO org (id, name) VALUES (?, ?)", org, org + " Ltd");
            api.sql("INSERT INTO site (id, org_id, name) VALUES (?, ?, ?)", org + "-s1", org, org + " store");
            api.sql("INSERT INTO limit_profile (id, org_id, name, high_warn_c) VALUES (?, ?, 'chilled', 5)",
                    org + "-p", org);
            api.sql("INSERT INTO unit (id, site_id, kind, name, profile_id) VALUES (?, ?, 'cold_room', ?, ?)",
                    org + "-u1", org + "-s1", org + " room 1", org + "-p");
        }
        for (Role role : Role.values()) {
            acme.put(role, api.token(role, ACME));
            rival.put(role, api.token(role, RIVAL));
        }
        admin = api.token(Role.ADMIN);
    }

    /** A token of {@code role} in acme. */
    public String acme(Role role) {
        return acme.get(role);
    }

    /** A token of {@code role} in rival. */
    public String rival(Role role) {
        return rival.get(role);
    }

    /** An admin token of no organisation: sees everything. */
    public String admin() {
        return admin;
    }
}
