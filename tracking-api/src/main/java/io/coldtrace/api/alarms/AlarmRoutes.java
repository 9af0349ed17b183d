package io.coldtrace.api.alarms;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.auth.Principal;
import io.coldtrace.api.auth.Role;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.http.Access;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.JsonBody;
import io.coldtrace.api.http.Params;
import io.coldtrace.api.http.Policies;
import io.coldtrace.api.http.Responses;
import io.coldtrace.api.http.RouteTable;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/**
 * The alarm lifecycle people drive (docs/alarms.md): open → acknowledged (mandatory comment naming the corrective
 * action) → resolved (only once the condition cleared). Each change is an alarm_event with the caller as actor.
 */
public final class AlarmRoutes {
    /** Who answers alarms: operators and QA (admins pass anyway); dispatchers only watch. */
    static final Access RESPONDERS = Access.roles(Role.OPERATOR, Role.QA);
    static final Set<String> FIELDS = Set.of("comment");
    static final int MAX_COMMENT = 2000;

    private final BlockingDb db;

    public AlarmRoutes(BlockingDb db) {
        this.db = db;
    }

    public void register(RouteTable routes) {
        routes.get("/api/v1/alarms", Policies.READ_OPERATIONS, this::list);
        routes.get("/api/v1/alarms/:id", Policies.READ_OPERATIONS, this::get);
        routes.post("/api/v1/alarms/:id/acknowledge", RESPONDERS, this::acknowledge)
                .example("{\"comment\": \"stock moved to room 2\"}");
        routes.post("/api/v1/alarms/:id/resolve", RESPONDERS, this::resolve);
    }

    private Future<Void> list(RoutingContext ctx) {
        Visibility vis = Visibility.of(ctx);
        AlarmFilter filter = AlarmFilter.from(ctx);
        return db.query(c -> AlarmQueries.list(c, vis, filter))
                .compose(rows -> Responses.items(ctx, rows, AlarmRow::toJson));
    }

    private Future<Void> get(RoutingContext ctx) {
        Visibility vis = Visibility.of(ctx);
        long id = Params.pathId(ctx, "id");
        return db.query(c -> AlarmQueries.get(c, vis, id))
                .compose(alarm -> Responses.okOr404(ctx, alarm.map(AlarmDetail::toJson), "no alarm " + id));
    }

    private Future<Void> acknowledge(RoutingContext ctx) {
        Principal who = Principal.of(ctx);
        Visibility vis = Visibility.of(who);
        long id = Params.pathId(ctx, "id");
        String comment = JsonBody.optional(ctx, FIELDS).text("comment", MAX_COMMENT);
        return db.transaction(c -> {
            AlarmLifecycle alarm = lock(c, vis, id);
            if (!alarm.open()) {
                throw ClientError.conflict("state", "alarm " + id + " is " + alarm.state()
                        + "; only an open alarm can be acknowledged");
            }
            AlarmQueries.acknowledge(c, id, who.name(), comment);
            return AlarmQueries.get(c, vis, id).orElseThrow();
        }).compose(alarm -> Responses.ok(ctx, alarm.toJson()));
    }

    private Future<Void> resolve(RoutingContext ctx) {
        Principal who = Principal.of(ctx);
        Visibility vis = Visibility.of(who);
        long id = Params.pathId(ctx, "id");
        String comment = JsonBody.optional(ctx, FIELDS).optText("comment", MAX_COMMENT);
        return db.transaction(c -> {
            AlarmLifecycle alarm = lock(c, vis, id);
            if (alarm.resolved()) {
                throw ClientError.conflict("state", "alarm " + id + " is resolved already");
            }
            if (!alarm.cleared()) {
                throw ClientError.conflict("state", "alarm " + id + " has not cleared yet: its condition still "
                        + "lasts, so it cannot be resolved");
            }
            AlarmQueries.resolve(c, id, who.name(), comment);
            return AlarmQueries.get(c, vis, id).orElseThrow();
        }).compose(alarm -> Responses.ok(ctx, alarm.toJson()));
    }

    /** Where the alarm stands, locked for this transaction; 404 when the caller does not see it. */
    private static AlarmLifecycle lock(Connection c, Visibility vis, long id) throws SQLException {
        return AlarmQueries.lock(c, vis, id).orElseThrow(() -> ClientError.notFound("no alarm " + id));
    }
}
