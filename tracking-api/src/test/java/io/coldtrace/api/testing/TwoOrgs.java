package io.coldtrace.api.testing;

import io.coldtrace.api.auth.Role;
import java.util.EnumMap;
import java.util.Map;

/**
 * Two organisations seeded through {@link Seeds}, for proving that a caller sees only its own: {@code acme} (site
 * acme-s1, profile acme-p, unit acme-u1) and {@code rival} (rival-s1, rival-p, rival-u1), with a token per role in
 * each and an unscoped admin token.
 */
public final class TwoOrgs {
    public static final String ACME = "acme";
    public static final String RIVAL = "rival";

    private final Map<Role, String> acme = new EnumMap<>(Role.class);
    private final Map<Role, String> rival = new EnumMap<>(Role.class);
    private final String admin;

    public TwoOrgs(TestApi api) {
        Seeds seeds = api.seeds();
        for (String org : new String[] {ACME, RIVAL}) {
            seeds.org(org, org + " Ltd");
            seeds.site(org + "-s1", org, org + " store", "other", "Asia/Shanghai");
            seeds.profile(org + "-p", org, "chilled", "air", null, null, 5.0, null);
            seeds.unit(org + "-u1", org + "-s1", "cold_room", org + " room 1", "chilled", org + "-p");
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
