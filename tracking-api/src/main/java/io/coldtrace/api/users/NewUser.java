package io.coldtrace.api.users;

import io.coldtrace.api.auth.Role;
import io.coldtrace.api.http.Check;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.JsonBody;
import io.coldtrace.core.ids.DivisionCode;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A user to create (table app_user); everyone but an admin belongs to an organisation, and an authority names the
 * GB/T 2260 division it governs ({@code region}; no other role has one).
 */
public record NewUser(String id, String orgId, String name, Role role, String region) {
    static final Set<String> FIELDS = Set.of("id", "org_id", "name", "role", "region");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.@-]{0,127}");

    public NewUser {
        Check.matches("id", id, ID, "1..128 of A-Z, a-z, 0-9, _ . @ -, starting with a letter or digit");
        Check.optText("org_id", orgId, 64);
        Check.text("name", name, 200);
        if (role == null) {
            throw ClientError.invalid("role", "role is required: admin, operator, dispatcher, qa or authority");
        }
        if (role == Role.PARTNER) {
            throw ClientError.invalid("role", "partner is a token for a partner's system (create-token --role partner),"
                    + " not a user's role: admin, operator, dispatcher, qa or authority");
        }
        if (role == Role.AUTHORITY && region == null) {
            throw ClientError.invalid("region", "region is required for role authority: the GB/T 2260 division "
                    + "code it governs, e.g. 500238");
        }
        if (role != Role.AUTHORITY && region != null) {
            throw ClientError.invalid("region", "region is for role authority only, not " + role.label());
        }
        if (region != null) {
            try {
                new DivisionCode(region);
            } catch (IllegalArgumentException e) {
                throw ClientError.invalid("region", e.getMessage());
            }
        }
        if (role != Role.ADMIN && orgId == null) {
            throw ClientError.invalid("org_id", "org_id is required for role " + role.label());
        }
    }

    static NewUser from(JsonBody b) {
        String role = b.text("role", 32);
        Role parsed;
        try {
            parsed = Role.parse(role);
        } catch (IllegalArgumentException e) {
            throw ClientError.invalid("role", e.getMessage());
        }
        return new NewUser(b.text("id", 128), b.optText("org_id", 64), b.text("name", 200), parsed,
                b.optText("region", 6));
    }
}
