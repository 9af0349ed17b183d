package io.coldtrace.api.genealogy;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.RowMapper;
import io.coldtrace.api.db.Rows;
import io.coldtrace.api.db.Sql;
import io.coldtrace.api.http.ClientError;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Trace grants (V9_20, append-only): organisation {@code grantor} lets {@code grantee}'s traces continue into its
 * lots across a hand-over ({@link Crossings}) until it revokes the grant. Both sides see a grant; only the grantor's
 * QA and admins give and revoke it, and the grantee does not see who did.
 */
final class TraceGrants {
    /** A grant as stored, with its revocation when it has one. */
    record Grant(UUID id, String grantor, String grantee, String grantedBy, Instant grantedAt, String revokedBy,
                 Instant revokedAt) {
        static final String COLUMNS = "g.id, g.grantor_org, g.grantee_org, g.granted_by, g.granted_at, "
                + "r.revoked_by, r.revoked_at";
        static final RowMapper<Grant> MAPPER = rs -> new Grant(rs.getObject("id", UUID.class),
                rs.getString("grantor_org"), rs.getString("grantee_org"), rs.getString("granted_by"),
                Rows.instant(rs, "granted_at"), rs.getString("revoked_by"), Rows.instant(rs, "revoked_at"));

        /** The grant as {@code vis} sees it: the grantee (and only it) sees no names of the grantor's people. */
        JsonObject toJson(Visibility vis) {
            boolean received = !vis.seesAll() && grantee.equals(vis.orgId());
            return new JsonObject().put("id", id.toString()).put("grantor_org", grantor).put("grantee_org", grantee)
                    .put("direction", vis.seesAll() ? null : received ? "received" : "given")
                    .put("granted_by", received ? null : grantedBy).put("granted_at", Rows.iso(grantedAt))
                    .put("revoked_by", received ? null : revokedBy).put("revoked_at", Rows.iso(revokedAt))
                    .put("in_force", revokedAt == null);
        }
    }

    private static final String FROM = " FROM trace_grant g LEFT JOIN trace_grant_revocation r ON r.grant_id = g.id";

    /** The grants the caller gave or received ({@code :direction} given|received|null for both), newest first. */
    static final Sql LIST = Sql.of("SELECT " + Grant.COLUMNS + FROM + """
             WHERE (CAST(:direction AS text) IS DISTINCT FROM 'received' AND %s
                    OR CAST(:direction AS text) IS DISTINCT FROM 'given' AND %s)
            ORDER BY g.granted_at DESC, g.id LIMIT :limit"""
            .formatted(Visibility.owned("g.grantor_org"), Visibility.owned("g.grantee_org")));
    /** One grant the caller's organisation gave, locked for its revocation. */
    private static final Sql GIVEN = Sql.of("SELECT " + Grant.COLUMNS + FROM + " WHERE g.id = :id AND "
            + Visibility.owned("g.grantor_org") + " FOR UPDATE OF g");
    private static final Sql ORG = Sql.of("SELECT id FROM org WHERE id = :id");
    /** Serialises grants of one pair of organisations, so two requests cannot both find none in force. */
    private static final Sql LOCK_PAIR = Sql.of("SELECT pg_advisory_xact_lock(hashtext('trace_grant ' || :pair))");
    private static final Sql IN_FORCE = Sql.of("SELECT g.id" + FROM
            + " WHERE g.grantor_org = :grantor AND g.grantee_org = :grantee AND r.grant_id IS NULL");
    private static final Sql INSERT = Sql.of("""
            INSERT INTO trace_grant (id, grantor_org, grantee_org, granted_by, granted_at)
            VALUES (:id, :grantor, :grantee, :by, :at)""");
    private static final Sql REVOKE = Sql.of("""
            INSERT INTO trace_grant_revocation (grant_id, revoked_by, revoked_at) VALUES (:id, :by, :at)""");

    private TraceGrants() {
    }

    /**
     * Records a grant of {@code grantor} (already the caller's to name) to {@code grantee}: 422 naming
     * {@code grantee_org} for an unknown organisation or the grantor itself, {@code org_id} for an unknown grantor,
     * 409 when a grant of the pair is in force already.
     */
    static Grant grant(Connection c, String grantor, String grantee, String by, Instant at) throws SQLException {
        if (ORG.bind("id", grantor).first(c, rs -> rs.getString(1)).isEmpty()) {
            throw ClientError.invalid("org_id", "no organisation " + grantor);
        }
        if (grantee.equals(grantor)) {
            throw ClientError.invalid("grantee_org", "an organisation traces its own lots without a grant; "
                    + "grantee_org must be another organisation");
        }
        if (ORG.bind("id", grantee).first(c, rs -> rs.getString(1)).isEmpty()) {
            throw ClientError.invalid("grantee_org", "no organisation " + grantee);
        }
        LOCK_PAIR.bind("pair", grantor + " " + grantee).list(c, rs -> null);
        Optional<UUID> held = IN_FORCE.bind("grantor", grantor).bind("grantee", grantee)
                .first(c, rs -> rs.getObject(1, UUID.class));
        if (held.isPresent()) {
            throw ClientError.conflict("grantee_org", grantor + " has granted " + grantee + " already (grant "
                    + held.get() + "); revoke it first to record a new one");
        }
        Grant g = new Grant(UUID.randomUUID(), grantor, grantee, by, at, null, null);
        INSERT.bind("id", g.id()).bind("grantor", grantor).bind("grantee", grantee).bind("by", by).bind("at", at)
                .update(c);
        return g;
    }

    /** Revokes grant {@code id} the caller's organisation gave: 404 when it gave none such, 409 when revoked. */
    static Grant revoke(Connection c, Visibility vis, String id, String by, Instant at) throws SQLException {
        UUID uuid = Traces.uuid(id);
        Grant g = (uuid == null ? Optional.<Grant>empty() : GIVEN.bind(vis).bind("id", uuid).first(c, Grant.MAPPER))
                .orElseThrow(() -> ClientError.notFound("no trace grant " + id + " given by your organisation"));
        if (g.revokedAt() != null) {
            throw ClientError.conflict("id", "trace grant " + id + " was revoked at " + g.revokedAt());
        }
        REVOKE.bind("id", uuid).bind("by", by).bind("at", at).update(c);
        return new Grant(g.id(), g.grantor(), g.grantee(), g.grantedBy(), g.grantedAt(), by, at);
    }

    static List<Grant> list(Connection c, Visibility vis, String direction, int limit) throws SQLException {
        return LIST.bind(vis).bind("direction", direction).bind("limit", limit).list(c, Grant.MAPPER);
    }
}
