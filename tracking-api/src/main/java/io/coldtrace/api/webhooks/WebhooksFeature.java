package io.coldtrace.api.webhooks;

import com.google.auto.service.AutoService;
import io.coldtrace.api.http.ApiFeature;
import io.coldtrace.api.http.FeatureContext;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.http.Uses;
import io.coldtrace.api.orgs.OrgsFeature;

/** Webhooks: where alarm events are sent, signed. */
@AutoService(ApiFeature.class)
@Uses(OrgsFeature.class)
public final class WebhooksFeature implements ApiFeature {
    @Override
    public void register(FeatureContext k, RouteTable routes) {
        new WebhookRoutes(k.db()).register(routes);
    }
}
