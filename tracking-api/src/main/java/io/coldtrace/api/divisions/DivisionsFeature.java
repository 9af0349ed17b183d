package io.coldtrace.api.divisions;

import com.google.auto.service.AutoService;
import io.coldtrace.api.http.ApiFeature;
import io.coldtrace.api.http.FeatureContext;
import io.coldtrace.api.http.RouteTable;

/**
 * GB/T 2260 administrative divisions with the county flags of consumption assistance (issue 9 §1): import, search,
 * the flags' history; the {@code import-divisions} command ({@link ImportDivisionsCommand}).
 */
@AutoService(ApiFeature.class)
public final class DivisionsFeature implements ApiFeature {
    @Override
    public void register(FeatureContext k, RouteTable routes) {
        new DivisionRoutes(k.db()).register(routes);
    }
}
