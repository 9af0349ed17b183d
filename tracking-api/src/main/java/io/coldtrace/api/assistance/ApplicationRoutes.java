package io.coldtrace.api.assistance;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.auth.Principal;
import io.coldtrace.api.auth.Role;
import io.coldtrace.api.certifications.Blacklisted;
import io.coldtrace.api.certifications.Evidence;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.db.SqlStates;
import io.coldtrace.api.http.Access;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.JsonBody;
import io.coldtrace.api.http.Params;
import io.coldtrace.api.http.Responses;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.orgs.OrgQueries;
import io.coldtrace.api.parties.PartyQueries;
import io.coldtrace.api.parties.PartyRow;
import io.coldtrace.api.products.ProductQueries;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Certified assistance products (帮扶产品认定, issue 9 §2): a producer organisation's operators and QA apply for a
 * product of a producing party, with evidence files; the authority covering the party's county certifies (the
 * certificate: number, issuer, validity) or refuses with a reason, once; it re-checks certificates (核查清理),
 * confirming or revoking them. Every step is a row of its own (V9_40).
 */
final class ApplicationRoutes {
    static final Access PRODUCERS = Access.roles(Role.OPERATOR, Role.QA);
    static final Access AUTHORITY = Access.roles(Role.AUTHORITY);
    static final Access READERS = Access.roles(Role.OPERATOR, Role.QA, Role.AUTHORITY);
    private static final Set<String> APPLY_FIELDS = Set.of("id", "org_id", "product_id", "party_id", "note");
    private static final Set<String> DECISION_FIELDS = Set.of("outcome", "reason", "certificate_number",
            "valid_from", "valid_to");
    private static final Set<String> RECHECK_FIELDS = Set.of("outcome", "reason");
    static final List<String> STATUSES = List.of("pending", "refused", "valid", "not_yet_valid", "expired",
            "revoked", "suspended");
    private static final String BASE = "/api/v1/assistance/applications";

    private final BlockingDb db;
    private final Clock clock;

    ApplicationRoutes(BlockingDb db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    void register(RouteTable routes) {
        routes.post(BASE, PRODUCERS, this::apply).example("{\"org_id\": \"{org}\", \"product_id\": \"{product}\", "
                + "\"party_id\": \"{party}\", \"note\": \"county-grown kiwifruit\"}");
        routes.get(BASE, READERS, this::list);
        routes.get(BASE + "/:id", READERS, this::get).example(BASE + "/{application}", null);
        routes.post(BASE + "/:id/decision", AUTHORITY, this::decide).example(BASE + "/{application}/decision",
                "{\"outcome\": \"certified\", \"certificate_number\": \"AP-{new}\", \"valid_from\": \"2025-01-01\", "
                        + "\"valid_to\": \"2099-12-31\"}");
        routes.post(BASE + "/:id/rechecks", AUTHORITY, this::recheck).example(BASE + "/{certified-application}"
                + "/rechecks", "{\"outcome\": \"confirmed\"}");
        routes.upload(BASE + "/:id/evidence", PRODUCERS, Evidence.MAX_BYTES, this::upload)
                .example(BASE + "/{application}/evidence?filename=origin.pdf", "%PDF-1.4 origin certificate",
                        "application/pdf");
        routes.get(BASE + "/:id/evidence/:file", READERS, this::file)
                .example(BASE + "/{application}/evidence/{application-evidence}", null);
        routes.get("/api/v1/assistance/expiring", READERS, this::expiring);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(PublicList.CALENDAR));
    }

    private Future<Void> apply(RoutingContext ctx) {
        Principal who = Principal.of(ctx);
        Visibility vis = Visibility.of(ctx);
        JsonBody b = JsonBody.of(ctx, APPLY_FIELDS);
        UUID id = b.has("id") ? uuid(b.optText("id", 36), "id") : UUID.randomUUID();
        String org = vis.owner(b.optText("org_id", 64));
        String productId = b.text("product_id", 64);
        String partyId = b.text("party_id", 64);
        String note = b.optText("note", 2000);
        LocalDate today = today();
        return db.transaction(c -> {
            OrgQueries.requireExists(c, org, "org_id");
            Visibility owner = Visibility.org(org);
            PartyRow party = PartyQueries.get(c, owner, partyId)
                    .orElseThrow(() -> ClientError.invalid("party_id", "no party " + partyId));
            if (ProductQueries.get(c, owner, productId).isEmpty()) {
                throw ClientError.invalid("product_id", "no product " + productId);
            }
            Blacklisted.refuse(c, partyId, productId, today, "certified");
            Optional<UUID> pending = AssistanceSql.PENDING.bind("product", productId).bind("party", partyId)
                    .first(c, rs -> rs.getObject("id", UUID.class));
            if (pending.isPresent()) {
                throw ClientError.conflict("product_id", "application " + pending.get() + " of product " + productId
                        + " by " + partyId + " awaits its decision already");
            }
            SqlStates.newId(() -> AssistanceSql.INSERT.bind("id", id).bind("org", org).bind("product", productId)
                    .bind("party", partyId).bind("division", party.divisionCode()).bind("note", note)
                    .bind("by", who.name()).bind("at", clock.instant()).update(c), "application", id.toString());
            return read(c, new Scope(Visibility.ALL, null), id, today).orElseThrow().toJson();
        }).compose(j -> Responses.created(ctx, j));
    }

    private Future<Void> list(RoutingContext ctx) {
        Params.onlyQuery(ctx, List.of("status", "limit"));
        Scope scope = Scope.of(ctx);
        String status = Params.choiceQuery(ctx, "status", null, STATUSES);
        int limit = Params.limit(ctx);
        LocalDate today = today();
        return db.query(c -> scope.bind(AssistanceSql.LIST).bind("today", today).bind("status", status)
                .bind("limit", limit).list(c, ApplicationRow.MAPPER))
                .compose(rows -> Responses.items(ctx, rows, ApplicationRow::toJson));
    }

    /** Certificates (not revoked) whose validity ends within {@code ?days=} (30) from today: time to renew. */
    private Future<Void> expiring(RoutingContext ctx) {
        Params.onlyQuery(ctx, List.of("days", "limit"));
        Scope scope = Scope.of(ctx);
        int days = Params.intQuery(ctx, "days", 30, 0, 366);
        int limit = Params.limit(ctx);
        LocalDate today = today();
        return db.query(c -> scope.bind(AssistanceSql.EXPIRING).bind("today", today)
                .bind("until", today.plusDays(days)).bind("limit", limit).list(c, ApplicationRow.MAPPER))
                .compose(rows -> Responses.items(ctx, rows, r -> r.toJson().put("days_left",
                        java.time.temporal.ChronoUnit.DAYS.between(today, r.validTo()))));
    }

    private Future<Void> get(RoutingContext ctx) {
        return Reads.one(ctx, db, today(), ApplicationRoutes::read, ApplicationRoutes::detailed, "application");
    }

    /** The authority decides once: certified (the certificate) or refused (a reason). */
    private Future<Void> decide(RoutingContext ctx) {
        Principal who = Principal.of(ctx);
        JsonBody b = JsonBody.of(ctx, DECISION_FIELDS);
        String outcome = Reads.outcome(b, "certified", "refused");
        boolean certified = outcome.equals("certified");
        String reason = certified ? b.optText("reason", 2000) : b.text("reason", 2000);
        String number = certified ? b.text("certificate_number", 100) : null;
        LocalDate from = certified ? b.date("valid_from") : null;
        LocalDate to = certified ? b.date("valid_to") : null;
        if (!certified && b.has("certificate_number")) {
            throw ClientError.invalid("certificate_number", "a refusal issues no certificate");
        }
        if (certified && to.isBefore(from)) {
            throw ClientError.invalid("valid_to", "valid_to (" + to + ") is before valid_from (" + from + ")");
        }
        LocalDate today = today();
        return db.transaction(c -> {
            Locked app = lock(c, ctx, who);
            if (AssistanceSql.DECIDED.bind("id", app.id()).first(c, rs -> rs.getString("outcome")).isPresent()) {
                throw ClientError.conflict("id", "application " + app.id() + " is decided already: a new decision "
                        + "needs a new application");
            }
            ApplicationRow row = read(c, new Scope(Visibility.ALL, null), app.id(), today).orElseThrow();
            if (certified) {
                Blacklisted.refuse(c, row.partyId(), row.productId(), today, "certified");
                Optional<UUID> taken = AssistanceSql.NUMBER_TAKEN.bind("number", number)
                        .first(c, rs -> rs.getObject("application_id", UUID.class));
                if (taken.isPresent()) {
                    throw ClientError.conflict("certificate_number", "certificate " + number
                            + " was issued already (application " + taken.get() + ")");
                }
            }
            AssistanceSql.DECIDE.bind("id", app.id()).bind("outcome", outcome).bind("reason", reason)
                    .bind("number", number).bind("from", from).bind("to", to).bind("issuer", Authorities.name(c, who))
                    .bind("region", who.region()).bind("by", who.name()).bind("at", clock.instant()).update(c);
            return detailed(c, read(c, new Scope(Visibility.ALL, null), app.id(), today).orElseThrow());
        }).compose(j -> Responses.created(ctx, j));
    }

    /** A periodic re-check (核查清理) of a certificate: confirmed, or revoked with a reason (which ends it). */
    private Future<Void> recheck(RoutingContext ctx) {
        Principal who = Principal.of(ctx);
        JsonBody b = JsonBody.of(ctx, RECHECK_FIELDS);
        String outcome = Reads.outcome(b, "confirmed", "revoked");
        String reason = outcome.equals("revoked") ? b.text("reason", 2000) : b.optText("reason", 2000);
        LocalDate today = today();
        return db.transaction(c -> {
            Locked app = lock(c, ctx, who);
            ApplicationRow row = read(c, new Scope(Visibility.ALL, null), app.id(), today).orElseThrow();
            if (!row.certified()) {
                throw ClientError.conflict("id", "application " + app.id() + " is " + row.status()
                        + ": only a certificate is re-checked");
            }
            if (row.revokedAt() != null) {
                throw ClientError.conflict("id", "certificate " + row.certificateNumber() + " was revoked "
                        + row.revokedAt() + " already");
            }
            AssistanceSql.RECHECK.bind("id", UUID.randomUUID()).bind("application", app.id())
                    .bind("outcome", outcome).bind("reason", reason).bind("by", who.name())
                    .bind("region", who.region()).bind("at", clock.instant()).update(c);
            return detailed(c, read(c, new Scope(Visibility.ALL, null), app.id(), today).orElseThrow());
        }).compose(j -> Responses.created(ctx, j));
    }

    private Future<Void> upload(RoutingContext ctx) {
        Principal who = Principal.of(ctx);
        Scope scope = Scope.of(ctx);
        UUID id = EvidenceFiles.uuid(ctx.pathParam("id"));
        Evidence file = EvidenceFiles.of(ctx);
        LocalDate today = today();
        return db.transaction(c -> {
            ApplicationRow row = (id == null ? Optional.<ApplicationRow>empty() : read(c, scope, id, today))
                    .orElseThrow(() -> ClientError.notFound("no application " + ctx.pathParam("id")));
            if (row.outcome() != null) {
                throw ClientError.conflict("id", "application " + id + " is decided: its evidence stays as the "
                        + "authority saw it");
            }
            return EvidenceFiles.insert(c, row.id(), null, file, who.name());
        }).compose(j -> Responses.created(ctx, j));
    }

    private Future<Void> file(RoutingContext ctx) {
        return Reads.file(ctx, db, today(), ApplicationRoutes::read, false, "application");
    }

    private record Locked(UUID id, String orgId, String division) {
    }

    /**
     * The application of the path, locked, for an authority's step: an authority finds any organisation's and is
     * refused (403 naming party_id) outside its region; anyone else (an admin) finds only those it sees.
     */
    private static Locked lock(Connection c, RoutingContext ctx, Principal who) throws SQLException {
        UUID id = EvidenceFiles.uuid(ctx.pathParam("id"));
        Visibility vis = Visibility.of(ctx);
        Optional<Locked> app = id == null ? Optional.empty() : AssistanceSql.LOCK.bind("id", id).first(c,
                rs -> new Locked(rs.getObject("id", UUID.class), rs.getString("org_id"),
                        rs.getString("division_code")));
        if (app.isEmpty() || who.role() != Role.AUTHORITY && !vis.admits(app.get().orgId())) {
            throw ClientError.notFound("no application " + ctx.pathParam("id"));
        }
        Authorities.require(who, app.get().division(), "party_id");
        return app.get();
    }

    private static Optional<ApplicationRow> read(Connection c, Scope scope, UUID id, LocalDate today)
            throws SQLException {
        return scope.bind(AssistanceSql.GET).bind("today", today).bind("id", id).first(c, ApplicationRow.MAPPER);
    }

    /** The application's JSON with its re-checks and evidence files. */
    private static JsonObject detailed(Connection c, ApplicationRow row) throws SQLException {
        JsonArray rechecks = new JsonArray(AssistanceSql.RECHECKS.bind("id", row.id()).list(c, rs -> new JsonObject()
                .put("id", rs.getString("id")).put("outcome", rs.getString("outcome"))
                .put("reason", rs.getString("reason")).put("checked_by", rs.getString("checked_by"))
                .put("checker_region", rs.getString("checker_region"))
                .put("checked_at", io.coldtrace.api.db.Rows.iso(io.coldtrace.api.db.Rows.instant(rs, "checked_at")))));
        return row.toJson().put("rechecks", rechecks).put("evidence", EvidenceFiles.list(c, row.id(), null));
    }

    static UUID uuid(String v, String field) {
        UUID id = EvidenceFiles.uuid(v);
        if (id == null) {
            throw ClientError.invalid(field, field + " must be a UUID");
        }
        return id;
    }
}
