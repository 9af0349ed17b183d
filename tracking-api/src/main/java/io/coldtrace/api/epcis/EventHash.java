package io.coldtrace.api.epcis;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The EPCIS event hash ID of CBV 2.0 (the algorithm of GS1's reference implementation,
 * RalphTro/epcis-event-hash-generator): the event's fields in the canonical property order, lists sorted, CBV words
 * and CURIEs expanded to their web URIs, EPC URNs and Digital Links made canonical, times in UTC to the millisecond,
 * numbers without trailing zeros, user extensions as {namespace}name, sorted, at the end; then
 * {@code ni:///sha-256;<hex>?ver=CBV2.0}.
 */
final class EventHash {
    private static final String CBV = "https://ref.gs1.org/cbv/";
    private static final String VOC = "https://ref.gs1.org/voc/";
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");
    private static final List<String> QUANTITY = List.of("epcClass", "quantity", "uom");
    private static final List<String> METADATA = List.of("time", "startTime", "endTime", "deviceID",
            "deviceMetadata", "rawData", "dataProcessingMethod", "bizRules");
    private static final List<String> REPORT = List.of("type", "exception", "deviceID", "deviceMetadata", "rawData",
            "dataProcessingMethod", "time", "microorganism", "chemicalSubstance", "value", "component", "stringValue",
            "booleanValue", "hexBinaryValue", "uriValue", "minValue", "maxValue", "meanValue", "sDev", "percRank",
            "percValue", "uom", "coordinateReferenceSystem");
    /** Fields that take part in the order above, or never in the hash. */
    private static final Set<String> KNOWN = Set.of("type", "eventTime", "eventTimeZoneOffset", "epcList",
            "parentID", "inputEPCList", "childEPCs", "quantityList", "childQuantityList", "inputQuantityList",
            "outputEPCList", "outputQuantityList", "action", "transformationID", "bizStep", "disposition",
            "persistentDisposition", "readPoint", "bizLocation", "bizTransactionList", "sourceList",
            "destinationList", "sensorElementList", "ilmd", "recordTime", "eventID", "errorDeclaration",
            "certificationInfo", "@context");

    private EventHash() {
    }

    /** The event's hash ID. */
    static String id(JsonObject event, Map<String, String> namespaces) {
        return ofPreHash(preHash(event, namespaces));
    }

    static String ofPreHash(String preHash) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(preHash.getBytes(StandardCharsets.UTF_8));
            return "ni:///sha-256;" + HexFormat.of().formatHex(d) + "?ver=CBV2.0";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The pre-hash string; {@code namespaces} maps the CURIE prefixes of user extensions to their namespaces. */
    static String preHash(JsonObject e, Map<String, String> namespaces) {
        StringBuilder b = new StringBuilder("eventType=").append(e.getString("type"));
        scalar(b, e, "eventTime");
        scalar(b, e, "eventTimeZoneOffset");
        epcs(b, e, "epcList");
        scalar(b, e, "parentID");
        epcs(b, e, "inputEPCList");
        epcs(b, e, "childEPCs");
        quantities(b, e, "quantityList");
        quantities(b, e, "childQuantityList");
        quantities(b, e, "inputQuantityList");
        epcs(b, e, "outputEPCList");
        quantities(b, e, "outputQuantityList");
        scalar(b, e, "action");
        scalar(b, e, "transformationID");
        vocab(b, e, "bizStep", "BizStep-");
        vocab(b, e, "disposition", "Disp-");
        JsonObject pd = e.getJsonObject("persistentDisposition");
        if (pd != null) {
            b.append("persistentDisposition").append(list("set", pd.getJsonArray("set"), v -> cbv(v, "Disp-")))
                    .append(list("unset", pd.getJsonArray("unset"), v -> cbv(v, "Disp-")));
        }
        List<String> trailing = new ArrayList<>();
        place(b, e, "readPoint", namespaces, trailing);
        place(b, e, "bizLocation", namespaces, trailing);
        typed(b, e, "bizTransactionList", "bizTransaction", "BTT-");
        typed(b, e, "sourceList", "source", "SDT-");
        typed(b, e, "destinationList", "destination", "SDT-");
        sensors(b, e);
        JsonObject ilmd = e.getJsonObject("ilmd");
        if (ilmd != null && !ilmd.isEmpty()) {
            b.append("ilmd").append(extensions(ilmd, namespaces));
        }
        for (String k : e.fieldNames()) {
            if (!KNOWN.contains(k)) {
                trailing.addAll(extension(k, e.getValue(k), namespaces));
            }
        }
        trailing.sort(null);
        trailing.forEach(b::append);
        return b.toString();
    }

    private static void scalar(StringBuilder b, JsonObject e, String key) {
        Object v = e.getValue(key);
        if (v != null) {
            b.append(key).append('=').append(value(key, v));
        }
    }

    private static void vocab(StringBuilder b, JsonObject e, String key, String prefix) {
        String v = e.getString(key);
        if (v != null) {
            b.append(key).append('=').append(cbv(v.strip(), prefix));
        }
    }

    private static void epcs(StringBuilder b, JsonObject e, String key) {
        JsonArray a = e.getJsonArray(key);
        String items = a == null ? "" : list("epc", a, v -> EpcUris.canonical(v.strip()));
        if (!items.isEmpty()) {
            b.append(key).append(items);
        }
    }

    private static String list(String name, JsonArray a, java.util.function.UnaryOperator<String> canon) {
        if (a == null) {
            return "";
        }
        List<String> items = new ArrayList<>();
        for (Object o : a) {
            items.add(name + "=" + canon.apply(String.valueOf(o)));
        }
        items.sort(null);
        return String.join("", items);
    }

    private static void quantities(StringBuilder b, JsonObject e, String key) {
        JsonArray a = e.getJsonArray(key);
        if (a == null || a.isEmpty()) {
            return;
        }
        List<String> items = new ArrayList<>();
        for (Object o : a) {
            items.add("quantityElement" + fields((JsonObject) o, QUANTITY));
        }
        items.sort(null);
        b.append(key).append(String.join("", items));
    }

    /** {@code key=value} for each of {@code order} present in {@code o}. */
    private static String fields(JsonObject o, List<String> order) {
        StringBuilder b = new StringBuilder();
        for (String k : order) {
            Object v = o.getValue(k);
            if (v != null && !String.valueOf(v).isBlank()) {
                b.append(k).append('=').append(k.equals("type") ? measurement(String.valueOf(v)) : value(k, v));
            }
        }
        return b.toString();
    }

    private static void place(StringBuilder b, JsonObject e, String key, Map<String, String> ns,
                              List<String> trailing) {
        JsonObject p = e.getJsonObject(key);
        if (p == null) {
            return;
        }
        if (p.getString("id") != null) {
            b.append(key).append("id=").append(value("id", p.getString("id")));
        }
        JsonObject rest = p.copy();
        rest.remove("id");
        if (!rest.isEmpty()) {
            // CBV 2.0: a standard field's own extensions go to the trailing block, under the field's name
            trailing.add(key + extensions(rest, ns));
        }
    }

    private static void typed(StringBuilder b, JsonObject e, String key, String field, String typePrefix) {
        JsonArray a = e.getJsonArray(key);
        if (a == null || a.isEmpty()) {
            return;
        }
        List<String> items = new ArrayList<>();
        for (Object o : a) {
            JsonObject t = (JsonObject) o;
            String type = t.getString("type");
            items.add((type == null ? "" : "type=" + cbv(type.strip(), typePrefix)) + field + "="
                    + value(field, t.getString(field)));
        }
        items.sort(null);
        b.append(key).append(String.join("", items));
    }

    /** CBV 2.0 leaves the list's own name out: each element is {@code sensorElement…}, the elements sorted. */
    private static void sensors(StringBuilder b, JsonObject e) {
        JsonArray a = e.getJsonArray("sensorElementList");
        if (a == null) {
            return;
        }
        List<String> elements = new ArrayList<>();
        for (Object o : a) {
            JsonObject s = (JsonObject) o;
            StringBuilder el = new StringBuilder("sensorElement");
            JsonObject meta = s.getJsonObject("sensorMetadata");
            if (meta != null) {
                el.append("sensorMetadata").append(fields(meta, METADATA));
            }
            List<String> reports = new ArrayList<>();
            for (Object r : s.getJsonArray("sensorReport", new JsonArray())) {
                reports.add("sensorReport" + fields((JsonObject) r, REPORT));
            }
            reports.sort(null);
            reports.forEach(el::append);
            elements.add(el.toString());
        }
        elements.sort(null);
        elements.forEach(b::append);
    }

    /** A sensor report's type: a bare GS1 word is a term of the GS1 web vocabulary. */
    private static String measurement(String v) {
        String s = v.strip();
        return s.startsWith("gs1:") ? VOC + s.substring(4) : s.contains(":") ? s : VOC + s;
    }

    /** A CBV word or URN as its web URI ({@code prefix} is BizStep-, Disp-, BTT- or SDT-). */
    static String cbv(String v, String prefix) {
        if (v.startsWith("urn:epcglobal:cbv:")) {
            String[] p = v.split(":");
            return CBV + prefix + p[p.length - 1];
        }
        if (v.startsWith("cbv:")) {
            return CBV + v.substring(4);
        }
        return v.contains(":") ? v : CBV + prefix + v;
    }

    private static String value(String key, Object v) {
        if (v instanceof Number n) {
            return number(n.toString());
        }
        String s = String.valueOf(v).strip();
        if (key.toLowerCase().indexOf("time") > 0 && !key.toLowerCase().contains("offset") || key.equals("time")) {
            return time(s);
        }
        return EpcUris.canonical(number(s));
    }

    /** A number without trailing zeros or a leading +; anything else as it is. */
    private static String number(String s) {
        if (!s.matches("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?")) {
            return s;
        }
        BigDecimal d = new BigDecimal(s.startsWith("+") ? s.substring(1) : s).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    static String time(String s) {
        // to the millisecond, cut as the reference implementation does (CBV 2.0 leaves rounding open; exports
        // write milliseconds, so nothing is cut)
        return MILLIS.format(OffsetDateTime.parse(s).withOffsetSameInstant(ZoneOffset.UTC));
    }

    private static String extensions(JsonObject o, Map<String, String> ns) {
        List<String> items = new ArrayList<>();
        for (String k : o.fieldNames()) {
            items.addAll(extension(k, o.getValue(k), ns));
        }
        items.sort(null);
        return String.join("", items);
    }

    /** A user extension: {namespace}name=value, or its children sorted; an array gives one entry per element. */
    private static List<String> extension(String key, Object v, Map<String, String> ns) {
        int colon = key.indexOf(':');
        String name = colon > 0 && ns.containsKey(key.substring(0, colon))
                ? "{" + ns.get(key.substring(0, colon)) + "}" + key.substring(colon + 1) : key;
        List<String> out = new ArrayList<>();
        if (v instanceof JsonArray a) {
            for (Object item : a) {
                out.addAll(extension(key, item, ns));
            }
        } else if (v instanceof JsonObject o) {
            out.add(name + extensions(o, ns));
        } else if (v != null) {
            out.add(name + "=" + value(key, v));
        }
        return out;
    }
}
