package io.coldtrace.api.bindings;

import com.google.auto.service.AutoService;
import io.coldtrace.api.http.ApiFeature;
import io.coldtrace.api.http.FeatureContext;
import io.coldtrace.api.http.RouteTable;

/** Device bindings: which logger measures which unit, since when; claim, move and unbind. */
@AutoService(ApiFeature.class)
public final class BindingsFeature implements ApiFeature {
    @Override
    public void register(FeatureContext k, RouteTable routes) {
        new BindingRoutes(k.db()).register(routes);
    }
}
