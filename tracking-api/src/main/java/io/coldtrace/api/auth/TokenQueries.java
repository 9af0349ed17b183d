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
            SELECT t.id, t.name, t.role, t.org_id, t.region FROM api_token t
            LEFT JOIN app_user u ON u.id = t.user_id
            WHERE t.token_hash = ? AND t.revoked_at IS NULL AND u.disabled_at IS NULL""";
    private static final String INSERT = """
            INSERT INTO api_token (name, role, org_id, token_hash, user_id, region) VALUES (?, ?, ?, ?, ?, ?)
            RETURNING id""";

    private static final String REVOKE_OF_USER = """
            UPDATE api_token SET revoked_at = now() WHERE user_id = ? AND revoked_at IS NULL""";

    private static final String DIVISION_EXISTS = "SELECT 1 FROM division WHERE code = ?";

    private TokenQueries() {
    }

    /** Whether the division table holds {@code code} (an authority's region must be one of its divisions). */
    public static boolean divisionExists(Connection c, String code) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(DIVISION_EXISTS)) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The holder of the unrevoked token (of a user not disabled) whose hash is {@code tokenHash}. */
    public static Optional<Principal> findActive(Connection c, String tokenHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(FIND_ACTIVE)) {
            ps.setString(1, tokenHash);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Principal(rs.getLong(1), rs.getString(2), Role.parse(rs.getString(3)),
                        rs.getString(4), rs.getString(5)));
            }
        }
    }

    /** Stores a new token's hash and returns its id. */
    public static long insert(Connection c, String name, Role role, String orgId, String tokenHash)
            throws SQLException {
        return insert(c, name, role, orgId, tokenHash, null, null);
    }

    /**
     * Stores a new token's hash for user {@code userId} (null = a token of no user), governing {@code region} (an
     * authority's division code, null for every other role; the schema holds both to it), and returns its id.
     */
    public static long insert(Connection c, String name, Role role, String orgId, String tokenHash, String userId,
                              String region) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setString(1, name);
            ps.setString(2, role.label());
            if (orgId == null) {
                ps.setNull(3, Types.VARCHAR);
            } else {
                ps.setString(3, orgId);
            }
            ps.setString(4, tokenHash);
            ps.setString(5, userId);
            ps.setString(6, region);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Revokes every live token of user {@code userId}; returns how many. */
    public static int revokeOfUser(Connection c, String userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(REVOKE_OF_USER)) {
            ps.setString(1, userId);
            return ps.executeUpdate();
        }
    }
}
