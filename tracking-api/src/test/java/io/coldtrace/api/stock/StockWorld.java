package io.coldtrace.api.stock;

import static io.coldtrace.api.events.LotChain.item;
import static io.coldtrace.api.events.LotChain.items;

import io.coldtrace.api.events.LotChain;
import io.coldtrace.api.testing.TestApi;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;

/** The hand-made stock history of {@link StockIT} (its class comment tells the story and the answers). */
final class StockWorld {
    private StockWorld() {
    }

    /** Builds it in organisation st from {@code t0} (20 days ago); {@code ids} gets each lot's id by code. */
    static LotChain build(TestApi api, Instant t0, Map<String, String> ids) {
        LotChain w = new LotChain(api, "st");
        w.harvest("B1", 1500, day(t0, 0));
        w.pack("B1", 600, "L1", 600, "r1", day(t0, 1));
        w.pack("B1", 300, "L2", 300, "r1", day(t0, 1));
        w.pack("B1", 200, "L3", 200, "r2", day(t0, 1));
        w.pack("B1", 100, "L4", 100, "r2", day(t0, 1));
        w.post("deliver", day(t0, 8), new JsonObject().put("party_id", "st-buyer"),
                new JsonObject().put("lots", items(item("L1", 420))));
        w.to("move", "r2", day(t0, 12), item("L2", 300));
        api.sql("INSERT INTO party (id, org_id, kind, buyer_type, name_zh, name_en, division_code, province) "
                + "VALUES ('st-canteen', 'st', 'buyer', 'canteen', '区机关食堂', 'District office canteen', '500238', "
                + "'重庆市')");
        for (Object[] l : new Object[][] {{"L1", 30.0}, {"L2", 12.0}, {"L3", 5.0}, {"L4", 0.5}}) {
            ids.put((String) l[0], api.rows("SELECT id FROM lot WHERE org_id = 'st' AND code = ?", l[0]).get(0));
            api.sql("""
                    INSERT INTO lot_shelf_life (lot_id, org_id, used_fraction, remaining_days, predicted_expiry, as_of,
                        computed_at, on_hand)
                    VALUES (?::uuid, 'st', 0.5, ?, now() + make_interval(secs => ? * 86400), now(), now(), true)
                    ON CONFLICT (lot_id) DO UPDATE SET remaining_days = EXCLUDED.remaining_days,
                        predicted_expiry = EXCLUDED.predicted_expiry, as_of = EXCLUDED.as_of,
                        computed_at = EXCLUDED.computed_at""", ids.get(l[0]), l[1], l[1]);
        }
        return w;
    }

    static Instant day(Instant t0, double d) {
        return LotChain.after(t0, d * 24);
    }
}
