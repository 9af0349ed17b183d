package io.coldtrace.api.pages;

import com.google.auto.service.AutoService;
import io.coldtrace.api.http.ApiFeature;
import io.coldtrace.api.http.FeatureContext;
import io.coldtrace.api.http.RouteTable;

/** Static web assets: style sheets, scripts, dictionaries and the uPlot library, which carry no data. */
@AutoService(ApiFeature.class)
public final class WebAssetsFeature implements ApiFeature {
    @Override
    public void register(FeatureContext k, RouteTable routes) {
        new PageRoutes().register(routes);
    }
}
