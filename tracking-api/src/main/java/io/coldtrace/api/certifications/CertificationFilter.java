package io.coldtrace.api.certifications;

import io.coldtrace.api.http.Params;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * The filters of the certification list, each optional (null = any): {@code kind}, the holder ({@code party_id} or
 * {@code product_id}), {@code status} on today's date ({@code valid}, {@code expired}, {@code not_yet_valid}) and
 * {@code superseded} ({@code false}: only the current ones, {@code true}: only those a later one supersedes).
 */
public record CertificationFilter(String kind, String partyId, String productId, String status, Boolean superseded) {
    static final List<String> STATUSES = List.of("valid", "expired", "not_yet_valid");

    static CertificationFilter of(RoutingContext ctx) {
        String superseded = Params.choiceQuery(ctx, "superseded", null, List.of("true", "false"));
        return new CertificationFilter(Params.choiceQuery(ctx, "kind", null, Certification.KINDS),
                Params.textQuery(ctx, "party_id", 64), Params.textQuery(ctx, "product_id", 64),
                Params.choiceQuery(ctx, "status", null, STATUSES),
                superseded == null ? null : Boolean.valueOf(superseded));
    }
}
