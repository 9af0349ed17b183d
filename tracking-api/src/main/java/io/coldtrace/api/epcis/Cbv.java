package io.coldtrace.api.epcis;

import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * How each stored event type reads in EPCIS 2.0 and CBV 2.0 (docs/epcis.md has the table): the event type, action,
 * bizStep and disposition; units of measure as UN/CEFACT Rec 20 codes; document types as CBV business transaction
 * types. Bare CBV words, as EPCIS 2.0 JSON-LD writes them.
 */
final class Cbv {
    /** An event's EPCIS form. */
    record Form(String eventType, String action, String bizStep, String disposition) {
        boolean transformation() {
            return eventType.equals("TransformationEvent");
        }
    }

    /**
     * UN/CEFACT Rec 20 codes: kg is KGM, a piece H87; the packages are Rec 21 codes in their Rec 20 form (X + code):
     * box XBX, crate XCR, bag XBG, carton XCT.
     */
    static final Map<String, String> UOM = Map.of("kg", "KGM", "piece", "H87", "box", "XBX", "crate", "XCR",
            "bag", "XBG", "carton", "XCT");

    /** Document types as CBV business transaction types. */
    static final Map<String, String> BTT = Map.of("order", "po", "delivery_note", "desadv", "receipt", "recadv",
            "invoice", "inv");

    private static final Map<String, Form> LOSS = Map.of(
            "spoiled", object("DELETE", "destroying", "destroyed"),
            "damaged", object("DELETE", "destroying", "damaged"),
            "rejected", object("DELETE", "removing", "non_conformant"),
            "disposed", object("DELETE", "destroying", "disposed"),
            "sample", object("DELETE", "sampling", "non_sellable_other"),
            "other", object("DELETE", "removing", "unknown"));

    private Cbv() {
    }

    /** The loss reason exported with {@code bizStep} and {@code disposition}, or null when none is. */
    static String lossReason(String bizStep, String disposition) {
        for (Map.Entry<String, Form> e : LOSS.entrySet()) {
            if (e.getValue().bizStep().equals(bizStep) && e.getValue().disposition().equals(disposition)) {
                return e.getKey();
            }
        }
        return null;
    }

    private static Form object(String action, String bizStep, String disposition) {
        return new Form("ObjectEvent", action, bizStep, disposition);
    }

    /** The form of an event of {@code type} with {@code body}; null for a correction (it declares errors). */
    static Form of(String type, JsonObject body) {
        return switch (type) {
            case "harvest" -> object("ADD", "creating_class_instance", "active");
            case "pre_cool" -> object("OBSERVE", "other", "in_progress");
            case "pack" -> new Form("TransformationEvent", null, "commissioning", "active");
            case "store_in", "move" -> object("OBSERVE", "storing", "sellable_not_accessible");
            case "store_out" -> object("OBSERVE", "picking", "in_progress");
            case "load" -> object("OBSERVE", "loading", "in_progress");
            case "unload" -> object("OBSERVE", "unloading", "in_progress");
            case "ship" -> object("OBSERVE", "shipping", "in_transit");
            case "receive" -> switch (body.getString("acceptance", "accept")) {
                case "reject" -> object("OBSERVE", "receiving", "non_conformant");
                default -> body.containsKey("outputs") ? object("ADD", "receiving", "in_progress")
                        : object("OBSERVE", "receiving", "in_progress");
            };
            case "transform" -> new Form("TransformationEvent", null,
                    "process".equals(body.getString("kind")) ? "commissioning" : "repackaging", "active");
            case "deliver" -> object("OBSERVE", "shipping", "in_transit");
            case "loss" -> LOSS.getOrDefault(body.getString("reason", "other"), LOSS.get("other"));
            default -> null;
        };
    }
}
