package io.coldtrace.api.ops;

import com.google.auto.service.AutoService;
import io.coldtrace.api.http.ApiFeature;
import io.coldtrace.api.http.FeatureContext;
import io.coldtrace.api.http.RouteTable;

/** Operations: the health and readiness probes, and the Prometheus metrics. */
@AutoService(ApiFeature.class)
public final class OpsFeature implements ApiFeature {
    @Override
    public void register(FeatureContext k, RouteTable routes) {
        new ProbeRoutes(k.db()).register(routes);
        new MetricsRoutes(k.registry()).register(routes);
    }
}
