package io.coldtrace.api.qualitytests;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.auth.Principal;
import io.coldtrace.api.auth.Role;
import io.coldtrace.api.certifications.Evidence;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.db.Rows;
import io.coldtrace.api.db.SqlStates;
import io.coldtrace.api.events.Holds;
import io.coldtrace.api.http.Access;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.Csv;
import io.coldtrace.api.http.JsonBody;
import io.coldtrace.api.http.Params;
import io.coldtrace.api.http.Policies;
import io.coldtrace.api.http.Responses;
import io.coldtrace.api.http.RouteTable;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Quality tests of lots (issue 9 §3): operators and QA record them (a correction names the test it corrects), QA
 * releases a failed test's hold with a reason; evidence files are kept with their SHA-256. A failed test holds its lot
 * and every lot made from it ({@link Holds}) and its answer proposes the recall case to open for them.
 */
final class QualityTestRoutes {
    static final Access RECORDERS = Access.roles(Role.OPERATOR, Role.QA);
    private static final Set<String> RELEASE_FIELDS = Set.of("reason");
    private static final List<String> LIST_PARAMS = List.of("lot", "result", "holding", "limit");

    private final BlockingDb db;
    private final Clock clock;

    QualityTestRoutes(BlockingDb db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    void register(RouteTable routes) {
        routes.post("/api/v1/quality-tests", RECORDERS, this::create)
                .example("{\"org_id\": \"{org}\", \"lot\": \"{lot}\", \"kind\": \"rapid\", \"analyte\": "
                        + "\"organophosphates\", \"value\": 12, \"unit\": \"% inhibition\", \"limit\": 50, \"lab\": "
                        + "\"Wuxi county rapid test station\", \"tested_at\": \"{recent}\"}");
        routes.get("/api/v1/quality-tests", Policies.READ_OPERATIONS, this::list)
                .example("/api/v1/quality-tests?lot={lot}", null);
        routes.get("/api/v1/quality-tests/:id", Policies.READ_OPERATIONS, this::get)
                .example("/api/v1/quality-tests/{quality-test}", null);
        routes.post("/api/v1/quality-tests/:id/release", Policies.QUALITY, this::release)
                .example("/api/v1/quality-tests/{quality-test}/release", "{\"reason\": \"lab retest passed\"}");
        routes.upload("/api/v1/quality-tests/:id/evidence", RECORDERS, Evidence.MAX_BYTES, this::upload)
                .example("/api/v1/quality-tests/{quality-test}/evidence?filename=report.pdf",
                        "%PDF-1.4 lab report", "application/pdf");
        routes.get("/api/v1/quality-tests/:id/evidence", Policies.READ_OPERATIONS, this::evidence)
                .example("/api/v1/quality-tests/{quality-test}/evidence", null);
        routes.get("/api/v1/quality-tests/:id/evidence/:file", Policies.READ_OPERATIONS, this::file)
                .example("/api/v1/quality-tests/{quality-test}/evidence/{quality-test-evidence}", null);
    }

    private Future<Void> create(RoutingContext ctx) {
        Principal who = Principal.of(ctx);
        Visibility vis = Visibility.of(ctx);
        Instant now = clock.instant();
        QualityTest asked = QualityTest.parse(JsonBody.of(ctx, QualityTest.FIELDS), now);
        QualityTest t = asked.ownedBy(vis.owner(asked.orgId()));
        return db.transaction(c -> {
            Lot lot = lot(c, t.orgId(), t.lot()).orElseThrow(() -> ClientError.invalid("lot", "no lot " + t.lot()
                    + " in organisation " + t.orgId()));
            if (t.supersedes() != null) {
                QualityTestRow old = QualityTestSql.GET.bind(Visibility.org(t.orgId())).bind("id", t.supersedes())
                        .first(c, QualityTestRow.MAPPER)
                        .orElseThrow(() -> ClientError.invalid("supersedes", "no quality test " + t.supersedes()));
                if (old.supersededBy() != null) {
                    throw ClientError.conflict("supersedes", "test " + old.id() + " is corrected by "
                            + old.supersededBy() + " already: correct that one instead");
                }
                if (!old.lotId().equals(lot.id())) {
                    throw ClientError.invalid("lot", "a correction is of the same lot as the test it corrects ("
                            + old.lotCode() + ")");
                }
            }
            // a hold starts with the record: appends of the organisation wait until it is committed
            Holds.lockLedger(c, t.orgId());
            SqlStates.newId(() -> QualityTestSql.INSERT.bind("id", t.id()).bind("org", t.orgId())
                    .bind("lot", lot.id()).bind("kind", t.kind()).bind("analyte", t.analyte()).bind("value", t.value())
                    .bind("unit", t.valueUnit()).bind("limit", t.limit()).bind("result", t.result())
                    .bind("lab", t.lab()).bind("method", t.method()).bind("sampled", t.sampledAt())
                    .bind("tested", t.testedAt()).bind("note", t.note()).bind("supersedes", t.supersedes())
                    .bind("reason", t.reason()).bind("by", who.name()).bind("at", now).update(c),
                    "quality test", t.id().toString());
            return withHold(c, read(c, Visibility.org(t.orgId()), t.id()).orElseThrow());
        }).compose(j -> Responses.created(ctx, j));
    }

    private Future<Void> list(RoutingContext ctx) {
        Params.onlyQuery(ctx, LIST_PARAMS);
        Visibility vis = Visibility.of(ctx);
        String lot = Params.textQuery(ctx, "lot", 64);
        String result = Params.choiceQuery(ctx, "result", null, List.of("pass", "fail"));
        boolean holding = Boolean.parseBoolean(Params.choiceQuery(ctx, "holding", "false", List.of("true", "false")));
        int limit = Params.limit(ctx);
        return db.query(c -> {
            UUID lotId = null;
            if (lot != null) {
                // a lot the caller does not see has no tests for it
                Optional<Lot> l = visibleLot(c, vis, lot);
                if (l.isEmpty()) {
                    return List.<QualityTestRow>of();
                }
                lotId = l.get().id();
            }
            return QualityTestSql.LIST.bind(vis).bind("lot", lotId).bind("result", result).bind("holding", holding)
                    .bind("limit", limit).list(c, QualityTestRow.MAPPER);
        }).compose(rows -> Responses.items(ctx, rows, QualityTestRow::toJson));
    }

    private Future<Void> get(RoutingContext ctx) {
        Visibility vis = Visibility.of(ctx);
        UUID id = id(ctx);
        return db.query(c -> {
            Optional<QualityTestRow> row = id == null ? Optional.empty() : read(c, vis, id);
            return row.isEmpty() ? null : withHold(c, row.get());
        }).compose(j -> Responses.okOr404(ctx, Optional.ofNullable(j), "no quality test " + ctx.pathParam("id")));
    }

    /** QA lifts a failed test's hold, saying why (a lab retest passed, the lot was destroyed); kept as a record. */
    private Future<Void> release(RoutingContext ctx) {
        Principal who = Principal.of(ctx);
        Visibility vis = Visibility.of(ctx);
        UUID id = id(ctx);
        String reason = JsonBody.of(ctx, RELEASE_FIELDS).text("reason", 2000);
        return db.transaction(c -> {
            QualityTestRow t = (id == null ? Optional.<QualityTestRow>empty() : read(c, vis, id))
                    .orElseThrow(() -> ClientError.notFound("no quality test " + ctx.pathParam("id")));
            if (!t.holds()) {
                throw ClientError.conflict("id", "test " + t.id() + " holds nothing to release: "
                        + (t.result().equals("pass") ? "it passed" : t.supersededBy() != null ? "it is corrected by "
                        + t.supersededBy() : "it was released " + Rows.iso(t.releasedAt())));
            }
            QualityTestSql.RELEASE.bind("id", t.id()).bind("reason", reason).bind("by", who.name())
                    .bind("at", clock.instant()).update(c);
            return read(c, vis, t.id()).orElseThrow().toJson();
        }).compose(j -> Responses.ok(ctx, j));
    }

    private Future<Void> upload(RoutingContext ctx) {
        Principal who = Principal.of(ctx);
        Visibility vis = Visibility.of(ctx);
        UUID id = id(ctx);
        Buffer body = ctx.body().buffer();
        Evidence file = Evidence.of(ctx.request().getParam("filename"), ctx.request().getHeader("content-type"),
                body == null ? new byte[0] : body.getBytes());
        return db.transaction(c -> {
            QualityTestRow t = (id == null ? Optional.<QualityTestRow>empty() : read(c, vis, id))
                    .orElseThrow(() -> ClientError.notFound("no quality test " + ctx.pathParam("id")));
            return QualityTestSql.INSERT_EVIDENCE.bind("test", t.id()).bind("org", t.orgId())
                    .bind("filename", file.filename()).bind("type", file.contentType())
                    .bind("size", file.content().length).bind("sha", file.sha256()).bind("content", file.content())
                    .bind("by", who.name()).first(c, rs -> new JsonObject().put("id", rs.getLong("id"))
                            .put("test_id", t.id().toString()).put("filename", file.filename())
                            .put("content_type", file.contentType()).put("size_bytes", rs.getInt("size_bytes"))
                            .put("sha256", rs.getString("sha256")).put("uploaded_by", who.name())
                            .put("uploaded_at", Rows.iso(Rows.instant(rs, "uploaded_at")))).orElseThrow();
        }).compose(j -> Responses.created(ctx, j));
    }

    private Future<Void> evidence(RoutingContext ctx) {
        Visibility vis = Visibility.of(ctx);
        UUID id = id(ctx);
        return db.query(c -> {
            QualityTestRow t = (id == null ? Optional.<QualityTestRow>empty() : read(c, vis, id))
                    .orElseThrow(() -> ClientError.notFound("no quality test " + ctx.pathParam("id")));
            return QualityTestSql.EVIDENCE.bind("test", t.id()).list(c, rs -> new JsonObject()
                    .put("id", rs.getLong("id")).put("filename", rs.getString("filename"))
                    .put("content_type", rs.getString("content_type")).put("size_bytes", rs.getInt("size_bytes"))
                    .put("sha256", rs.getString("sha256")).put("uploaded_by", rs.getString("uploaded_by"))
                    .put("uploaded_at", Rows.iso(Rows.instant(rs, "uploaded_at"))));
        }).compose(rows -> Responses.items(ctx, new JsonArray(rows)));
    }

    private Future<Void> file(RoutingContext ctx) {
        Visibility vis = Visibility.of(ctx);
        UUID id = id(ctx);
        long fileId = Params.pathId(ctx, "file");
        return db.query(c -> {
            if (id == null || read(c, vis, id).isEmpty()) {
                return Optional.<Object[]>empty();
            }
            return QualityTestSql.EVIDENCE_CONTENT.bind("test", id).bind("id", fileId).first(c, rs -> new Object[] {
                    rs.getString("filename"), rs.getString("content_type"), rs.getString("sha256"),
                    rs.getBytes("content")});
        }).compose(found -> found.map(f -> ctx.response().putHeader("content-type", (String) f[1])
                        .putHeader("content-disposition", Csv.attachment((String) f[0]))
                        .putHeader("x-content-sha256", (String) f[2]).putHeader("x-content-type-options", "nosniff")
                        .putHeader("cache-control", "no-store").end(Buffer.buffer((byte[]) f[3])))
                .orElseGet(() -> Future.failedFuture(ClientError.notFound("no evidence file " + fileId
                        + " of quality test " + ctx.pathParam("id")))));
    }

    /** The test's JSON; while it holds, with the lots it holds and the recall case proposed for them. */
    private static JsonObject withHold(Connection c, QualityTestRow t) throws SQLException {
        JsonObject j = t.toJson();
        if (!t.holds()) {
            return j;
        }
        JsonArray held = new JsonArray(QualityTestSql.DERIVED.bind("lot", t.lotId()).list(c, rs -> new JsonObject()
                .put("lot_id", rs.getString("id")).put("code", rs.getString("code")).put("depth", rs.getInt("depth"))));
        j.put("held_lots", held);
        // what QA would send to open the recall: the failed lot as the seed (its scope reaches the derived lots)
        j.put("proposed_recall", new JsonObject().put("method", "POST").put("href", "/api/v1/recalls")
                .put("body", new JsonObject().put("org_id", t.orgId())
                        .put("lots", new JsonArray().add(t.lotId().toString()))
                        .put("reason", "Failed " + t.kind() + " test of " + t.analyte() + " by " + t.lab()
                                + (t.value() == null ? "" : ": " + t.value() + " " + t.unit() + " against a limit of "
                                + t.limit() + " " + t.unit()) + " (quality test " + t.id() + ")")));
        return j;
    }

    private static Optional<QualityTestRow> read(Connection c, Visibility vis, UUID id) throws SQLException {
        return QualityTestSql.GET.bind(vis).bind("id", id).first(c, QualityTestRow.MAPPER);
    }

    private record Lot(UUID id, String code) {
    }

    /** A lot of {@code org} by its id or its code. */
    private static Optional<Lot> lot(Connection c, String org, String key) throws SQLException {
        UUID id = uuid(key);
        return (id != null ? QualityTestSql.LOT_BY_ID.bind("org", org).bind("id", id)
                : QualityTestSql.LOT_BY_CODE.bind("org", org).bind("code", key))
                .first(c, rs -> new Lot(rs.getObject("id", UUID.class), rs.getString("code")));
    }

    private static Optional<Lot> visibleLot(Connection c, Visibility vis, String key) throws SQLException {
        if (vis.equals(Visibility.ALL)) {
            UUID id = uuid(key);
            return id == null ? Optional.empty() : Optional.of(new Lot(id, key));
        }
        return lot(c, vis.orgId(), key);
    }

    private static UUID id(RoutingContext ctx) {
        return uuid(Params.pathText(ctx, "id", 64));
    }

    private static UUID uuid(String s) {
        try {
            return s.length() == 36 ? UUID.fromString(s) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
