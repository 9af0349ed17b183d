package io.coldtrace.api.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;

/** SQL of the api_token table. */
public final class TokenQueries {
    private static final String FIND_ACTIVE = """
            SELECT id, name, role, org_id FROM api_token
            WHERE token_hash = ? AND revoked_at IS NULL""";
    private static final String INSERT = """
            INSERT INTO api_token (name, role, org_id, token_hash) VALUES (?, ?, ?, ?) RETURNING id""";

    private TokenQueries() {
    }

    /** The holder of the unrevoked token whose hash is {@code tokenHash}. */
    public static Optional<Principal> findActive(Connection c, String tokenHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(FIND_ACTIVE)) {
            ps.setString(1, tokenHash);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Principal(rs.getLong(1), rs.getString(2), Role.parse(rs.getString(3)),
                        rs.getString(4)));
            }
        }
    }

    /** Stores a new token's hash and returns its id. */
    public static long insert(Connection c, String name, Role role, String orgId, String tokenHash)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setString(1, name);
            ps.setString(2, role.label());
            if (orgId == null) {
                ps.setNull(3, Types.VARCHAR);
            } else {
                ps.setString(3, orgId);
            }
            ps.setString(4, tokenHash);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
