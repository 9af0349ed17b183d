package io.coldtrace.api;

import io.coldtrace.api.auth.BearerGuard;
import io.coldtrace.api.http.ApiFeature;
import io.coldtrace.api.http.FeatureContext;
import io.coldtrace.api.http.RouteTable;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Builds the route table from every {@link ApiFeature} on the class path (each registers its own routes, policies
 * and pages; see ApiFeature for how a feature joins). Features register in class-name order, so the table is the same
 * on every start.
 */
public final class ApiRoutes {
    private ApiRoutes() {
    }

    public static RouteTable build(FeatureContext kernel) {
        RouteTable table = new RouteTable(kernel.vertx(), new BearerGuard(kernel.db(), kernel.config().metricsToken()));
        for (ApiFeature f : features()) {
            f.register(kernel, table);
        }
        return table;
    }

    /** The features found on the class path, in class-name order. */
    public static List<ApiFeature> features() {
        return ServiceLoader.load(ApiFeature.class).stream()
                .map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparing(f -> f.getClass().getName()))
                .toList();
    }
}
