package io.coldtrace.api.certifications;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.auth.Role;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.db.SqlStates;
import io.coldtrace.api.http.Access;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.JsonBody;
import io.coldtrace.api.http.Policies;
import io.coldtrace.api.http.Responses;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.http.ScopedRoutes;
import io.coldtrace.api.orgs.OrgQueries;
import io.coldtrace.api.parties.PartyQueries;
import io.coldtrace.api.products.ProductQueries;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Certifications of parties and products: operators and QA (of their own organisation) and admins record them; every
 * role reads its own, each with its status on today's date in China (Asia/Shanghai).
 */
public final class CertificationRoutes {
    /** Operators and QA record certificates (QA checks them at receiving). */
    static final Access RECORDERS = Access.roles(Role.OPERATOR, Role.QA);
    /** Certificates are dated in China's calendar. */
    static final ZoneId CALENDAR = ZoneId.of("Asia/Shanghai");

    private final BlockingDb db;
    private final Clock clock;

    public CertificationRoutes(BlockingDb db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public void register(RouteTable routes) {
        routes.post("/api/v1/certifications", RECORDERS, this::create)
                .example("{\"id\": \"{new}\", \"org_id\": \"{org}\", \"party_id\": \"{party}\", \"kind\": \"organic\", "
                        + "\"number\": \"OC-2025-001\", \"issuer\": \"CQC\", \"valid_from\": \"2025-01-01\", "
                        + "\"valid_to\": \"2027-12-31\"}");
        routes.get("/api/v1/certifications", Policies.READ_OPERATIONS, ScopedRoutes.list(db,
                (c, vis, limit) -> CertificationQueries.list(c, vis, today(), limit), CertificationRow::toJson));
        routes.get("/api/v1/certifications/:id", Policies.READ_OPERATIONS, ScopedRoutes.get(db, "certification",
                (c, vis, id) -> CertificationQueries.get(c, vis, today(), id), CertificationRow::toJson));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(CALENDAR));
    }

    private Future<Void> create(RoutingContext ctx) {
        Visibility vis = Visibility.of(ctx);
        Certification asked = Certification.from(JsonBody.of(ctx, Certification.CREATE_FIELDS));
        Certification cert = asked.ownedBy(vis.owner(asked.orgId()));
        return db.transaction(c -> {
            OrgQueries.requireExists(c, cert.orgId(), "org_id");
            // the holder must be the certificate's organisation's: another's does not exist for it
            Visibility owner = Visibility.org(cert.orgId());
            if (cert.partyId() != null && PartyQueries.get(c, owner, cert.partyId()).isEmpty()) {
                throw ClientError.invalid("party_id", "no party " + cert.partyId());
            }
            if (cert.productId() != null && ProductQueries.get(c, owner, cert.productId()).isEmpty()) {
                throw ClientError.invalid("product_id", "no product " + cert.productId());
            }
            return SqlStates.newId(() -> CertificationQueries.insert(c, cert, today()), "certification", cert.id());
        }).compose(row -> Responses.created(ctx, row.toJson()));
    }
}
