package io.coldtrace.api.http;

/**
 * A feature of the API (sites, units, alarms, history, record, and next lots, recall, reports, dispatch): it registers
 * its own routes, each with its access policy, and its own pages. Features are found on the class path, so adding one
 * edits no central list: implement this, give the class a public no-argument constructor and annotate it with
 * {@code @AutoService(ApiFeature.class)}, which writes its {@code META-INF/services} entry at compile time.
 */
public interface ApiFeature {
    /** Declares the feature's routes into {@code routes}, using the kernel services in {@code kernel}. */
    void register(FeatureContext kernel, RouteTable routes);
}
