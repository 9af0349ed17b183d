package io.coldtrace.api.epcis;

import io.coldtrace.api.epcis.CaptureDraft.Mapped;
import io.coldtrace.api.epcis.CaptureIds.Ref;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * An event of a partner's EPCIS document as the event the ledger records (docs/epcis.md "Capture"), the inverse of
 * the export's mapping ({@link Cbv}): the stored type from the event type, action and bizStep; places from readPoint
 * and bizLocation; lots and quantities from the quantity lists; parties from sources and destinations; documents
 * from bizTransactionList; what EPCIS has no field for from the project's extensions ({@link Extensions}). The
 * ledger's own rules (references, mass balance, cycles) are the bulk import's; this refuses what cannot be mapped.
 */
final class CaptureMapper {
    /** ObjectEvent OBSERVE business steps and the type each is stored as (shipping: ship or deliver). */
    private static final Map<String, String> OBSERVED = Map.of("other", "pre_cool", "storing", "store_in",
            "picking", "store_out", "loading", "load", "unloading", "unload");
    private static final List<String> INSTANCE_LISTS = List.of("epcList", "inputEPCList", "outputEPCList",
            "childEPCs");

    private final CaptureDocument doc;
    private final CaptureMasterData master;
    private final CaptureParts parts;

    CaptureMapper(CaptureDocument doc, CaptureMasterData master) {
        this.doc = doc;
        this.master = master;
        this.parts = new CaptureParts(doc, master);
    }

    /** Event {@code i} of the document (not an error declaration) as the bulk import takes it. */
    Mapped map(int i) {
        CaptureDraft d = new CaptureDraft(doc.events().getJsonObject(i), i, doc.pointer(i));
        for (String list : INSTANCE_LISTS) {
            if (!d.array(list).isEmpty()) {
                throw d.fail("/" + list, "ColdTrace records lots and quantities, not instance-level identifiers: "
                        + "name them in quantityList (inputQuantityList, outputQuantityList) by lot class");
            }
        }
        String type = type(d);
        d.top("client_event_id", parts.clientEventId(d), "/eventID");
        d.top("type", type, "/type");
        d.top("event_time", d.ev.getString("eventTime"), "/eventTime");
        d.top("event_tz_offset", d.ev.getString("eventTimeZoneOffset"), "/eventTimeZoneOffset");
        places(d);
        switch (type) {
            case "harvest" -> parts.harvest(d);
            case "pack", "transform" -> transformation(d, type);
            case "ship" -> {
                parts.items(d, "quantityList", "lots", false);
                d.body("to_party_id", required(d, party(d, "destinationList", "owning_party", "possessing_party"),
                        "/destinationList", "a shipping names whom the goods go to (a destination owning_party)"),
                        "/destinationList");
            }
            case "deliver" -> {
                parts.items(d, "quantityList", "lots", false);
                d.top("party_id", required(d, party(d, "destinationList", "possessing_party", "owning_party"),
                        "/destinationList", "a delivery names the buyer (a destination possessing_party)"),
                        "/destinationList");
            }
            case "receive" -> receive(d);
            case "loss" -> loss(d);
            default -> {
                parts.items(d, "quantityList", "lots", false);
                if (type.equals("pre_cool")) {
                    d.body("probe_temp_c", parts.recordedTemperature(d), "/sensorElementList");
                }
            }
        }
        parts.documents(d);
        return d.done();
    }

    /** The stored type of the event's type, action and business step. */
    private String type(CaptureDraft d) {
        String type = d.ev.getString("type");
        String action = d.ev.getString("action");
        String step = CaptureIds.word(d.ev.getString("bizStep"), "BizStep-");
        if ("TransformationEvent".equals(type)) {
            return "commissioning".equals(step) ? "pack" : "transform";
        }
        if (!"ObjectEvent".equals(type)) {
            throw d.fail("/type", type + " is no step ColdTrace records: capture takes ObjectEvents and "
                    + "TransformationEvents (no stored event records a pallet, an association or a transaction)");
        }
        if ("DELETE".equals(action)) {
            return "loss";
        }
        if ("receiving".equals(step)) {
            return "receive";
        }
        if ("ADD".equals(action) && "creating_class_instance".equals(step)) {
            return "harvest";
        }
        if ("OBSERVE".equals(action) && "shipping".equals(step)) {
            return d.array("destinationList").stream().anyMatch(o -> "possessing_party".equals(CaptureIds.word(
                    ((JsonObject) o).getString("type"), "SDT-"))) ? "deliver" : "ship";
        }
        String stored = "OBSERVE".equals(action) ? OBSERVED.get(step) : null;
        if (stored == null) {
            throw d.fail("/bizStep", "an ObjectEvent " + action + " with bizStep " + step + " is no step ColdTrace "
                    + "records; it takes ADD creating_class_instance (harvest), OBSERVE other (pre-cooling), storing, "
                    + "picking, loading, unloading, shipping, receiving, and DELETE (loss)");
        }
        return stored;
    }

    /** unit_id, site_id and plot_id from readPoint and bizLocation (a unit read first, a site located first). */
    private void places(CaptureDraft d) {
        Ref read = place(d, "readPoint");
        Ref location = place(d, "bizLocation");
        d.top("unit_id", kind("unit", read, location), read != null && read.kind().equals("unit") ? "/readPoint"
                : "/bizLocation");
        d.top("site_id", kind("site", location, read), location != null && location.kind().equals("site")
                ? "/bizLocation" : "/readPoint");
        d.top("plot_id", kind("plot", read, location), read != null && read.kind().equals("plot") ? "/readPoint"
                : "/bizLocation");
    }

    private Ref place(CaptureDraft d, String key) {
        JsonObject p = d.ev.getJsonObject(key);
        String id = p == null ? null : p.getString("id");
        return id == null ? null : d.read("/" + key + "/id", () -> master.place(CaptureIds.place(id)));
    }

    private static String kind(String kind, Ref first, Ref second) {
        return first != null && first.kind().equals(kind) ? first.value()
                : second != null && second.kind().equals(kind) ? second.value() : null;
    }

    /**
     * The party id of the first entry of {@code list} typed {@code type}, else {@code fallback}; null when there is
     * none or it is the organisation itself.
     */
    private String party(CaptureDraft d, String list, String type, String fallback) {
        String field = list.equals("sourceList") ? "source" : "destination";
        for (String wanted : new String[] {type, fallback}) {
            JsonArray entries = d.array(list);
            for (int k = 0; k < entries.size(); k++) {
                JsonObject e = entries.getJsonObject(k);
                if (wanted.equals(CaptureIds.word(e.getString("type"), "SDT-"))) {
                    return d.read("/" + list + "/" + k, () -> master.party(CaptureIds.party(e.getString(field))));
                }
            }
        }
        return null;
    }

    private static <T> T required(CaptureDraft d, T value, String relative, String what) {
        if (value == null) {
            throw d.fail(relative, what);
        }
        return value;
    }

    private void transformation(CaptureDraft d, String type) {
        int in = parts.items(d, "inputQuantityList", "inputs", false);
        int out = parts.items(d, "outputQuantityList", "outputs", true);
        if (type.equals("transform")) {
            String step = CaptureIds.word(d.ev.getString("bizStep"), "BizStep-");
            d.body("kind", !"repackaging".equals(step) ? "process" : in == 1 && out > 1 ? "split"
                    : in > 1 && out == 1 ? "merge" : "repack", "/bizStep");
        }
    }

    /** A receiving: lots arriving (OBSERVE) or goods from outside born here (ADD), with the handover check. */
    private void receive(CaptureDraft d) {
        boolean born = "ADD".equals(d.ev.getString("action"));
        parts.items(d, "quantityList", born ? "outputs" : "lots", born);
        String disposition = CaptureIds.word(d.ev.getString("disposition"), "Disp-");
        d.body("acceptance", "non_conformant".equals(disposition) ? "reject" : "accept", "/disposition");
        d.body("handover_temp_c", required(d, parts.recordedTemperature(d), "/sensorElementList",
                "a receiving records the temperature checked at handover: a sensorReport of type Temperature with "
                        + "its value in CEL"), "/sensorElementList");
        d.top("party_id", party(d, "sourceList", "owning_party", "possessing_party"), "/sourceList");
    }

    private void loss(CaptureDraft d) {
        parts.items(d, "quantityList", "lots", false);
        String step = CaptureIds.word(d.ev.getString("bizStep"), "BizStep-");
        String disposition = CaptureIds.word(d.ev.getString("disposition"), "Disp-");
        String reason = step == null || disposition == null ? null : Cbv.lossReason(step, disposition);
        d.body("reason", reason != null ? reason : "other", "/bizStep");
        if (reason == null) {
            d.body("note", "EPCIS bizStep " + step + ", disposition " + disposition, "/bizStep");
        }
    }
}
