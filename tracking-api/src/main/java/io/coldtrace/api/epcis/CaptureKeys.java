package io.coldtrace.api.epcis;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The GS1 keys a partner's document names (GTINs of its lot classes, GLNs of its places and parties), gathered from
 * every event so the capturing organisation's master data is read at once ({@link CaptureMasterData}). An identifier
 * that is no key is skipped here: the mapper refuses it, naming where it is.
 */
final class CaptureKeys {
    private static final List<String> QUANTITY_LISTS = List.of("quantityList", "inputQuantityList",
            "outputQuantityList", "childQuantityList");

    private CaptureKeys() {
    }

    static CaptureMasterData read(Connection c, String org, CaptureDocument doc) throws SQLException {
        Set<String> gtins = new HashSet<>();
        Set<String> places = new HashSet<>();
        Set<String> parties = new HashSet<>();
        for (Object o : doc.events()) {
            JsonObject ev = (JsonObject) o;
            for (String list : QUANTITY_LISTS) {
                for (Object q : ev.getJsonArray(list, new JsonArray())) {
                    add(gtins, () -> CaptureIds.lot(((JsonObject) q).getString("epcClass")).gtin());
                }
            }
            for (String key : List.of("readPoint", "bizLocation")) {
                JsonObject p = ev.getJsonObject(key);
                if (p != null && p.getString("id") != null) {
                    add(places, () -> gln(CaptureIds.place(p.getString("id"))));
                }
            }
            for (String list : List.of("sourceList", "destinationList")) {
                String field = list.equals("sourceList") ? "source" : "destination";
                for (Object e : ev.getJsonArray(list, new JsonArray())) {
                    add(parties, () -> gln(CaptureIds.party(((JsonObject) e).getString(field))));
                }
            }
        }
        return CaptureMasterData.read(c, org, gtins, places, parties);
    }

    private static String gln(CaptureIds.Ref ref) {
        return ref.kind().equals("gln") ? ref.value() : null;
    }

    private static void add(Set<String> keys, java.util.function.Supplier<String> key) {
        try {
            String k = key.get();
            if (k != null) {
                keys.add(k);
            }
        } catch (IllegalArgumentException notAKey) {
            // the mapper refuses it where it is
        }
    }
}
