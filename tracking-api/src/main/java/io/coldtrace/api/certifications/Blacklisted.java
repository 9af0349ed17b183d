package io.coldtrace.api.certifications;

import io.coldtrace.api.db.Sql;
import io.coldtrace.api.http.ClientError;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * The blacklist's refusal to certify (issue 9 §3, V9_40): no assistance product is certified, nor an application
 * for one made, for a party (or a party with its unified social credit code) or a product while a blacklist entry
 * against it is in force on the day (China's calendar): started, not ended, not lifted. Read by SQL, so this feature
 * depends on no blacklist code; the assistance feature, which keeps the blacklist, asks it too.
 */
public final class Blacklisted {
    private static final Sql FIRST = Sql.of("""
            SELECT e.id, e.product_id, e.reason, e.authority FROM blacklist_entry e
            LEFT JOIN party pa ON pa.id = CAST(:party AS text)
            WHERE (e.product_id IS NULL AND (e.party_id = pa.id OR e.uscc = pa.uscc)
                   OR e.product_id = CAST(:product AS text))
              AND e.valid_from <= CAST(:today AS date)
              AND (e.valid_until IS NULL OR e.valid_until >= CAST(:today AS date))
              AND NOT EXISTS (SELECT 1 FROM blacklist_lift l WHERE l.entry_id = e.id)
            ORDER BY e.entered_at, e.id LIMIT 1""");

    /** An entry in force: of the product when {@code productId} is set, else of the party. */
    public record Entry(UUID id, String productId, String reason, String authority) {
        String field() {
            return productId != null ? "product_id" : "party_id";
        }
    }

    private Blacklisted() {
    }

    /** The first entry in force on {@code today} against {@code party} (or its USCC) or {@code product}. */
    public static Optional<Entry> first(Connection c, String party, String product, LocalDate today)
            throws SQLException {
        return FIRST.bind("party", party).bind("product", product).bind("today", today).first(c, rs -> new Entry(
                rs.getObject("id", UUID.class), rs.getString("product_id"), rs.getString("reason"),
                rs.getString("authority")));
    }

    /** 409 naming {@code party_id} or {@code product_id} and the entry when one is in force; {@code what} is barred. */
    public static void refuse(Connection c, String party, String product, LocalDate today, String what)
            throws SQLException {
        Optional<Entry> b = first(c, party, product, today);
        if (b.isPresent()) {
            Entry e = b.get();
            throw ClientError.conflict(e.field(), (e.productId() != null ? "product " + product : "party " + party)
                    + " is on the blacklist (entry " + e.id() + " by " + e.authority() + ": " + e.reason()
                    + "): it may not be " + what + " while the entry is in force");
        }
    }
}
