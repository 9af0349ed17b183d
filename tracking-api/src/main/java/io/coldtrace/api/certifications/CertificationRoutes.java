package io.coldtrace.api.certifications;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.auth.Principal;
import io.coldtrace.api.auth.Role;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.db.SqlStates;
import io.coldtrace.api.http.Access;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.Csv;
import io.coldtrace.api.http.JsonBody;
import io.coldtrace.api.http.Params;
import io.coldtrace.api.http.Policies;
import io.coldtrace.api.http.Responses;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.http.ScopedRoutes;
import io.coldtrace.api.orgs.OrgQueries;
import io.coldtrace.api.parties.PartyQueries;
import io.coldtrace.api.products.ProductQueries;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Certifications of parties and products: operators and QA (of their own organisation) and admins record them and
 * supersede them (never edit: a certification and its evidence stay as recorded); every role reads its own, each with
 * its status on today's date in China (Asia/Shanghai).
 */
public final class CertificationRoutes {
    /** Operators and QA record certificates (QA checks them at receiving). */
    static final Access RECORDERS = Access.roles(Role.OPERATOR, Role.QA);
    /** Certificates are dated in China's calendar. */
    public static final ZoneId CALENDAR = ZoneId.of("Asia/Shanghai");

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
        routes.get("/api/v1/certifications", Policies.READ_OPERATIONS, ScopedRoutes.list(db, CertificationFilter::of,
                (c, vis, f, limit) -> CertificationQueries.list(c, vis, today(), f, limit), CertificationRow::toJson));
        routes.get("/api/v1/certifications/:id", Policies.READ_OPERATIONS, ScopedRoutes.get(db, "certification",
                (c, vis, id) -> CertificationQueries.get(c, vis, today(), id), CertificationRow::toJson));
        // certifications are append-only (V9_1): an update is a new certification superseding this one
        routes.put("/api/v1/certifications/:id", RECORDERS, this::supersede)
                .example("{\"id\": \"{new}\", \"kind\": \"organic\", \"number\": \"OC-2025-001-R1\", "
                        + "\"issuer\": \"CQC\", \"valid_from\": \"2025-01-01\", \"valid_to\": \"2028-12-31\"}");
        routes.upload("/api/v1/certifications/:id/evidence", RECORDERS, Evidence.MAX_BYTES, this::upload)
                .example("/api/v1/certifications/{certification}/evidence?filename=certificate.pdf",
                        "%PDF-1.4 scanned certificate", "application/pdf");
        routes.get("/api/v1/certifications/:id/evidence", Policies.READ_OPERATIONS, this::evidence);
        routes.get("/api/v1/certifications/:id/evidence/:file", Policies.READ_OPERATIONS, this::file);
    }

    /** Stores an evidence file (the raw body) with its SHA-256; the certification must be the caller's. */
    private Future<Void> upload(RoutingContext ctx) {
        Principal who = Principal.of(ctx);
        Visibility vis = Visibility.of(ctx);
        String id = Params.pathText(ctx, "id", 64);
        Buffer body = ctx.body().buffer();
        Evidence file = Evidence.of(ctx.request().getParam("filename"), ctx.request().getHeader("content-type"),
                body == null ? new byte[0] : body.getBytes());
        return db.transaction(c -> {
            CertificationRow cert = CertificationQueries.get(c, vis, today(), id)
                    .orElseThrow(() -> ClientError.notFound("no certification " + id));
            if (cert.supersededBy() != null) {
                throw ClientError.conflict("id", "certification " + id + " is superseded by " + cert.supersededBy()
                        + ": its evidence stays as it is; attach new evidence to " + cert.supersededBy());
            }
            return EvidenceQueries.insert(c, id, cert.orgId(), file, who.name());
        }).compose(row -> Responses.created(ctx, row.toJson()));
    }

    private Future<Void> evidence(RoutingContext ctx) {
        Visibility vis = Visibility.of(ctx);
        String id = Params.pathText(ctx, "id", 64);
        return db.query(c -> {
            if (CertificationQueries.get(c, vis, today(), id).isEmpty()) {
                throw ClientError.notFound("no certification " + id);
            }
            return EvidenceQueries.list(c, vis, id);
        }).compose(rows -> Responses.items(ctx, rows, EvidenceRow::toJson));
    }

    /** The file's bytes as uploaded, with its SHA-256 in a header so a download can be checked against the record. */
    private Future<Void> file(RoutingContext ctx) {
        Visibility vis = Visibility.of(ctx);
        String id = Params.pathText(ctx, "id", 64);
        long fileId = Params.pathId(ctx, "file");
        return db.query(c -> EvidenceQueries.content(c, vis, id, fileId)).compose(found -> found
                .map(f -> ctx.response().putHeader("content-type", f.row().contentType())
                        .putHeader("content-disposition", Csv.attachment(f.row().filename()))
                        .putHeader("x-content-sha256", f.row().sha256())
                        .putHeader("x-content-type-options", "nosniff")
                        .putHeader("cache-control", "no-store")
                        .end(Buffer.buffer(f.content())))
                .orElseGet(() -> Future.failedFuture(ClientError.notFound("no evidence file " + fileId
                        + " of certification " + id))));
    }

    /**
     * Records the body as a new certification of the same holder superseding {@code :id} (201 with the new one); the
     * old one stays, shown with {@code superseded_by}. Only the current one of a line may be superseded (409).
     */
    private Future<Void> supersede(RoutingContext ctx) {
        Visibility vis = Visibility.of(ctx);
        String id = Params.pathText(ctx, "id", 64);
        JsonBody body = JsonBody.of(ctx, Certification.SUCCESSOR_FIELDS);
        return db.transaction(c -> {
            CertificationRow old = CertificationQueries.getForSuccession(c, vis, today(), id)
                    .orElseThrow(() -> ClientError.notFound("no certification " + id));
            if (old.supersededBy() != null) {
                throw ClientError.conflict("id", "certification " + id + " is superseded by " + old.supersededBy()
                        + " already: supersede " + old.supersededBy() + " instead");
            }
            Certification next = Certification.superseding(body, old);
            refuseBlacklisted(c, next);
            if (next.id().equals(old.id())) {
                throw ClientError.conflict("id", "certification " + id + " exists already: the certification "
                        + "superseding it takes an id of its own");
            }
            return SqlStates.newId(() -> CertificationQueries.insert(c, next, today()), "certification", next.id());
        }).compose(row -> Responses.created(ctx, row.toJson()));
    }

    /** An assistance-product certificate is not recorded for a blacklisted holder (409 naming the entry). */
    private void refuseBlacklisted(java.sql.Connection c, Certification cert) throws java.sql.SQLException {
        if (cert.kind().equals("assistance_product")) {
            Blacklisted.refuse(c, cert.partyId(), cert.productId(), today(), "certified as an assistance product");
        }
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
            refuseBlacklisted(c, cert);
            return SqlStates.newId(() -> CertificationQueries.insert(c, cert, today()), "certification", cert.id());
        }).compose(row -> Responses.created(ctx, row.toJson()));
    }
}
