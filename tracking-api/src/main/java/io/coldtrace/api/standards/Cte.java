package io.coldtrace.api.standards;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The FSMA 204 critical tracking events (21 CFR 1.1325–1.1350) and their key data elements, one sheet each, one
 * column each (docs/fsma204.md has the table and its sources). Our event types map onto them: harvest → Harvesting,
 * pre_cool → Cooling, pack → Initial Packing, ship and deliver → Shipping, receive → Receiving, transform →
 * Transformation. A cell is a String, a Double (quantity) or a LocalDate; null is empty.
 */
enum Cte {
    HARVESTING("Harvesting", List.of("Harvest Batch Code", "Commodity", "Variety", "Quantity", "Unit of Measure",
            "Farm Location Description", "Field or Growing Area Name", "Harvest Date", "Harvester Name",
            "Harvester Phone", "Immediate Subsequent Recipient Location Description"), Cte::harvest),
    COOLING("Cooling", List.of("Traceability Lot Code", "Commodity", "Variety", "Quantity", "Unit of Measure",
            "Cooling Location Description", "Cooling Date", "Farm Location Description",
            "Immediate Subsequent Recipient Location Description"), Cte::cooling),
    INITIAL_PACKING("Initial Packing", List.of("Traceability Lot Code", "Product Description", "Quantity",
            "Unit of Measure", "Packing Date", "Traceability Lot Code Source Location Description",
            "Input Lot or Batch Code", "Input Commodity", "Input Variety", "Input Quantity", "Input Unit of Measure",
            "Harvest Farm Location Description", "Field or Growing Area Name", "Harvest Date", "Harvester Name",
            "Harvester Phone", "Cooling Location Description", "Cooling Date"), Cte::transformed),
    SHIPPING("Shipping", List.of("Traceability Lot Code", "Product Description", "Quantity", "Unit of Measure",
            "Ship-From Location Description", "Immediate Subsequent Recipient Location Description", "Ship Date",
            "Traceability Lot Code Source Location Description"), Cte::shipping),
    RECEIVING("Receiving", List.of("Traceability Lot Code", "Product Description", "Quantity", "Unit of Measure",
            "Immediate Previous Source Location Description", "Receiving Location Description", "Receive Date",
            "Traceability Lot Code Source Location Description"), Cte::receiving),
    TRANSFORMATION("Transformation", List.of("Traceability Lot Code", "Product Description", "Quantity",
            "Unit of Measure", "Transformation Date", "Traceability Lot Code Source Location Description",
            "Input Traceability Lot Code", "Input Product Description", "Input Quantity", "Input Unit of Measure",
            "Transformation Kind"), Cte::transformed);

    final String sheet;
    final List<String> columns;
    private final BiFunction<FsmaSql.Row, Set<String>, List<List<Object>>> rows;

    Cte(String sheet, List<String> kdes, BiFunction<FsmaSql.Row, Set<String>, List<List<Object>>> rows) {
        this.sheet = sheet;
        List<String> all = new ArrayList<>(kdes);
        all.addAll(Tail.COLUMNS);
        this.columns = List.copyOf(all);
        this.rows = rows;
    }

    /** Columns every sheet ends with: the reference document, and where the row comes from in our ledger. */
    static final class Tail {
        static final List<String> COLUMNS = List.of("Reference Document Type", "Reference Document Number",
                "Event Time", "Event Type", "Event ID");

        private Tail() {
        }
    }

    /** The CTE of one of our event types, or null (store, move, load, unload, loss are no CTE). */
    static Cte of(String type) {
        return switch (type) {
            case "harvest" -> HARVESTING;
            case "pre_cool" -> COOLING;
            case "pack" -> INITIAL_PACKING;
            case "ship", "deliver" -> SHIPPING;
            case "receive" -> RECEIVING;
            case "transform" -> TRANSFORMATION;
            default -> null;
        };
    }

    /** The rows of {@code r}: one per lot item (per input and output of a pack or transform), of {@code only}
     *  lot codes when it is not null. */
    List<List<Object>> rows(FsmaSql.Row r, Set<String> only) {
        return rows.apply(r, only);
    }

    private static List<List<Object>> harvest(FsmaSql.Row r, Set<String> only) {
        JsonObject b = r.body();
        if (!wanted(only, b.getString("batch"))) {
            return List.of();
        }
        JsonObject g = b.getJsonObject("grower", new JsonObject());
        return List.of(row(r, b.getString("batch"), b.getString("commodity"), b.getString("variety"),
                qty(b.getValue("quantity")), b.getString("uom"), r.party(), r.here(), date(r), g.getString("name"),
                g.getString("phone"), null));
    }

    private static List<List<Object>> cooling(FsmaSql.Row r, Set<String> only) {
        List<List<Object>> out = new ArrayList<>();
        for (JsonObject i : items(r.body(), "lots")) {
            JsonObject lot = lot(r, i);
            if (wanted(only, i.getString("lot"))) {
                out.add(row(r, i.getString("lot"), lot.getString("commodity"), lot.getString("variety"),
                        qty(i.getValue("quantity")), i.getString("uom"), r.here(), date(r), lot.getString("farm"),
                        null));
            }
        }
        return out;
    }

    /** Initial packing and transformation: one row per input and output (a sortable sheet has no nested cells). */
    private static List<List<Object>> transformed(FsmaSql.Row r, Set<String> only) {
        List<List<Object>> out = new ArrayList<>();
        boolean packing = r.type().equals("pack");
        for (JsonObject o : items(r.body(), "outputs")) {
            JsonObject made = lot(r, o);
            for (JsonObject i : items(r.body(), "inputs")) {
                if (!wanted(only, o.getString("lot")) && !wanted(only, i.getString("lot"))) {
                    continue;
                }
                JsonObject in = lot(r, i);
                List<Object> head = List.of(o.getString("lot"), made.getString("product"),
                        qty(o.getValue("quantity")), o.getString("uom"));
                List<Object> cells = new ArrayList<>(head);
                if (packing) {
                    cells.addAll(java.util.Arrays.asList(date(r), made.getString("source"), i.getString("lot"),
                            in.getString("commodity"), in.getString("variety"), qty(i.getValue("quantity")),
                            i.getString("uom"), in.getString("farm"), in.getString("field"),
                            "harvest_batch".equals(in.getString("kind")) ? date(in, "born_at", "born_offset") : null,
                            in.getString("grower"), in.getString("phone"), in.getString("cooled_in"),
                            date(in, "cooled_at", r.offset())));
                } else {
                    cells.addAll(java.util.Arrays.asList(date(r), made.getString("source"), i.getString("lot"),
                            in.getString("product"), qty(i.getValue("quantity")), i.getString("uom"),
                            r.body().getString("kind")));
                }
                out.add(tail(r, cells));
            }
        }
        return out;
    }

    private static List<List<Object>> shipping(FsmaSql.Row r, Set<String> only) {
        String to = r.type().equals("ship") ? r.toParty() : r.party();
        List<List<Object>> out = new ArrayList<>();
        for (JsonObject i : items(r.body(), "lots")) {
            JsonObject lot = lot(r, i);
            if (wanted(only, i.getString("lot"))) {
                out.add(row(r, i.getString("lot"), lot.getString("product"), qty(i.getValue("quantity")),
                        i.getString("uom"), r.here(), to, date(r), lot.getString("source")));
            }
        }
        return out;
    }

    /** What was received: accepted items (less their rejected quantity) and lots the receipt bore; rejects are not. */
    private static List<List<Object>> receiving(FsmaSql.Row r, Set<String> only) {
        List<List<Object>> out = new ArrayList<>();
        String acceptance = r.body().getString("acceptance", "accept");
        List<JsonObject> received = new ArrayList<>(acceptance.equals("reject") ? List.of()
                : items(r.body(), "lots"));
        received.addAll(items(r.body(), "outputs"));
        for (JsonObject i : received) {
            JsonObject lot = lot(r, i);
            Double q = qty(i.getValue("quantity"));
            Double rejected = qty(i.getValue("rejected_quantity"));
            if (wanted(only, i.getString("lot"))) {
                out.add(row(r, i.getString("lot"), lot.getString("product"),
                        rejected == null ? q : Math.round((q - rejected) * 1000) / 1000.0, i.getString("uom"),
                        r.party(), r.here(), date(r), lot.getString("source")));
            }
        }
        return out;
    }

    private static boolean wanted(Set<String> only, String code) {
        return only == null || only.contains(code);
    }

    private static List<JsonObject> items(JsonObject body, String key) {
        JsonArray a = body.getJsonArray(key, new JsonArray());
        List<JsonObject> out = new ArrayList<>();
        a.forEach(o -> out.add((JsonObject) o));
        return out;
    }

    private static JsonObject lot(FsmaSql.Row r, JsonObject item) {
        return r.lots().getJsonObject(item.getString("lot"), new JsonObject());
    }

    static Double qty(Object v) {
        return v instanceof Number n ? n.doubleValue() : null;
    }

    private static LocalDate date(FsmaSql.Row r) {
        return r.at().withOffsetSameInstant(ZoneOffset.of(r.offset())).toLocalDate();
    }

    /** The local date of a JSON timestamp at the offset in {@code offsetKey}, or at the given offset. */
    private static LocalDate date(JsonObject o, String key, String offsetKeyOrOffset) {
        String v = o.getString(key);
        if (v == null) {
            return null;
        }
        String off = offsetKeyOrOffset.startsWith("+") || offsetKeyOrOffset.startsWith("-")
                || offsetKeyOrOffset.equals("Z") ? offsetKeyOrOffset : o.getString(offsetKeyOrOffset, "Z");
        return OffsetDateTime.parse(v).withOffsetSameInstant(ZoneOffset.of(off)).toLocalDate();
    }

    private static List<Object> row(FsmaSql.Row r, Object... kdes) {
        return tail(r, new ArrayList<>(java.util.Arrays.asList(kdes)));
    }

    /** Appends the reference documents and the event's time, type and id. */
    private static List<Object> tail(FsmaSql.Row r, List<Object> cells) {
        List<String> types = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (JsonObject d : items(r.body(), "documents")) {
            types.add(d.getString("type"));
            ids.add(d.getString("id"));
        }
        cells.add(types.isEmpty() ? null : String.join("; ", types));
        cells.add(ids.isEmpty() ? null : String.join("; ", ids));
        cells.add(r.at().withOffsetSameInstant(ZoneOffset.of(r.offset())).toString());
        cells.add(r.type());
        cells.add(r.id().toString());
        return cells;
    }
}
