package io.coldtrace.api.epcis;

import io.coldtrace.core.ids.Gs1;
import java.util.List;
import java.util.Set;

/**
 * Identifiers as the CBV 2.0 event hash writes them (rules 17, 18): EPC URNs become canonical GS1 Digital Link URIs
 * on {@code https://id.gs1.org}, and a Digital Link on any other host moves there, without its query and with only
 * the finest level of identification. Anything else is left as it is.
 */
final class EpcUris {
    static final String GS1 = "https://id.gs1.org";
    /** Primary keys a Digital Link path may start with. */
    private static final Set<String> KEYS = Set.of("00", "01", "253", "255", "401", "402", "414", "417", "8003",
            "8004", "8006", "8010", "8017", "8018");

    private EpcUris() {
    }

    static String canonical(String v) {
        if (v.startsWith("urn:epc:id:") || v.startsWith("urn:epc:class:")) {
            String converted = fromUrn(v);
            return converted == null ? v : converted;
        }
        if (v.startsWith("https://") || v.startsWith("http://")) {
            return constrained(v);
        }
        return v;
    }

    /** The Digital Link of an EPC URN of the kinds the vectors use, or null. */
    private static String fromUrn(String urn) {
        String[] head = urn.split(":", 5);
        if (head.length < 5) {
            return null;
        }
        String[] p = head[4].split("\\.", -1);
        return switch (head[3]) {
            case "sgtin" -> p.length == 3 ? GS1 + "/01/" + gtin(p[0], p[1]) + "/21/" + p[2] : null;
            case "lgtin" -> p.length == 3 ? GS1 + "/01/" + gtin(p[0], p[1]) + "/10/" + p[2] : null;
            case "sscc" -> p.length == 2 ? GS1 + "/00/" + check(p[1].charAt(0) + p[0] + p[1].substring(1)) : null;
            case "sgln" -> p.length == 3 ? GS1 + "/414/" + check(p[0] + p[1])
                    + (p[2].equals("0") ? "" : "/254/" + p[2]) : null;
            case "pgln" -> p.length == 2 ? GS1 + "/417/" + check(p[0] + p[1]) : null;
            case "gdti" -> p.length == 3 ? GS1 + "/253/" + check(p[0] + p[1]) + p[2] : null;
            case "giai" -> p.length == 2 ? GS1 + "/8004/" + p[0] + p[1] : null;
            default -> null;
        };
    }

    private static String gtin(String companyPrefix, String indicatorAndItem) {
        return check(indicatorAndItem.charAt(0) + companyPrefix + indicatorAndItem.substring(1));
    }

    private static String check(String body) {
        return body + Gs1.checkDigit(body);
    }

    /** A Digital Link moved to id.gs1.org, query dropped, only the finest key qualifiers kept. */
    private static String constrained(String uri) {
        int pathAt = uri.indexOf('/', uri.indexOf("//") + 2);
        if (pathAt < 0) {
            return uri;
        }
        String path = uri.substring(pathAt);
        int q = path.indexOf('?');
        path = q >= 0 ? path.substring(0, q) : path;
        List<String> parts = List.of(path.substring(1).split("/", -1));
        // a link's path is AI/value pairs starting with a primary key (a custom prefix before it is allowed)
        for (int i = 0; i + 1 < parts.size(); i++) {
            if (KEYS.contains(parts.get(i)) && (parts.size() - i) % 2 == 0 && parts.get(i + 1).matches("[0-9]+.*")) {
                return GS1 + finest(parts.subList(i, parts.size()));
            }
        }
        return uri;
    }

    private static String finest(List<String> pairs) {
        String key = "/" + pairs.get(0) + "/" + pairs.get(1);
        String lot = null;
        String serial = null;
        for (int i = 2; i + 1 < pairs.size(); i += 2) {
            switch (pairs.get(i)) {
                case "10" -> lot = pairs.get(i + 1);
                case "21", "254" -> serial = "/" + pairs.get(i) + "/" + pairs.get(i + 1);
                default -> { }
            }
        }
        return serial != null ? key + serial : lot != null ? key + "/10/" + lot : key;
    }
}
