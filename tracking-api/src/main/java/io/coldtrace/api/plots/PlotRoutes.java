package io.coldtrace.api.plots;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.db.SqlStates;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.JsonBody;
import io.coldtrace.api.http.Params;
import io.coldtrace.api.http.Policies;
import io.coldtrace.api.http.Responses;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.http.ScopedRoutes;
import io.coldtrace.api.orgs.OrgQueries;
import io.coldtrace.api.parties.Party;
import io.coldtrace.api.parties.PartyQueries;
import io.coldtrace.api.parties.PartyRow;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** Farm plots: operators (of their own organisation) and admins create and update them; every role reads its own. */
public final class PlotRoutes {
    private final BlockingDb db;

    public PlotRoutes(BlockingDb db) {
        this.db = db;
    }

    public void register(RouteTable routes) {
        routes.post("/api/v1/plots", Policies.CONFIGURE_OPERATIONS, this::create)
                .example("{\"id\": \"{new}\", \"org_id\": \"{org}\", \"party_id\": \"{party}\", \"name\": \"East slope\", "
                        + "\"lat\": 31.4, \"lon\": 109.6, \"area_ha\": 2.5}");
        routes.get("/api/v1/plots", Policies.READ_OPERATIONS, ScopedRoutes.list(db,
                ctx -> Params.textQuery(ctx, "party_id", 64), PlotQueries::list, PlotRow::toJson));
        routes.get("/api/v1/plots/:id", Policies.READ_OPERATIONS,
                ScopedRoutes.get(db, "plot", PlotQueries::get, PlotRow::toJson));
        routes.put("/api/v1/plots/:id", Policies.CONFIGURE_OPERATIONS, ScopedRoutes.update(db, "plot",
                Plot.UPDATE_FIELDS, Plot::from, PlotRoutes::update, PlotRow::toJson))
                .example("{\"party_id\": \"{party}\", \"name\": \"West slope\", \"lat\": 31.41, \"lon\": 109.58, "
                        + "\"area_ha\": 3.2}");
    }

    /** The plot as updated; empty when the caller does not see it. Its (new) party is checked as on create. */
    private static Optional<PlotRow> update(Connection c, Visibility vis, Plot plot) throws SQLException {
        Optional<PlotRow> current = PlotQueries.get(c, vis, plot.id());
        if (current.isEmpty()) {
            return current;
        }
        requireGrower(c, current.get().orgId(), plot.partyId());
        return PlotQueries.update(c, vis, plot);
    }

    /** The party must be a farm or cooperative of the plot's organisation: another's does not exist for the plot. */
    private static void requireGrower(Connection c, String org, String partyId) throws SQLException {
        PartyRow party = PartyQueries.get(c, Visibility.org(org), partyId)
                .orElseThrow(() -> ClientError.invalid("party_id", "no party " + partyId));
        if (!Party.GROWERS.contains(party.kind())) {
            throw ClientError.invalid("party_id", "party " + party.id() + " is a " + party.kind()
                    + "; a plot belongs to a farm or a cooperative");
        }
    }

    private Future<Void> create(RoutingContext ctx) {
        Visibility vis = Visibility.of(ctx);
        Plot asked = Plot.from(JsonBody.of(ctx, Plot.CREATE_FIELDS), null);
        Plot plot = asked.ownedBy(vis.owner(asked.orgId()));
        return db.transaction(c -> {
            OrgQueries.requireExists(c, plot.orgId(), "org_id");
            requireGrower(c, plot.orgId(), plot.partyId());
            return SqlStates.newId(() -> PlotQueries.insert(c, plot), "plot", plot.id());
        }).compose(row -> Responses.created(ctx, row.toJson()));
    }
}
