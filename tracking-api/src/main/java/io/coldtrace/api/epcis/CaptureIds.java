package io.coldtrace.api.epcis;

import io.coldtrace.core.ids.Gs1;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the identifiers of a partner's document name, read as the export writes them (docs/epcis.md) and as GS1
 * writes them: a lot class is a GS1 Digital Link {@code …/01/{gtin14}/10/{lot}} on any host (or an LGTIN URN) or a
 * project URI {@code {base}/id/{org}/lot/{code}}; a place an SGLN ({@code …/414/{gln}}, or its URN) or a project
 * URI of a site, unit or plot; a party a PGLN or a project URI of a party, or the organisation itself. A project URI
 * is read by its id (ids of places and parties are unique across organisations; the capturing organisation must own
 * it), wherever the base. Each reader throws {@link IllegalArgumentException} saying what it expected.
 */
final class CaptureIds {
    /** A lot class: its code and, for a Digital Link, its GTIN-14 (null for a project URI). */
    record LotClass(String code, String gtin) {
    }

    /** A reference: a {@code kind} (site, unit, plot, party, org, or gln for a GS1 key to look up) and its value. */
    record Ref(String kind, String value) {
    }

    /** A document: the ledger's type and id. */
    record Document(String type, String id) {
    }

    private static final Set<String> PLACES = Set.of("site", "unit", "plot");
    /** The kinds of a project URI {@code {base}/id/{org}/{kind}/{id}} (Refs writes them). */
    private static final Set<String> KINDS = Set.of("site", "unit", "plot", "party", "lot");
    /** Rec 20 codes (and Rec 21 packages in their Rec 20 form) back to the ledger's units: Cbv.UOM inverted. */
    static final Map<String, String> UOM = invert(Cbv.UOM);
    /** CBV business transaction types back to the ledger's document types: Cbv.BTT inverted. */
    static final Map<String, String> DOCUMENT_TYPES = invert(Cbv.BTT);

    private CaptureIds() {
    }

    static LotClass lot(String epcClass) {
        required(epcClass, "epcClass");
        String canonical = EpcUris.canonical(epcClass.strip());
        if (canonical.startsWith(EpcUris.GS1 + "/01/")) {
            String[] p = canonical.substring(EpcUris.GS1.length() + 1).split("/");
            if (p.length == 4 && p[2].equals("10") && p[1].matches("[0-9]{14}") && Gs1.valid(p[1])) {
                return new LotClass(decode(p[3]), p[1]);
            }
            throw new IllegalArgumentException("a lot is named by a GTIN-14 with a valid check digit and its lot "
                    + "number (…/01/{gtin14}/10/{lot}); '" + epcClass + "' is not a lot class");
        }
        List<String> own = own(epcClass);
        if (own != null && own.size() == 3 && own.get(1).equals("lot")) {
            return new LotClass(own.get(2), null);
        }
        throw new IllegalArgumentException("a lot is a GS1 Digital Link (https://id.gs1.org/01/{gtin14}/10/{lot}) or "
                + "a ColdTrace lot URI ({base}/id/{org}/lot/{code}); was '" + epcClass + "'");
    }

    /** A readPoint, bizLocation, or a source or destination of type location. */
    static Ref place(String uri) {
        required(uri, "a place's id");
        String gln = gln(uri, "/414/");
        if (gln != null) {
            return new Ref("gln", gln);
        }
        List<String> own = own(uri);
        if (own != null && own.size() == 3 && PLACES.contains(own.get(1))) {
            return new Ref(own.get(1), own.get(2));
        }
        throw new IllegalArgumentException("a place is an SGLN (https://id.gs1.org/414/{gln}) or a ColdTrace site, "
                + "unit or plot URI ({base}/id/{org}/site/{id}); was '" + uri + "'");
    }

    /** A source or destination of type owning_party or possessing_party. */
    static Ref party(String uri) {
        required(uri, "a party's id");
        String gln = gln(uri, "/417/");
        if (gln != null) {
            return new Ref("gln", gln);
        }
        List<String> own = own(uri);
        if (own != null && own.size() == 3 && own.get(1).equals("party")) {
            return new Ref("party", own.get(2));
        }
        if (own != null && own.size() == 1) {
            return new Ref("org", own.get(0));
        }
        throw new IllegalArgumentException("a party is a PGLN (https://id.gs1.org/417/{gln}), a ColdTrace party URI "
                + "({base}/id/{org}/party/{id}) or an organisation's ({base}/id/{org}); was '" + uri + "'");
    }

    /** A business transaction of CBV type {@code type}. */
    static Document document(String type, String uri) {
        String t = type == null ? null : DOCUMENT_TYPES.get(EventHash.cbv(type.strip(), "BTT-")
                .replace("https://ref.gs1.org/cbv/BTT-", ""));
        if (t == null) {
            throw new IllegalArgumentException("a business transaction is of type " + String.join(", ",
                    DOCUMENT_TYPES.keySet()) + " (" + String.join(", ", DOCUMENT_TYPES.values()) + "); was " + type);
        }
        required(uri, "bizTransaction");
        List<String> own = own(uri);
        String id = own != null && own.size() == 4 && own.get(1).equals("doc") && own.get(2).equals(t) ? own.get(3)
                : uri.strip();
        if (id.isEmpty() || id.length() > 128) {
            throw new IllegalArgumentException("a business transaction's identifier has 1..128 characters");
        }
        return new Document(t, id);
    }

    /** A Rec 20 unit of measure as the ledger's unit. */
    static String uom(String rec20) {
        String u = rec20 == null ? null : UOM.get(rec20.strip());
        if (u == null) {
            throw new IllegalArgumentException("uom must be one of " + String.join(", ", UOM.keySet()) + " ("
                    + String.join(", ", UOM.values()) + ")" + (rec20 == null ? "" : "; was " + rec20));
        }
        return u;
    }

    /** A CBV word (business step, disposition) however written: bare, web URI, URN or CURIE. */
    static String word(String v, String prefix) {
        if (v == null) {
            return null;
        }
        String uri = EventHash.cbv(v.strip(), prefix);
        String web = "https://ref.gs1.org/cbv/" + prefix;
        return uri.startsWith(web) ? uri.substring(web.length()) : uri;
    }

    /** The GLN of an SGLN ({@code key} /414/) or PGLN (/417/) with nothing after it, or null. */
    private static String gln(String uri, String key) {
        String canonical = EpcUris.canonical(uri.strip());
        String head = EpcUris.GS1 + key;
        if (canonical.startsWith(head)) {
            String rest = canonical.substring(head.length());
            if (rest.matches("[0-9]{13}") && Gs1.valid(rest)) {
                return rest;
            }
            throw new IllegalArgumentException("'" + uri + "' is not a GLN of 13 digits with a valid check digit "
                    + "(GLN extensions, /254/…, name no place of ours)");
        }
        return null;
    }

    /**
     * The decoded path segments after {@code /id/} of a project URI: {org}, {org}/{kind}/{id} or {org}/doc/{type}/{id}
     * (the first {@code /id/} of the path followed by one of these shapes), or null.
     */
    private static List<String> own(String uri) {
        if (!(uri.startsWith("https://") || uri.startsWith("http://")) || uri.contains("?") || uri.contains("#")) {
            return null;
        }
        int path = uri.indexOf('/', uri.indexOf("//") + 2);
        for (int at = path < 0 ? -1 : uri.indexOf("/id/", path); at >= 0; at = uri.indexOf("/id/", at + 1)) {
            List<String> p = java.util.Arrays.stream(uri.substring(at + 4).split("/", -1))
                    .map(CaptureIds::decode).toList();
            boolean shaped = p.size() == 1 || p.size() == 3 && KINDS.contains(p.get(1))
                    || p.size() == 4 && p.get(1).equals("doc");
            if (shaped && p.stream().noneMatch(String::isEmpty)) {
                return p;
            }
        }
        return null;
    }

    private static void required(String v, String what) {
        if (v == null) {
            throw new IllegalArgumentException(what + " is required");
        }
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static Map<String, String> invert(Map<String, String> m) {
        Map<String, String> out = new java.util.TreeMap<>();
        m.forEach((k, v) -> out.put(v, k));
        return out;
    }
}
