package io.coldtrace.api.epcis;

import io.coldtrace.api.epcis.CaptureIds.LotClass;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * The parts of a partner's event that several stored types share: its client event id, quantity lists as lot items,
 * a temperature the event recorded, documents, and a harvest's batch with its lot master data.
 */
final class CaptureParts {
    /** The measurement type of a temperature, however written. */
    private static final Set<String> TEMPERATURE = Set.of("Temperature", "gs1:Temperature",
            "https://ref.gs1.org/voc/Temperature", "https://gs1.org/voc/Temperature");

    private final CaptureDocument doc;
    private final CaptureMasterData master;

    CaptureParts(CaptureDocument doc, CaptureMasterData master) {
        this.doc = doc;
        this.master = master;
    }

    /**
     * The event's id in the ledger: its eventID, or when it has none the CBV 2.0 event hash of it (what a partner's
     * system computes too), so capturing the same document again finds the events it stored.
     */
    String clientEventId(CaptureDraft d) {
        String id = d.ev.getString("eventID");
        if (id == null) {
            return EventHash.id(d.ev, doc.prefixes());
        }
        if (id.isBlank() || id.length() > 128) {
            throw d.fail("/eventID", "an eventID has 1..128 characters (ColdTrace keeps it as the event's client id)");
        }
        return id;
    }

    /**
     * The elements of quantity list {@code list} as the ledger's items of body list {@code ledger} ({@code lot},
     * {@code quantity}, {@code uom}; an output also names its product, found by the GTIN of its Digital Link); their
     * count.
     */
    int items(CaptureDraft d, String list, String ledger, boolean outputs) {
        JsonArray elements = d.array(list);
        JsonArray items = new JsonArray();
        for (int k = 0; k < elements.size(); k++) {
            String at = "/" + list + "/" + k;
            JsonObject q = elements.getJsonObject(k);
            LotClass lot = d.read(at + "/epcClass", () -> CaptureIds.lot(q.getString("epcClass")));
            if (!(q.getValue("quantity") instanceof Number quantity)) {
                throw d.fail(at, "ColdTrace records how much of a lot: give each element its quantity and uom");
            }
            JsonObject item = new JsonObject().put("lot", lot.code()).put("quantity", quantity)
                    .put("uom", d.read(at + "/uom", () -> CaptureIds.uom(q.getString("uom"))));
            if (outputs) {
                if (lot.gtin() == null) {
                    throw d.fail(at + "/epcClass", "a lot born here names its product: give it as a GS1 Digital Link "
                            + "(https://id.gs1.org/01/{gtin14}/10/{lot}) of a product of the organisation");
                }
                item.put("product_id", d.read(at + "/epcClass", () -> master.product(lot.gtin()).id()));
            }
            items.add(item);
            d.from("body." + ledger + "[" + k + "]", at);
        }
        if (!items.isEmpty()) {
            d.body.put(ledger, items);
        }
        return items.size();
    }

    /** A harvest: the one batch it creates, with the commodity, variety and grower its lot master data give. */
    void harvest(CaptureDraft d) {
        JsonArray q = d.array("quantityList");
        if (q.size() != 1) {
            throw d.fail("/quantityList", "a harvest creates one batch: one quantityList element, had " + q.size());
        }
        JsonObject element = q.getJsonObject(0);
        LotClass batch = d.read("/quantityList/0/epcClass", () -> CaptureIds.lot(element.getString("epcClass")));
        if (!(element.getValue("quantity") instanceof Number quantity)) {
            throw d.fail("/quantityList/0", "a harvest records how much was harvested: give its quantity and uom");
        }
        CaptureMasterData.Product product = batch.gtin() == null ? null
                : d.read("/quantityList/0/epcClass", () -> master.product(batch.gtin()));
        d.body("batch", batch.code(), "/quantityList/0/epcClass");
        d.body("quantity", quantity, "/quantityList/0/quantity");
        d.body("uom", d.read("/quantityList/0/uom", () -> CaptureIds.uom(element.getString("uom"))),
                "/quantityList/0/uom");
        d.body("product_id", product == null ? null : product.id(), "/quantityList/0/epcClass");
        String commodity = term(d, Extensions.COMMODITY);
        commodity = commodity != null ? commodity : product == null ? null : product.commodity();
        if (commodity == null) {
            throw d.fail("/ilmd", "a harvest names its commodity: the lot master data " + Extensions.term(
                    Extensions.COMMODITY) + " (" + Extensions.NAMESPACE + "), or a batch of a product by its GTIN");
        }
        d.body("commodity", commodity, "/ilmd");
        String variety = term(d, Extensions.VARIETY);
        d.body("variety", variety != null ? variety : product == null ? null : product.variety(), "/ilmd");
        String grower = term(d, Extensions.GROWER_NAME);
        if (grower == null) {
            throw d.fail("/ilmd", "a harvest names its grower (FSMA 204 passes the harvester's name on): the lot "
                    + "master data " + Extensions.term(Extensions.GROWER_NAME) + " (" + Extensions.NAMESPACE + ")");
        }
        JsonObject g = new JsonObject().put("name", grower);
        String phone = term(d, Extensions.GROWER_PHONE);
        if (phone != null) {
            g.put("phone", phone);
        }
        d.body("grower", g, "/ilmd");
    }

    /** A term of the project's namespace in the event's lot master data, under any name the document gives it. */
    private String term(CaptureDraft d, String name) {
        JsonObject ilmd = d.ev.getJsonObject("ilmd", new JsonObject());
        for (String key : Extensions.names(doc.prefixes(), name)) {
            if (ilmd.getValue(key) instanceof String v) {
                return v;
            }
        }
        return null;
    }

    /**
     * The temperature the event recorded: the value (CEL) of its first Temperature sensor report that has one (a
     * summary's min, max and mean are custody's figures, derived from telemetry, and are not recorded); or null.
     */
    Number recordedTemperature(CaptureDraft d) {
        JsonArray elements = d.array("sensorElementList");
        for (int k = 0; k < elements.size(); k++) {
            JsonArray reports = elements.getJsonObject(k).getJsonArray("sensorReport", new JsonArray());
            for (int r = 0; r < reports.size(); r++) {
                JsonObject report = reports.getJsonObject(r);
                if (TEMPERATURE.contains(String.valueOf(report.getValue("type")))
                        && report.getValue("value") instanceof Number v) {
                    if (!"CEL".equals(report.getString("uom"))) {
                        throw d.fail("/sensorElementList/" + k + "/sensorReport/" + r + "/uom", "a temperature is "
                                + "recorded in degrees Celsius: uom CEL");
                    }
                    return v;
                }
            }
        }
        return null;
    }

    /** bizTransactionList as the body's documents. */
    void documents(CaptureDraft d) {
        JsonArray list = d.array("bizTransactionList");
        JsonArray docs = new JsonArray();
        for (int k = 0; k < list.size(); k++) {
            JsonObject t = list.getJsonObject(k);
            CaptureIds.Document doc = d.read("/bizTransactionList/" + k, () -> CaptureIds.document(
                    t.getString("type"), t.getString("bizTransaction")));
            docs.add(new JsonObject().put("type", doc.type()).put("id", doc.id()));
            d.from("body.documents[" + k + "]", "/bizTransactionList/" + k);
        }
        if (!docs.isEmpty()) {
            d.body.put("documents", docs);
        }
    }
}
