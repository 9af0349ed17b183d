package io.coldtrace.api.standards;

import com.google.auto.service.AutoService;
import io.coldtrace.api.http.ApiFeature;
import io.coldtrace.api.http.FeatureContext;
import io.coldtrace.api.http.RouteTable;

/**
 * Regulators' forms of the one event store (issue 8 §5): the FDA FSMA 204 electronic sortable spreadsheet
 * (docs/fsma204.md) and China's 来源/去向 record per step (NY/T 4712 shape). Reads the ledger and its projections by
 * SQL; uses no other feature.
 */
@AutoService(ApiFeature.class)
public final class StandardsFeature implements ApiFeature {
    @Override
    public void register(FeatureContext k, RouteTable routes) {
        new FsmaRoutes(k.db(), k.cpu()).register(routes);
        new SourceDestinationRoutes(k.db(), k.cpu()).register(routes);
    }
}
