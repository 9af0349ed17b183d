package io.coldtrace.api.products;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.db.SqlStates;
import io.coldtrace.api.http.JsonBody;
import io.coldtrace.api.http.Policies;
import io.coldtrace.api.http.Responses;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.http.ScopedRoutes;
import io.coldtrace.api.orgs.OrgQueries;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/** Products: operators (of their own organisation) and admins write them; every role reads its own. */
public final class ProductRoutes {
    private static final String EXAMPLE_FIELDS = "\"name_zh\": \"红心猕猴桃\", \"name_en\": \"Red kiwifruit\", "
            + "\"commodity\": \"kiwifruit\", \"gtin\": \"9780345418913\", \"unit_of_measure\": \"box\", "
            + "\"temp_class\": \"chilled\", \"shelf_life_ref_c\": 0, \"shelf_life_days\": 14, \"q10\": 3";

    private final BlockingDb db;

    public ProductRoutes(BlockingDb db) {
        this.db = db;
    }

    public void register(RouteTable routes) {
        routes.post("/api/v1/products", Policies.CONFIGURE_OPERATIONS, this::create)
                .example("{\"id\": \"{new}\", \"org_id\": \"{org}\", " + EXAMPLE_FIELDS + "}");
        routes.get("/api/v1/products", Policies.READ_OPERATIONS,
                ScopedRoutes.list(db, ProductFilter::of, ProductQueries::list, ProductRow::toJson));
        routes.get("/api/v1/products/:id", Policies.READ_OPERATIONS,
                ScopedRoutes.get(db, "product", ProductQueries::get, ProductRow::toJson));
        routes.put("/api/v1/products/:id", Policies.CONFIGURE_OPERATIONS, ScopedRoutes.update(db, "product",
                Product.UPDATE_FIELDS, Product::from, ProductQueries::update, ProductRow::toJson))
                .example("{" + EXAMPLE_FIELDS + "}");
    }

    private Future<Void> create(RoutingContext ctx) {
        Visibility vis = Visibility.of(ctx);
        Product asked = Product.from(JsonBody.of(ctx, Product.CREATE_FIELDS), null);
        Product product = asked.ownedBy(vis.owner(asked.orgId()));
        return db.transaction(c -> {
            OrgQueries.requireExists(c, product.orgId(), "org_id");
            return SqlStates.newId(() -> ProductQueries.insert(c, product), "product", product.id());
        }).compose(row -> Responses.created(ctx, row.toJson()));
    }
}
