package io.coldtrace.api.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.coldtrace.api.http.ClientError;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every refusal of docs/trace-events.md that needs no lot state: the type's place fields and body, each a 422 naming
 * the field. (Refusals that depend on what is where are in LotRulesIT.)
 */
class EventRulesTest {
    /** A world of one room r1 at site o, a dockless unit u0, a carrier and a buyer. */
    private static final EventRules.World WORLD = new EventRules.World() {
        private final Map<String, String> sites = Map.of("r1", "o");
        private final Map<String, String> parties = Map.of("carrier", "carrier", "buyer", "buyer");

        @Override
        public String siteOfUnit(String unitId) {
            return sites.get(unitId);
        }

        @Override
        public String partyKind(String partyId) {
            return parties.get(partyId);
        }
    };
    private static final String LOT = "{\"lot\": \"L1\", \"quantity\": 5, \"uom\": \"kg\"";

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
        "harvest  | -         | {\"batch\": \"B\", \"commodity\": \"c\", \"quantity\": 1, \"uom\": \"kg\", \"grower\": {\"name\": \"n\"}} | plot_id",
        "harvest  | plot:p    | {\"batch\": \"B\", \"commodity\": \"c\", \"quantity\": 1, \"uom\": \"kg\"} | body.grower",
        "harvest  | plot:p    | {\"batch\": \"B\", \"commodity\": \"c\", \"quantity\": 1, \"uom\": \"ton\", \"grower\": {\"name\": \"n\"}} | body.uom",
        "pre_cool | -         | {\"lots\": [" + LOT + "}]} | unit_id",
        "pre_cool | unit:r1   | {\"lots\": [" + LOT + "}], \"probe_temp_c\": 99} | body.probe_temp_c",
        "store_in | unit:r1   | {\"lots\": " + LOT + "}} | body.lots",
        "store_in | unit:r1   | {\"lots\": [7]} | body.lots[0]",
        "store_in | unit:r1   | {\"lots\": [" + LOT + ", \"from_unit_id\": \"a\", \"from_site_id\": \"b\"}]} | body.lots[0].from_unit_id",
        "store_in | unit:r1   | {\"lots\": [{\"lot\": \"L1\", \"quantity\": 1.2345, \"uom\": \"kg\"}]} | body.lots[0].quantity",
        "store_in | unit:r1   | {\"lots\": [{\"lot\": \"L1\", \"quantity\": 1, \"uom\": \"ton\"}]} | body.lots[0].uom",
        "store_in | unit:r1   | {\"lots\": [" + LOT + "}], \"documents\": [{\"type\": \"memo\", \"id\": \"1\"}]} | body.documents[0].type",
        "store_out| unit:u0   | {\"lots\": [" + LOT + "}]} | site_id",
        "unload   | unit:r1   | {\"lots\": [" + LOT + "}]} | site_id",
        "pack     | unit:r1   | {\"inputs\": [" + LOT + "}]} | body.outputs",
        "pack     | -         | {\"inputs\": [" + LOT + "}], \"outputs\": [{\"lot\": \"N\", \"product_id\": \"p\", \"quantity\": 1}]} | unit_id",
        "transform| unit:r1   | {\"inputs\": [" + LOT + "}], \"outputs\": [{\"lot\": \"N\", \"product_id\": \"p\", \"quantity\": 1}]} | body.kind",
        "transform| unit:r1   | {\"kind\": \"repack\", \"inputs\": [" + LOT + "}], \"outputs\": [{\"lot\": \"N\", \"product_id\": \"p\", \"quantity\": 1}, {\"lot\": \"L1\", \"product_id\": \"p\", \"quantity\": 4}]} | body.outputs[1].lot",
        "ship     | unit:r1   | {\"lots\": [" + LOT + "}]} | body.to_party_id",
        "ship     | unit:r1   | {\"lots\": [" + LOT + "}], \"to_party_id\": \"nobody\"} | body.to_party_id",
        "receive  | site:o    | {\"lots\": [" + LOT + "}], \"acceptance\": \"maybe\", \"handover_temp_c\": 3} | body.acceptance",
        "receive  | site:o    | {\"lots\": [" + LOT + "}], \"acceptance\": \"partial\", \"handover_temp_c\": 3} | body.lots[0].rejected_quantity",
        "receive  | site:o    | {\"lots\": [" + LOT + ", \"rejected_quantity\": 1}], \"acceptance\": \"accept\", \"handover_temp_c\": 3} | body.lots[0].rejected_quantity",
        "receive  | site:o    | {\"acceptance\": \"accept\", \"handover_temp_c\": 3} | body.lots",
        "receive  | -         | {\"lots\": [" + LOT + "}], \"acceptance\": \"accept\", \"handover_temp_c\": 3} | unit_id",
        "deliver  | -         | {\"lots\": [" + LOT + "}]} | party_id",
        "deliver  | party:carrier | {\"lots\": [" + LOT + "}]} | party_id",
        "deliver  | party:nobody  | {\"lots\": [" + LOT + "}]} | party_id",
        "loss     | -         | {\"lots\": [" + LOT + "}], \"reason\": \"lost it\"} | body.reason",
        "loss     | -         | {\"lots\": [" + LOT + "}]} | body.reason"})
    void aBadEventIs422NamingItsField(String type, String where, String body, String field) {
        ClientError e = catchThrowableOfType(ClientError.class,
                () -> EventRules.plan(type.strip(), where(where.strip()), new JsonObject(body), WORLD));
        assertThat(e).as("%s %s should be refused", type, body).isNotNull();
        assertThat(e.status()).isEqualTo(422);
        assertThat(e.field()).isEqualTo(field);
    }

    private static EventRules.Where where(String w) {
        String[] kv = w.split(":");
        return switch (kv[0]) {
            case "unit" -> new EventRules.Where(null, kv[1], null, null);
            case "site" -> new EventRules.Where(kv[1], null, null, null);
            case "plot" -> new EventRules.Where(null, null, kv[1], null);
            case "party" -> new EventRules.Where(null, null, null, kv[1]);
            default -> new EventRules.Where(null, null, null, null);
        };
    }
}
