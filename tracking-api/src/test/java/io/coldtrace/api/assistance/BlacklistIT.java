package io.coldtrace.api.assistance;

import static io.coldtrace.api.assistance.AssistanceWorld.TODAY;
import static io.coldtrace.api.assistance.AssistanceWorld.certify;
import static io.coldtrace.api.events.LotChain.items;
import static io.coldtrace.api.testing.Http.assertError;
import static io.coldtrace.api.testing.Http.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coldtrace.api.auth.Role;
import io.coldtrace.api.events.LotChain;
import io.coldtrace.api.testing.TestApi;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The blacklist (issue 9 §3): only the authority covering the party's county (or an admin) enters and lifts an entry;
 * while it is in force the supplier's lots are not received, in the buyer's own master data too (matched by its
 * unified social credit code), it neither applies nor is certified, and its certificate is suspended and off the
 * public list; the lift (a record of its own) restores all of it.
 */
class BlacklistIT {
    private static final Instant T0 = Instant.now().minus(Duration.ofHours(6)).truncatedTo(ChronoUnit.MINUTES);
    private static TestApi api;
    private static AssistanceWorld w;
    private static LotChain buyer;

    @BeforeAll
    static void start() {
        api = TestApi.start("blacklist");
        w = new AssistanceWorld(api, "bl");
        // a buyer organisation whose own party row for the cooperative carries its credit code
        buyer = new LotChain(api, "bb");
        api.sql("UPDATE party SET uscc = ? WHERE id = 'bb-farm'", AssistanceWorld.USCC);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static JsonObject receive(String lot, double hours) {
        return buyer.event("receive", LotChain.after(T0, hours), new JsonObject().put("site_id", "bb-dc")
                .put("party_id", "bb-farm"), new JsonObject().put("acceptance", "accept").put("handover_temp_c", 3.5)
                .put("outputs", items(buyer.output(lot, 50))));
    }

    @Test
    void anEntryInForceBarsReceivingAndCertifyingUntilItIsLifted() {
        String certified = w.apply("bl", "potato", "coop").getString("id");
        w.decide(w.wuxi, certified, certify("WX-BL-POTATO", TODAY.minusDays(5), TODAY.plusYears(1)), 201);
        String pending = w.apply("bl", "honey", "coop").getString("id");
        assertThat(w.numbers()).contains("WX-BL-POTATO");
        expect(buyer.send(receive("R1", 1)), 201);

        JsonObject body = new JsonObject().put("party_id", "bl-coop").put("reason", "residue over the limit twice")
                .put("evidence", "county test reports 2025-17 and 2025-21")
                // from yesterday (China's calendar): the receipts below happened in the last hours
                .put("valid_from", TODAY.minusDays(1).toString());
        // only the authority of the party's county, or an admin
        assertThat(assertError(api.http().post("/api/v1/blacklist", w.youyang, body), 403, "party_id")
                .getString("message")).contains("500238");
        assertError(api.http().post("/api/v1/blacklist", w.operator, body), 403, null);
        assertError(api.http().post("/api/v1/blacklist", w.wuxi, body.copy().put("valid_until",
                TODAY.minusDays(2).toString())), 422, "valid_until");
        JsonObject entry = expect(api.http().post("/api/v1/blacklist", w.wuxi, body), 201);
        String id = entry.getString("id");
        assertThat(entry.getString("status")).isEqualTo("in_force");
        assertThat(entry.getString("authority")).isEqualTo("巫溪县农业农村委员会");
        assertThat(entry.getJsonObject("party").getString("uscc")).isEqualTo(AssistanceWorld.USCC);
        expect(api.http().upload("/api/v1/blacklist/" + id + "/evidence?filename=report.pdf", w.wuxi,
                "application/pdf", "%PDF-1.4 report".getBytes(java.nio.charset.StandardCharsets.US_ASCII)), 201);

        // the supplier's lots are not received, by the buyer's own party row of it (same credit code): 409 naming
        // the entry, alone and in a bulk import
        JsonObject refused = assertError(buyer.send(receive("R2", 2)), 409, "party_id");
        assertThat(refused.getString("message")).contains(id).contains("residue over the limit twice");
        assertThat(assertError(buyer.bulk(new io.vertx.core.json.JsonArray().add(receive("R3", 2))), 409,
                "events[0].party_id").getString("message")).contains(id);

        // its certificate is suspended and off the public list; it neither applies nor is certified
        JsonObject suspended = expect(api.http().get("/api/v1/assistance/applications/" + certified, w.operator), 200);
        assertThat(suspended.getString("status")).isEqualTo("suspended");
        assertThat(suspended.getString("suspended_by")).isEqualTo(id);
        assertThat(w.numbers()).doesNotContain("WX-BL-POTATO");
        assertThat(assertError(api.http().post("/api/v1/assistance/applications", w.operator, new JsonObject()
                .put("product_id", "bl-tea").put("party_id", "bl-coop")), 409, "party_id").getString("message"))
                .contains(id);
        assertThat(assertError(api.http().post("/api/v1/assistance/applications/" + pending + "/decision", w.wuxi,
                certify("WX-BL-HONEY", TODAY, TODAY.plusYears(1))), 409, "party_id").getString("message"))
                .contains(id);
        // nor is an assistance-product certificate recorded for it (another kind of certificate is)
        JsonObject recorded = new JsonObject().put("id", "bl-cert-1").put("party_id", "bl-coop")
                .put("kind", "assistance_product").put("number", "WX-OLD-1").put("issuer", "巫溪县农业农村委员会")
                .put("valid_from", TODAY.toString()).put("valid_to", TODAY.plusYears(1).toString());
        assertThat(assertError(api.http().post("/api/v1/certifications", w.operator, recorded), 409, "party_id")
                .getString("message")).contains(id);
        expect(api.http().post("/api/v1/certifications", w.operator, recorded.copy().put("kind", "organic")
                .put("issuer", "CQC")), 201);
        // the party's other county's authority does not see the entry; the producer does
        assertThat(expect(api.http().get("/api/v1/blacklist", w.youyang), 200).getJsonArray("items")).isEmpty();
        assertThat(expect(api.http().get("/api/v1/blacklist/" + id, w.operator), 200)
                .getJsonArray("evidence_files")).hasSize(1);

        // lifted (by the authority, with a reason, once): everything is restored, and both records stay
        assertError(api.http().post("/api/v1/blacklist/" + id + "/lift", w.youyang, new JsonObject()
                .put("reason", "x")), 403, "party_id");
        JsonObject lifted = expect(api.http().post("/api/v1/blacklist/" + id + "/lift", w.wuxi, new JsonObject()
                .put("reason", "rectified; three clean tests")), 201);
        assertThat(lifted.getString("status")).isEqualTo("lifted");
        assertThat(lifted.getJsonObject("lift").getString("reason")).isEqualTo("rectified; three clean tests");
        assertError(api.http().post("/api/v1/blacklist/" + id + "/lift", w.wuxi, new JsonObject()
                .put("reason", "again")), 409, "id");
        expect(buyer.send(receive("R5", 3)), 201);
        assertThat(w.numbers()).contains("WX-BL-POTATO");
        assertThat(w.decide(w.wuxi, pending, certify("WX-BL-HONEY", TODAY, TODAY.plusYears(1)), 201)
                .getString("status")).isEqualTo("valid");
        assertThat(api.rows("SELECT count(*) FROM blacklist_entry e JOIN blacklist_lift l ON l.entry_id = e.id "
                + "WHERE e.id = ?::uuid", id)).containsExactly("1");
        assertThatThrownBy(() -> api.sql("DELETE FROM blacklist_lift")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> api.sql("UPDATE blacklist_entry SET valid_until = current_date"))
                .hasMessageContaining("append-only");
    }

    @Test
    void aProductEntryBarsCertifyingThatProductOnlyAndAnEndedEntryNothing() {
        String walnut = w.apply("bl", "walnut", "youyang-coop").getString("id");
        w.decide(w.youyang, walnut, certify("YY-BL-WALNUT", TODAY, TODAY.plusYears(1)), 201);
        JsonObject entry = expect(api.http().post("/api/v1/blacklist", w.youyang, new JsonObject()
                .put("party_id", "bl-youyang-coop").put("product_id", "bl-walnut")
                .put("reason", "sold as local walnuts bought in elsewhere")), 201);
        assertThat(w.numbers()).doesNotContain("YY-BL-WALNUT");
        assertThat(assertError(api.http().post("/api/v1/assistance/applications", w.operator, new JsonObject()
                .put("product_id", "bl-walnut").put("party_id", "bl-youyang-coop")), 409, "product_id")
                .getString("message")).contains(entry.getString("id"));
        // another product of the same party is not barred
        w.apply("bl", "millet", "youyang-coop");
        // an admin may enter one anywhere; an entry that ended yesterday bars nothing
        JsonObject ended = expect(api.http().post("/api/v1/blacklist", api.token(Role.ADMIN), new JsonObject()
                .put("party_id", "bl-youyang-coop").put("product_id", "bl-konjac").put("reason", "old case")
                .put("valid_from", TODAY.minusDays(30).toString()).put("valid_until", TODAY.minusDays(1).toString())),
                201);
        assertThat(ended.getString("status")).isEqualTo("ended");
        assertThat(ended.getString("authority_region")).isNull();
        w.apply("bl", "konjac", "youyang-coop");
    }
}
