package io.coldtrace.api.devices;

import com.google.auto.service.AutoService;
import io.coldtrace.api.http.ApiFeature;
import io.coldtrace.api.http.FeatureContext;
import io.coldtrace.api.http.RouteTable;

/** Devices: latest readings, unclaimed devices, data completeness. */
@AutoService(ApiFeature.class)
public final class DevicesFeature implements ApiFeature {
    @Override
    public void register(FeatureContext k, RouteTable routes) {
        new DeviceRoutes(k.db()).register(routes);
    }
}
