package io.coldtrace.api.assistance;

import io.coldtrace.api.access.Jurisdiction;
import io.coldtrace.api.auth.Principal;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.core.ids.DivisionCode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** What the workflow's steps share: who acts as the authority, and the blacklist's refusal. */
final class Authorities {
    private Authorities() {
    }

    /** The caller acting on {@code division} as an authority: 403 naming {@code field} outside its region. */
    static void require(Principal p, String division, String field) {
        Jurisdiction.require(p, new DivisionCode(division), field);
    }

    /** The name a decision or an entry is made under: the authority's organisation's, else the caller's. */
    static String name(Connection c, Principal p) throws SQLException {
        if (p.orgId() == null) {
            return p.name();
        }
        return AssistanceSql.ORG_NAME.bind("id", p.orgId()).first(c, rs -> rs.getString("name")).orElse(p.name());
    }

    /** A blacklist entry in force on {@code today} against the party (or its USCC) or the product. */
    record Barred(UUID entry, String productId, String reason, String authority) {
        String field() {
            return productId != null ? "product_id" : "party_id";
        }
    }

    static Optional<Barred> barred(Connection c, String party, String product, LocalDate today) throws SQLException {
        return AssistanceSql.BLACKLISTED.bind("party", party).bind("product", product).bind("today", today)
                .first(c, rs -> new Barred(rs.getObject("id", UUID.class), rs.getString("product_id"),
                        rs.getString("reason"), rs.getString("authority")));
    }

    /** 409 naming the entry when the party or the product is blacklisted: neither applies nor is certified. */
    static void refuseBlacklisted(Connection c, String party, String product, LocalDate today, String what)
            throws SQLException {
        Optional<Barred> b = barred(c, party, product, today);
        if (b.isPresent()) {
            Barred e = b.get();
            throw ClientError.conflict(e.field(), (e.productId() != null ? "product " + product : "party " + party)
                    + " is on the blacklist (entry " + e.entry() + " by " + e.authority() + ": " + e.reason()
                    + "): it may not be " + what + " while the entry is in force");
        }
    }
}
