package io.coldtrace.api.assistance;

import static io.coldtrace.api.testing.Http.expect;

import io.coldtrace.api.auth.Role;
import io.coldtrace.api.testing.Seeds;
import io.coldtrace.api.testing.TestApi;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A producer organisation {@code farmco} with a cooperative in Wuxi county (500238, USCC {@link #USCC}) and one in
 * Youyang (500242), products; the Wuxi county bureau (an authority governing 500238, in organisation
 * {@code wuxi-agri}) and the Youyang one (500242); the operator applying is named {@link #APPLICANT}.
 */
final class AssistanceWorld {
    static final String USCC = "91500238MA5U7G4X1B";
    static final String APPLICANT = "Operator Zhou Ming";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    final TestApi api;
    final String operator;
    final String wuxi;
    final String youyang;
    final String admin;

    AssistanceWorld(TestApi api, String org) {
        this.api = api;
        Seeds s = api.seeds();
        s.org(org, org + " 合作社");
        s.org(org + "-wuxi-agri", "巫溪县农业农村委员会");
        s.org(org + "-youyang-agri", "酉阳县农业农村委员会");
        s.party(org + "-coop", org, "cooperative", "500238");
        api.sql("UPDATE party SET uscc = ?, name_zh = '巫溪红池坝合作社', name_en = 'Wuxi Hongchi cooperative' "
                + "WHERE id = ?", USCC, org + "-coop");
        s.party(org + "-youyang-coop", org, "cooperative", "500242");
        for (String p : new String[] {"potato", "honey", "tea", "walnut", "konjac", "chestnut", "millet"}) {
            s.product(org + "-" + p, org, p, 4.0, 30.0, 2.0);
        }
        operator = s.token(Role.OPERATOR, org, APPLICANT).secret();
        wuxi = s.token(Role.AUTHORITY, org + "-wuxi-agri", "Wuxi bureau clerk", "500238").secret();
        youyang = s.token(Role.AUTHORITY, org + "-youyang-agri", "Youyang bureau clerk", "500242").secret();
        admin = api.token(Role.ADMIN);
    }

    JsonObject apply(String org, String product, String party) {
        return expect(api.http().post("/api/v1/assistance/applications", operator, new JsonObject()
                .put("product_id", org + "-" + product).put("party_id", org + "-" + party)
                .put("note", "grown in the county")), 201);
    }

    static JsonObject certify(String number, LocalDate from, LocalDate to) {
        return new JsonObject().put("outcome", "certified").put("certificate_number", number)
                .put("valid_from", from.toString()).put("valid_to", to.toString());
    }

    JsonObject decide(String token, String application, JsonObject body, int status) {
        return expect(api.http().post("/api/v1/assistance/applications/" + application + "/decision", token, body),
                status);
    }

    /** The public list's JSON items. */
    io.vertx.core.json.JsonArray listed() {
        return expect(api.http().get("/assistance-products.json"), 200).getJsonArray("items");
    }

    /** The certificate numbers on the public list. */
    java.util.List<String> numbers() {
        return listed().stream().map(o -> ((JsonObject) o).getString("certificate_number")).toList();
    }
}
