package io.coldtrace.api.epcis;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.custody.Custody;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.db.CursorExport;
import io.coldtrace.api.db.GenericPlans;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.Params;
import io.coldtrace.api.http.Policies;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.core.ids.TraceCode;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * EPCIS 2.0 JSON-LD export (issue 8 §5): a lot's events and its ancestors' with the sensor summary of each custody
 * leg, and an organisation's events over a time range, streamed from a cursor (at {@code /api/v1/epcis/events} and
 * at the REST binding's {@code /epcis/events}).
 */
final class EpcisRoutes {
    private static final String MEDIA = "application/ld+json";

    private final BlockingDb db;
    private final CursorExport export;
    private final String configuredBase;

    EpcisRoutes(BlockingDb db, String configuredBase) {
        this.db = db;
        this.export = new CursorExport(db);
        this.configuredBase = configuredBase == null ? "" : configuredBase;
    }

    void register(RouteTable routes) {
        routes.get("/api/v1/lots/:id/epcis", Policies.QUALITY, this::lot);
        routes.get("/api/v1/lots/by-code/:code/epcis", Policies.QUALITY, this::lotByCode)
                .example("/api/v1/lots/by-code/{trace-code}/epcis", null);
        routes.get("/api/v1/epcis/events", Policies.QUALITY, this::range).example(
                "/api/v1/epcis/events?GE_eventTime=2025-03-01T00:00:00Z&LT_eventTime=2025-03-02T00:00:00Z", null);
        // the REST binding's path of the same query; its refusals are the binding's problems
        routes.get("/epcis/events", Policies.QUALITY, this::range).problems(EpcisProblems::query).example(
                "/epcis/events?GE_eventTime=2025-03-01T00:00:00Z&LT_eventTime=2025-03-02T00:00:00Z", null);
    }

    private String base(RoutingContext ctx) {
        if (!configuredBase.isEmpty()) {
            return configuredBase;
        }
        SocketAddress local = ctx.request().localAddress();
        String host = local.hostAddress();
        return "http://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + local.port();
    }

    private Future<Void> lot(RoutingContext ctx) {
        String id = Params.pathText(ctx, "id", 64);
        return lot(ctx, c -> Optional.of(id), "no lot " + id);
    }

    /** The same document for the lot a printed code names: where the Digital Link's traceability link points. */
    private Future<Void> lotByCode(RoutingContext ctx) {
        String code = Params.pathText(ctx, "code", 128).trim();
        String trace;
        try {
            trace = TraceCode.parse(code).value();
        } catch (IllegalArgumentException notATraceCode) {
            trace = null;
        }
        Visibility vis = Visibility.of(ctx);
        String parsed = trace;
        return lot(ctx, c -> EpcisSql.LOT_BY_CODE.bind(vis).bind("code", code).bind("trace", parsed)
                .first(c, rs -> rs.getString(1)), "no lot with code " + code);
    }

    private Future<Void> lot(RoutingContext ctx, BlockingDb.SqlWork<Optional<String>> find, String missing) {
        Visibility vis = Visibility.of(ctx);
        String base = base(ctx);
        Instant now = Instant.now();
        return db.read(c -> GenericPlans.within(c, p -> {
            Optional<String> id = find.run(p);
            var custody = id.isEmpty() ? Optional.<Custody.Report>empty() : Custody.summary(p, vis, id.get(), now);
            if (custody.isEmpty()) {
                return null;
            }
            Sensors sensors = new Sensors(custody.get(), Refs.without(base, ""));
            JsonArray events = new JsonArray();
            for (EpcisSql.Row r : EpcisSql.LOT.bind(vis).bind("lot", UUID.fromString(id.get()))
                    .list(p, EpcisSql.Row.MAPPER)) {
                new EpcisMapper(refs(base, r), sensors::of).events(r.event(), r.corrected()).forEach(events::add);
            }
            return events;
        })).compose(events -> {
            if (events == null) {
                return Future.failedFuture(ClientError.notFound(missing));
            }
            String doc = EpcisMapper.head(now) + events.stream().map(e -> ((JsonObject) e).encode())
                    .collect(java.util.stream.Collectors.joining(",")) + EpcisMapper.TAIL;
            return ctx.response().putHeader("content-type", MEDIA).end(doc);
        });
    }

    private static Refs refs(String base, EpcisSql.Row r) {
        return new Refs(base, r.event().orgId(), r.gtins(), r.partyGlns(), r.plotGlns(), r.siteGlns(), r.unitGlns());
    }

    private Future<Void> range(RoutingContext ctx) {
        EpcisQuery q = EpcisQuery.of(ctx);
        Visibility vis = Visibility.of(ctx);
        String base = base(ctx);
        boolean[] first = {true};
        CursorExport.Format format = new CursorExport.Format(MEDIA, "epcis-events.jsonld",
                EpcisMapper.head(Instant.now()), (rs, out) -> {
                    EpcisSql.Row r = EpcisSql.Row.MAPPER.map(rs);
                    for (JsonObject ev : new EpcisMapper(refs(base, r), s -> new JsonArray())
                            .events(r.event(), r.corrected())) {
                        if (q.matches(ev)) {
                            out.append(first[0] ? "" : ",").append(ev.encode());
                            first[0] = false;
                        }
                    }
                }, EpcisMapper.TAIL);
        return export.stream(ctx, format, c -> EpcisSql.RANGE.bind(vis).bind("from", q.from()).bind("to", q.to())
                .prepare(c));
    }
}
