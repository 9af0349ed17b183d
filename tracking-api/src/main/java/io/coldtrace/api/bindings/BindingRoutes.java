package io.coldtrace.api.bindings;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.db.SqlStates;
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
import java.time.Instant;

/**
 * Which device sits in which unit, over time. Binding claims an unclaimed device or moves a bound one (its open
 * binding ends where the new one starts); unbinding ends the open binding now. The unit must be the caller's.
 */
public final class BindingRoutes {
    private final BlockingDb db;

    public BindingRoutes(BlockingDb db) {
        this.db = db;
    }

    public void register(RouteTable routes) {
        routes.post("/api/v1/units/:id/devices", Policies.CONFIGURE_OPERATIONS, this::bind)
                .example("{\"device\": \"{free-device}\"}");
        routes.get("/api/v1/units/:id/devices", Policies.READ_OPERATIONS, this::history);
        routes.delete("/api/v1/units/:id/devices/:ext", Policies.CONFIGURE_OPERATIONS, this::unbind);
    }

    private Future<Void> bind(RoutingContext ctx) {
        Visibility vis = Visibility.of(ctx);
        String unitId = Params.pathText(ctx, "id", 64);
        NewBinding asked = NewBinding.from(JsonBody.of(ctx, NewBinding.FIELDS));
        return db.transaction(c -> {
            requireUnit(c, vis, unitId);
            int deviceId = BindingQueries.lockDevice(c, asked.device())
                    .orElseThrow(() -> ClientError.invalid("device", "no device " + asked.device()));
            Instant from = asked.from() != null ? asked.from() : BindingQueries.now(c);
            String movedFrom = closeOpenBinding(c, vis, deviceId, unitId, asked.device(), from);
            try {
                return new Claim(BindingQueries.open(c, deviceId, unitId, from), movedFrom);
            } catch (SQLException e) {
                if (SqlStates.exclusionViolation(e)) {
                    throw ClientError.conflict("from", "device " + asked.device() + " has a binding that overlaps "
                            + from + " onwards; history: GET /api/v1/units/{id}/devices");
                }
                throw e;
            }
        }).compose(claim -> Responses.created(ctx, claim.toJson()));
    }

    /** Ends the device's open binding at {@code from}; returns the unit it left, or null when it was unclaimed. */
    private static String closeOpenBinding(Connection c, Visibility vis, int deviceId, String unitId, String ext,
                                           Instant from) throws SQLException {
        OpenBinding open = BindingQueries.openOfDevice(c, deviceId).orElse(null);
        if (open == null) {
            return null;
        }
        if (open.isIn(unitId)) {
            throw ClientError.conflict("device", "device " + ext + " is bound to unit " + unitId + " already");
        }
        if (!vis.admits(open.orgId())) {
            throw ClientError.conflict("device", "device " + ext + " is bound to a unit of another organisation");
        }
        if (!open.canEndAt(from)) {
            throw ClientError.conflict("from", "from must be after " + open.from() + ", when device " + ext
                    + " was bound to unit " + open.unitId());
        }
        BindingQueries.close(c, open.id(), from);
        return open.unitId();
    }

    private Future<Void> unbind(RoutingContext ctx) {
        Visibility vis = Visibility.of(ctx);
        String unitId = Params.pathText(ctx, "id", 64);
        String ext = Params.pathText(ctx, "ext", 128);
        return db.transaction(c -> {
            requireUnit(c, vis, unitId);
            OpenBinding open = BindingQueries.openOnUnit(c, unitId, ext).orElseThrow(() ->
                    ClientError.notFound("device " + ext + " is not bound to unit " + unitId));
            Instant now = BindingQueries.now(c);
            if (!open.canEndAt(now)) {
                throw ClientError.conflict("ext", "the binding of device " + ext + " starts at " + open.from()
                        + ", in the future; it cannot end now");
            }
            BindingQueries.close(c, open.id(), now);
            return BindingQueries.get(c, open.id());
        }).compose(row -> Responses.ok(ctx, row.toJson()));
    }

    private Future<Void> history(RoutingContext ctx) {
        Visibility vis = Visibility.of(ctx);
        String unitId = Params.pathText(ctx, "id", 64);
        int limit = Params.limit(ctx);
        return db.query(c -> {
            requireUnit(c, vis, unitId);
            return BindingQueries.history(c, unitId, limit);
        }).compose(rows -> Responses.items(ctx, rows, BindingRow::toJson));
    }

    private static void requireUnit(Connection c, Visibility vis, String unitId) throws SQLException {
        if (!BindingQueries.unitVisible(c, vis, unitId)) {
            throw ClientError.notFound("no unit " + unitId);
        }
    }
}
