package io.coldtrace.api.lots;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.certifications.CertificationQueries;
import io.coldtrace.api.certifications.CertificationRow;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * The lot page's JSON: the lot and where it is now, its events (corrected ones marked with their correction), its
 * parents and children, hand-overs, origin farms and the certifications of its product and of those farms (an expired
 * one says {@code expired}), its trace code and where its label sheet is. The cold chain per leg (custody joined to
 * telemetry) is the custody feature's, at {@code GET /api/v1/lots/:id/custody}.
 */
final class LotDetail {
    private LotDetail() {
    }

    static JsonObject read(Connection c, Visibility vis, LotRow lot, LocalDate today) throws SQLException {
        List<Holding> places = LotQueries.holdings(c, List.of(lot.id()));
        List<LotParts.Link> links = LotDetailQueries.links(c, vis, lot.id());
        List<LotParts.Origin> origins = LotDetailQueries.origins(c, vis, lot.id());
        List<CertificationRow> certs = CertificationQueries.ofHolders(c, vis, today,
                origins.stream().map(LotParts.Origin::partyId).distinct().toArray(String[]::new),
                lot.productId() == null ? new String[0] : new String[] {lot.productId()});
        JsonArray events = new JsonArray();
        for (LotDetailQueries.LotEvent e : LotDetailQueries.events(c, vis, lot)) {
            events.add(e.event().toJson().put("corrected_by",
                    e.correctedBy() == null ? null : e.correctedBy().toString()));
        }
        return lot.toJson(places)
                .put("born", new JsonObject().put("event_id", lot.bornEventId().toString())
                        .put("plot_id", lot.plotId()).put("site_id", lot.siteId()).put("unit_id", lot.unitId())
                        .put("grower", lot.growerName()))
                .put("voided_by", lot.voidedBy() == null ? null : lot.voidedBy().toString())
                .put("events", events)
                .put("parents", array(links.stream().filter(l -> l.relation().equals("parent")).toList(),
                        LotParts.Link::toJson))
                .put("children", array(links.stream().filter(l -> l.relation().equals("child")).toList(),
                        LotParts.Link::toJson))
                .put("handovers", array(LotDetailQueries.handovers(c, vis, lot.id()), LotParts.Handover::toJson))
                .put("origins", array(origins, LotParts.Origin::toJson))
                .put("certifications", array(certs, CertificationRow::toJson))
                .put("labels_url", lot.kind().equals("lot") ? "/api/v1/lots/" + lot.id() + "/labels.pdf" : null);
    }

    private static <T> JsonArray array(List<T> rows, Function<T, JsonObject> json) {
        JsonArray a = new JsonArray();
        rows.forEach(r -> a.add(json.apply(r)));
        return a;
    }
}
