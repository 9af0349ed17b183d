package io.coldtrace.api.access;

import io.coldtrace.api.auth.Principal;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.core.ids.DivisionCode;
import java.util.Objects;

/**
 * Where a caller may act as an authority: the rule for what only an authority may do within its own region (certify
 * assistance products, blacklist suppliers). An {@code authority} covers the division of its token
 * ({@link Principal#region()}) and every division inside it ({@link DivisionCode#contains}): a county authority its
 * county, a city authority the city and its counties, a province authority the province, its cities and counties. An
 * admin covers every division (admins pass every route, {@link io.coldtrace.api.http.Access}); no other role covers
 * any. Which organisation's rows a caller sees stays {@link Visibility}'s call: jurisdiction is about divisions.
 */
public final class Jurisdiction {
    private Jurisdiction() {
    }

    /** Whether {@code p} may act as an authority on {@code division}. */
    public static boolean covers(Principal p, DivisionCode division) {
        Objects.requireNonNull(division, "division");
        return switch (p.role()) {
            case ADMIN -> true;
            case AUTHORITY -> p.region() != null && new DivisionCode(p.region()).contains(division);
            case OPERATOR, DISPATCHER, QA, PARTNER -> false;
        };
    }

    /**
     * Refuses, with a 403 naming {@code field}, a caller that does not cover {@code division}: an authority of
     * another region is told its own, any other non-admin that only an authority acts on regions.
     */
    public static void require(Principal p, DivisionCode division, String field) {
        if (covers(p, division)) {
            return;
        }
        if (p.region() == null) {
            throw ClientError.forbidden(field, "only an authority (or an admin) acts on division " + division
                    + "; role " + p.role().label() + " governs no region");
        }
        throw ClientError.forbidden(field, "division " + division + " is outside the region this authority governs ("
                + p.region() + ")");
    }
}
