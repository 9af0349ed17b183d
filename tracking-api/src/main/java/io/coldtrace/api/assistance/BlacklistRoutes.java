package io.coldtrace.api.assistance;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.auth.Principal;
import io.coldtrace.api.auth.Role;
import io.coldtrace.api.certifications.Evidence;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.db.Sql;
import io.coldtrace.api.db.SqlStates;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.JsonBody;
import io.coldtrace.api.http.Params;
import io.coldtrace.api.http.Responses;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.parties.PartyQueries;
import io.coldtrace.api.parties.PartyRow;
import io.coldtrace.api.products.ProductQueries;
import io.vertx.core.Future;
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
 * The blacklist (黑名单, issue 9 §3): the authority covering a party's county (or an admin) enters a party, or one
 * product of it, with a reason, evidence and the days it is in force, and lifts it with a reason (a row of its own).
 * While in force: the party's lots are not received (the ledger refuses, events.Holds), neither party nor product
 * applies or is certified, and their certificates count as suspended (off the public list).
 */
final class BlacklistRoutes {
    private static final Set<String> FIELDS = Set.of("id", "party_id", "product_id", "reason", "evidence",
            "valid_from", "valid_until");
    private static final String BASE = "/api/v1/blacklist";
    private static final Sql GET = Sql.of(BlacklistRow.SELECT + " AND e.id = :id");
    private static final Sql LIST = Sql.of("SELECT * FROM (" + BlacklistRow.SELECT + """
            ) x WHERE CAST(:status AS text) IS NULL OR x.status = CAST(:status AS text)
            ORDER BY x.entered_at DESC, x.id LIMIT :limit""");
    private static final Sql LOCK = Sql.of("SELECT id, org_id, division_code FROM blacklist_entry WHERE id = :id "
            + "FOR UPDATE");
    private static final Sql INSERT = Sql.of("""
            INSERT INTO blacklist_entry (id, org_id, party_id, product_id, uscc, division_code, reason, evidence,
                                         valid_from, valid_until, authority, authority_region, entered_by, entered_at)
            VALUES (:id, :org, :party, :product, :uscc, :division, :reason, :evidence, :from, :until, :authority,
                    :region, :by, :at)""");
    private static final Sql LIFTED = Sql.of("SELECT lifted_at FROM blacklist_lift WHERE entry_id = :id");
    private static final Sql LIFT = Sql.of("""
            INSERT INTO blacklist_lift (entry_id, reason, authority, authority_region, lifted_by, lifted_at)
            VALUES (:id, :reason, :authority, :region, :by, :at)""");

    private final BlockingDb db;
    private final Clock clock;

    BlacklistRoutes(BlockingDb db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    void register(RouteTable routes) {
        routes.post(BASE, ApplicationRoutes.AUTHORITY, this::enter).example("{\"party_id\": \"{blacklist-party}\", "
                + "\"reason\": \"pesticide residue over the limit twice\", \"evidence\": \"county test report 17\"}");
        routes.get(BASE, ApplicationRoutes.READERS, this::list);
        routes.get(BASE + "/:id", ApplicationRoutes.READERS, this::get).example(BASE + "/{blacklist-entry}", null);
        routes.post(BASE + "/:id/lift", ApplicationRoutes.AUTHORITY, this::lift)
                .example(BASE + "/{blacklist-entry}/lift", "{\"reason\": \"rectified and re-tested\"}");
        routes.upload(BASE + "/:id/evidence", ApplicationRoutes.AUTHORITY, Evidence.MAX_BYTES, this::upload)
                .example(BASE + "/{blacklist-entry}/evidence?filename=report.pdf", "%PDF-1.4 test report",
                        "application/pdf");
        routes.get(BASE + "/:id/evidence/:file", ApplicationRoutes.READERS, this::file)
                .example(BASE + "/{blacklist-entry}/evidence/{blacklist-evidence}", null);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(PublicList.CALENDAR));
    }

    private Future<Void> enter(RoutingContext ctx) {
        Principal who = Principal.of(ctx);
        Visibility vis = Visibility.of(ctx);
        JsonBody b = JsonBody.of(ctx, FIELDS);
        UUID id = b.has("id") ? ApplicationRoutes.uuid(b.optText("id", 36), "id") : UUID.randomUUID();
        String partyId = b.text("party_id", 64);
        String productId = b.optText("product_id", 64);
        String reason = b.text("reason", 2000);
        String evidence = b.optText("evidence", 2000);
        LocalDate today = today();
        LocalDate from = b.has("valid_from") ? b.date("valid_from") : today;
        LocalDate until = b.has("valid_until") ? b.date("valid_until") : null;
        if (until != null && until.isBefore(from)) {
            throw ClientError.invalid("valid_until", "valid_until (" + until + ") is before valid_from (" + from
                    + ")");
        }
        return db.transaction(c -> {
            // an authority names any organisation's party (suppliers are in every buyer's master data); others theirs
            Visibility finds = who.role() == Role.AUTHORITY ? Visibility.ALL : vis;
            PartyRow party = PartyQueries.get(c, finds, partyId)
                    .orElseThrow(() -> ClientError.invalid("party_id", "no party " + partyId));
            if (productId != null && ProductQueries.get(c, Visibility.org(party.orgId()), productId).isEmpty()) {
                throw ClientError.invalid("product_id", "no product " + productId + " of the party's organisation "
                        + party.orgId());
            }
            Authorities.require(who, party.divisionCode(), "party_id");
            SqlStates.newId(() -> INSERT.bind("id", id).bind("org", party.orgId()).bind("party", partyId)
                    .bind("product", productId).bind("uscc", party.uscc()).bind("division", party.divisionCode())
                    .bind("reason", reason).bind("evidence", evidence).bind("from", from).bind("until", until)
                    .bind("authority", Authorities.name(c, who)).bind("region", who.region()).bind("by", who.name())
                    .bind("at", clock.instant()).update(c), "blacklist entry", id.toString());
            return detailed(c, read(c, new Scope(Visibility.ALL, null), id, today).orElseThrow());
        }).compose(j -> Responses.created(ctx, j));
    }

    private Future<Void> lift(RoutingContext ctx) {
        Principal who = Principal.of(ctx);
        String reason = JsonBody.of(ctx, Set.of("reason")).text("reason", 2000);
        LocalDate today = today();
        return db.transaction(c -> {
            UUID id = lock(c, ctx, who);
            Optional<java.time.Instant> lifted = LIFTED.bind("id", id).first(c,
                    rs -> io.coldtrace.api.db.Rows.instant(rs, "lifted_at"));
            if (lifted.isPresent()) {
                throw ClientError.conflict("id", "blacklist entry " + id + " was lifted " + lifted.get()
                        + " already");
            }
            LIFT.bind("id", id).bind("reason", reason).bind("authority", Authorities.name(c, who))
                    .bind("region", who.region()).bind("by", who.name()).bind("at", clock.instant()).update(c);
            return detailed(c, read(c, new Scope(Visibility.ALL, null), id, today).orElseThrow());
        }).compose(j -> Responses.created(ctx, j));
    }

    private Future<Void> upload(RoutingContext ctx) {
        Principal who = Principal.of(ctx);
        Evidence file = EvidenceFiles.of(ctx);
        return db.transaction(c -> EvidenceFiles.insert(c, null, lock(c, ctx, who), file, who.name()))
                .compose(j -> Responses.created(ctx, j));
    }

    private Future<Void> list(RoutingContext ctx) {
        Params.onlyQuery(ctx, List.of("status", "limit"));
        Scope scope = Scope.of(ctx);
        String status = Params.choiceQuery(ctx, "status", null, List.of("in_force", "not_yet_in_force", "ended",
                "lifted"));
        int limit = Params.limit(ctx);
        LocalDate today = today();
        return db.query(c -> scope.bind(LIST).bind("today", today).bind("status", status).bind("limit", limit)
                .list(c, BlacklistRow.MAPPER)).compose(rows -> Responses.items(ctx, rows, BlacklistRow::toJson));
    }

    private Future<Void> get(RoutingContext ctx) {
        return Reads.one(ctx, db, today(), BlacklistRoutes::read, BlacklistRoutes::detailed, "blacklist entry");
    }

    private Future<Void> file(RoutingContext ctx) {
        return Reads.file(ctx, db, today(), BlacklistRoutes::read, true, "blacklist entry");
    }

    /** The entry of the path, locked; an authority outside the party's county is refused (403 naming party_id). */
    private static UUID lock(Connection c, RoutingContext ctx, Principal who) throws SQLException {
        UUID id = EvidenceFiles.uuid(ctx.pathParam("id"));
        Visibility vis = Visibility.of(ctx);
        Optional<String[]> e = id == null ? Optional.empty() : LOCK.bind("id", id).first(c,
                rs -> new String[] {rs.getString("org_id"), rs.getString("division_code")});
        if (e.isEmpty() || who.role() != Role.AUTHORITY && !vis.admits(e.get()[0])) {
            throw ClientError.notFound("no blacklist entry " + ctx.pathParam("id"));
        }
        Authorities.require(who, e.get()[1], "party_id");
        return id;
    }

    private static Optional<BlacklistRow> read(Connection c, Scope scope, UUID id, LocalDate today)
            throws SQLException {
        return scope.bind(GET).bind("today", today).bind("id", id).first(c, BlacklistRow.MAPPER);
    }

    private static JsonObject detailed(Connection c, BlacklistRow row) throws SQLException {
        return row.toJson().put("evidence_files", EvidenceFiles.list(c, null, row.id()));
    }
}
