package io.coldtrace.api.plots;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.db.SqlStates;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.JsonBody;
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

/** Farm plots: operators (of their own organisation) and admins create them; every role reads its own. */
public final class PlotRoutes {
    private final BlockingDb db;

    public PlotRoutes(BlockingDb db) {
        this.db = db;
    }

    public void register(RouteTable routes) {
        routes.post("/api/v1/plots", Policies.CONFIGURE_OPERATIONS, this::create)
                .example("{\"id\": \"{new}\", \"org_id\": \"{org}\", \"party_id\": \"{party}\", \"name\": \"East slope\", "
                        + "\"lat\": 31.4, \"lon\": 109.6, \"area_ha\": 2.5}");
        routes.get("/api/v1/plots", Policies.READ_OPERATIONS,
                ScopedRoutes.list(db, PlotQueries::list, PlotRow::toJson));
        routes.get("/api/v1/plots/:id", Policies.READ_OPERATIONS,
                ScopedRoutes.get(db, "plot", PlotQueries::get, PlotRow::toJson));
    }

    private Future<Void> create(RoutingContext ctx) {
        Visibility vis = Visibility.of(ctx);
        Plot asked = Plot.from(JsonBody.of(ctx, Plot.CREATE_FIELDS));
        Plot plot = asked.ownedBy(vis.owner(asked.orgId()));
        return db.transaction(c -> {
            OrgQueries.requireExists(c, plot.orgId(), "org_id");
            // the party must be the plot's organisation's: another's does not exist for this plot
            PartyRow party = PartyQueries.get(c, Visibility.org(plot.orgId()), plot.partyId())
                    .orElseThrow(() -> ClientError.invalid("party_id", "no party " + plot.partyId()));
            if (!Party.GROWERS.contains(party.kind())) {
                throw ClientError.invalid("party_id", "party " + party.id() + " is a " + party.kind()
                        + "; a plot belongs to a farm or a cooperative");
            }
            return SqlStates.newId(() -> PlotQueries.insert(c, plot), "plot", plot.id());
        }).compose(row -> Responses.created(ctx, row.toJson()));
    }
}
