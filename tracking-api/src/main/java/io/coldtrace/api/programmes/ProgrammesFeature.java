package io.coldtrace.api.programmes;

import com.google.auto.service.AutoService;
import io.coldtrace.api.divisions.DivisionsFeature;
import io.coldtrace.api.http.ApiFeature;
import io.coldtrace.api.http.FeatureContext;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.http.Uses;
import io.coldtrace.api.orgs.OrgsFeature;

/**
 * Consumption-assistance programmes (issue 9 §1): a buyer organisation's paired-assistance regions, reserved-share
 * target and period, versioned.
 */
@AutoService(ApiFeature.class)
@Uses({DivisionsFeature.class, OrgsFeature.class})
public final class ProgrammesFeature implements ApiFeature {
    @Override
    public void register(FeatureContext k, RouteTable routes) {
        new ProgrammeRoutes(k.db()).register(routes);
    }
}
