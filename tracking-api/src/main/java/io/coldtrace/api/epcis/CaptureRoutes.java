package io.coldtrace.api.epcis;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.auth.Principal;
import io.coldtrace.api.auth.Role;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.http.Access;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.Params;
import io.coldtrace.api.http.Problem;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.orgs.OrgQueries;
import io.coldtrace.api.work.CpuWork;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * EPCIS 2.0 capture (issue 8 §5, the REST binding's {@code /capture}): {@code POST /epcis/capture} takes a partner's
 * document and stores it in the caller's organisation whole or not at all ({@link Capture}), answering 202 with the
 * Location of its capture job; {@code GET /epcis/capture/{id}} shows the job. Partner tokens may call these two
 * routes and nothing else; QA (and admins) may too. Every failure is an RFC 7807 problem of the binding.
 */
final class CaptureRoutes {
    static final Access CAPTURERS = Access.roles(Role.PARTNER, Role.QA);
    /** The largest document taken (the binding's GS1-EPCIS-Capture-File-Size-Limit); 413 beyond. */
    static final long MAX_BYTES = 10L * 1024 * 1024;
    private static final String EXAMPLE = """
            {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"], "type": "EPCISDocument",
             "schemaVersion": "2.0", "creationDate": "2025-03-01T00:00:00Z", "epcisBody": {"eventList": [
              {"type": "ObjectEvent", "eventTime": "{recent}", "eventTimeZoneOffset": "+08:00", "action": "DELETE",
               "bizStep": "destroying", "disposition": "destroyed", "quantityList": [{"epcClass":
               "https://trace.example.com/id/{org}/lot/{lot-code}", "quantity": 1, "uom": "XBX"}]}]}}""";

    private final BlockingDb db;
    private final CpuWork cpu;

    CaptureRoutes(BlockingDb db, CpuWork cpu) {
        this.db = db;
        this.cpu = cpu;
    }

    void register(RouteTable routes) {
        routes.upload("/epcis/capture", CAPTURERS, MAX_BYTES, this::capture).problems(EpcisProblems::capture)
                .example("/epcis/capture?org_id={org}", EXAMPLE, "application/ld+json");
        routes.get("/epcis/capture/:id", CAPTURERS, this::job).problems(EpcisProblems::capture);
    }

    private Future<Void> capture(RoutingContext ctx) {
        Params.onlyQuery(ctx, List.of("org_id"));
        String org = Visibility.of(ctx).owner(ctx.queryParams().get("org_id"));
        String by = Principal.of(ctx).name();
        String media = ctx.request().getHeader("content-type");
        String type = media == null ? "" : media.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (!type.equals("application/ld+json") && !type.equals("application/json")) {
            return Future.failedFuture(Problem.of(415, EpcisProblems.IMPLEMENTATION, "Unsupported Media Type",
                    "send the EPCIS document as application/ld+json or application/json; was " + media));
        }
        String behaviour = ctx.request().getHeader("GS1-Capture-Error-Behaviour");
        if (behaviour != null && !behaviour.strip().equalsIgnoreCase("rollback")) {
            return Future.failedFuture(Problem.of(501, EpcisProblems.IMPLEMENTATION, "Not Implemented",
                    "capture stores a document whole or not at all: GS1-Capture-Error-Behaviour rollback only"));
        }
        Instant created = Instant.now();
        String text = ctx.body().asString();
        // megabytes of JSON: parsed and checked against GS1's schema on the CPU executor, stored in one transaction
        return cpu.submit(() -> CaptureDocument.read(text))
                .compose(doc -> db.transaction(c -> {
                    OrgQueries.requireExists(c, org, "org_id");
                    Capture.Outcome outcome = Capture.run(c, org, doc, by, created);
                    return CaptureJobs.insert(c, org, by, created, Instant.now(), doc.events().size(), outcome,
                            doc.sha256());
                }))
                .compose(job -> ctx.response().setStatusCode(202)
                        .putHeader("location", "/epcis/capture/" + job.id())
                        .putHeader("content-type", "application/json; charset=utf-8")
                        .putHeader("cache-control", "no-store")
                        .putHeader("GS1-EPCIS-Capture-Limit", Integer.toString(CaptureDocument.MAX_EVENTS))
                        .putHeader("GS1-EPCIS-Capture-File-Size-Limit", Long.toString(MAX_BYTES))
                        .end(job.toJson().encode()));
    }

    private Future<Void> job(RoutingContext ctx) {
        String id = Params.pathText(ctx, "id", 64);
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(ClientError.notFound("no capture job " + id));
        }
        Visibility vis = Visibility.of(ctx);
        return db.query(c -> CaptureJobs.get(c, vis, uuid)).compose(job -> job
                .map(j -> ctx.response().putHeader("content-type", "application/json; charset=utf-8")
                        .putHeader("cache-control", "no-store").end(j.toJson().encode()))
                .orElseGet(() -> Future.failedFuture(ClientError.notFound("no capture job " + id))));
    }
}
