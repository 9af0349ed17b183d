package io.coldtrace.api.qualitytests;

import static io.coldtrace.api.events.LotChain.item;
import static io.coldtrace.api.events.LotChain.items;
import static io.coldtrace.api.testing.Http.assertError;
import static io.coldtrace.api.testing.Http.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coldtrace.api.auth.Role;
import io.coldtrace.api.events.LotChain;
import io.coldtrace.api.testing.TestApi;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Quality tests (issue 9 §3) over a small chain: batch B1 packed into L1 and L2 (rooms r1, r2); L1 split into S1 and
 * S2. A failed residue test of L1 holds L1, S1 and S2 (not L2): shipping or delivering them answers 409 naming the
 * test, alone and in a bulk import, and what is split from them afterwards is held too; a correction to a pass or
 * QA's release lifts the hold. Records are append-only in the database.
 */
class QualityTestIT {
    private static final Instant T0 = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
    private static TestApi api;
    private static LotChain w;
    private static String operator;
    private static String qa;

    @BeforeAll
    static void start() {
        api = TestApi.start("qualitytests");
        w = new LotChain(api, "qt");
        operator = api.token(Role.OPERATOR, "qt");
        qa = api.token(Role.QA, "qt");
        w.harvest("B1", 1000, h(0));
        w.pack("B1", 400, "L1", 400, "r1", h(1));
        w.pack("B1", 400, "L2", 400, "r2", h(1));
        w.post("transform", h(2), w.unit("r1"), new JsonObject().put("kind", "split")
                .put("inputs", items(item("L1", 400))).put("outputs", items(w.output("S1", 150), w.output("S2", 250))));
        new LotChain(api, "qt-other");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static Instant h(double hours) {
        return LotChain.after(T0, hours);
    }

    private static JsonObject test(String lot, double value, double limit) {
        return new JsonObject().put("lot", lot).put("kind", "lab").put("analyte", "chlorpyrifos").put("value", value)
                .put("unit", "mg/kg").put("limit", limit).put("lab", "Chongqing agri-food test centre")
                .put("method", "GB 23200.113").put("sampled_at", h(2).toString()).put("tested_at", h(3).toString());
    }

    private static JsonObject record(JsonObject body, int status) {
        return expect(api.http().post("/api/v1/quality-tests", operator, body), status);
    }

    private static JsonObject deliver(String lot, double hours) {
        return w.event("deliver", h(hours), new JsonObject().put("party_id", "qt-buyer"),
                new JsonObject().put("lots", items(item(lot, 10))));
    }

    private static Set<String> codes(JsonArray lots) {
        Set<String> out = new TreeSet<>();
        lots.forEach(l -> out.add(((JsonObject) l).getString("code")));
        return out;
    }

    @Test
    void aFailHoldsTheLotAndWhatIsMadeFromItUntilCorrectedOrReleased() {
        // a pass holds nothing
        JsonObject pass = record(test("L2", 0.01, 0.1), 201);
        assertThat(pass.getString("result")).isEqualTo("pass");
        assertThat(pass.getBoolean("holds")).isFalse();
        assertThat(pass.containsKey("proposed_recall")).isFalse();

        // a fail: the result follows from value and limit; the lot and its derived lots are held
        JsonObject fail = record(test("L1", 0.35, 0.1), 201);
        String id = fail.getString("id");
        assertThat(fail.getString("result")).isEqualTo("fail");
        assertThat(fail.getBoolean("holds")).isTrue();
        assertThat(codes(fail.getJsonArray("held_lots"))).containsExactly("L1", "S1", "S2");
        JsonObject proposal = fail.getJsonObject("proposed_recall");
        assertThat(proposal.getString("href")).isEqualTo("/api/v1/recalls");
        assertThat(proposal.getJsonObject("body").getJsonArray("lots").getList())
                .containsExactly(fail.getString("lot_id"));
        assertThat(proposal.getJsonObject("body").getString("reason")).contains("chlorpyrifos").contains(id);

        // held: 409 naming the test, for the single POST and inside a bulk import; L2 is not held
        JsonObject refused = assertError(w.send(deliver("S2", 4)), 409, "body.lots[0].lot");
        assertThat(refused.getString("message")).contains(id).contains("S2").contains("chlorpyrifos");
        assertThat(assertError(w.bulk(new JsonArray().add(w.event("ship", h(4), w.unit("r1"), new JsonObject()
                .put("to_party_id", "qt-buyer").put("lots", items(item("S1", 10)))))), 409,
                "events[0].body.lots[0].lot").getString("message")).contains(id);
        expect(w.send(deliver("L2", 4)), 201);
        // a lot split from a held lot after the test is held too
        w.post("transform", h(4.5), w.unit("r1"), new JsonObject().put("kind", "split")
                .put("inputs", items(item("S2", 50))).put("outputs", items(w.output("S2a", 50))));
        assertThat(assertError(w.send(deliver("S2a", 5)), 409, "body.lots[0].lot").getString("message"))
                .contains(id).contains("lot L1, which it was made from");
        // the lists show it holding
        JsonArray holding = expect(api.http().get("/api/v1/quality-tests?holding=true", qa), 200)
                .getJsonArray("items");
        assertThat(holding.stream().map(o -> ((JsonObject) o).getString("id"))).containsExactly(id);

        // a correction of the record (the value was keyed wrong): a pass that supersedes the fail lifts the hold
        JsonObject correction = record(test("L1", 0.035, 0.1).put("supersedes", id)
                .put("reason", "value keyed as 0.35, the report says 0.035"), 201);
        assertThat(correction.getBoolean("holds")).isFalse();
        JsonObject old = expect(api.http().get("/api/v1/quality-tests/" + id, qa), 200);
        assertThat(old.getString("superseded_by")).isEqualTo(correction.getString("id"));
        assertThat(old.getBoolean("holds")).isFalse();
        expect(w.send(deliver("S2", 6)), 201);
        // a test is corrected once: the next correction corrects the correction
        assertError(api.http().post("/api/v1/quality-tests", operator, test("L1", 0.02, 0.1).put("supersedes", id)
                .put("reason", "again")), 409, "supersedes");

        // a second fail on S1 (a rapid test with a result alone), released by QA with a reason
        JsonObject rapid = record(new JsonObject().put("lot", "S1").put("kind", "rapid").put("analyte",
                "organophosphates").put("result", "fail").put("lab", "county station").put("tested_at",
                h(6).toString()), 201);
        assertThat(codes(rapid.getJsonArray("held_lots"))).containsExactly("S1");
        assertThat(assertError(w.send(deliver("S1", 7)), 409, "body.lots[0].lot").getString("message"))
                .contains(rapid.getString("id"));
        // an operator may not release; QA may, once
        assertError(api.http().post("/api/v1/quality-tests/" + rapid.getString("id") + "/release", operator,
                new JsonObject().put("reason", "x")), 403, null);
        assertError(api.http().post("/api/v1/quality-tests/" + rapid.getString("id") + "/release", qa,
                new JsonObject()), 422, "reason");
        JsonObject released = expect(api.http().post("/api/v1/quality-tests/" + rapid.getString("id") + "/release",
                qa, new JsonObject().put("reason", "lab retest GB 23200.113 passed")), 200);
        assertThat(released.getBoolean("holds")).isFalse();
        assertThat(released.getJsonObject("release").getString("reason")).contains("retest");
        assertError(api.http().post("/api/v1/quality-tests/" + rapid.getString("id") + "/release", qa,
                new JsonObject().put("reason", "again")), 409, "id");
        expect(w.send(deliver("S1", 7)), 201);

        // every record stays, in the database too
        assertThat(api.number("SELECT count(*) FROM quality_test WHERE org_id = 'qt' AND analyte <> 'cadmium'")).isEqualTo(4);
        assertThatThrownBy(() -> api.sql("UPDATE quality_test SET result = 'pass' WHERE id = ?::uuid", id))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> api.sql("DELETE FROM quality_test_release WHERE test_id = ?::uuid",
                rapid.getString("id"))).hasMessageContaining("append-only");
    }

    @Test
    void badRecordsAreRefusedNamingTheFieldAndNothingIsStored() {
        long before = api.number("SELECT count(*) FROM quality_test");
        assertError(api.http().post("/api/v1/quality-tests", operator, test("L1", 0.35, 0.1).put("result", "pass")),
                422, "result");
        assertError(api.http().post("/api/v1/quality-tests", operator, test("L1", 0.35, 0.1).put("kind", "smell")),
                422, "kind");
        assertError(api.http().post("/api/v1/quality-tests", operator, test("L1", 0.35, 0.1).putNull("limit")),
                422, "limit");
        assertError(api.http().post("/api/v1/quality-tests", operator, test("L1", 0.35, 0.1).putNull("unit")),
                422, "unit");
        assertError(api.http().post("/api/v1/quality-tests", operator, test("L1", 0.35, 0.1)
                .put("tested_at", Instant.now().plus(Duration.ofDays(1)).toString())), 422, "tested_at");
        assertError(api.http().post("/api/v1/quality-tests", operator, test("L1", 0.35, 0.1)
                .put("sampled_at", h(5).toString())), 422, "sampled_at");
        assertError(api.http().post("/api/v1/quality-tests", operator, test("NOPE", 0.35, 0.1)), 422, "lot");
        // another organisation's lot does not exist for this one
        assertError(api.http().post("/api/v1/quality-tests", api.token(Role.OPERATOR, "qt-other"),
                test("L1", 0.35, 0.1)), 422, "lot");
        assertError(api.http().post("/api/v1/quality-tests", operator, test("L1", 0.35, 0.1)
                .put("reason", "why")), 422, "supersedes");
        // a correction names a test that exists, of the same lot
        assertError(api.http().post("/api/v1/quality-tests", operator, test("L1", 0.02, 0.1)
                .put("supersedes", "00000000-0000-0000-0000-000000000000").put("reason", "why")), 422, "supersedes");
        String l2Test = record(test("L2", 0.01, 0.1).put("analyte", "cadmium"), 201).getString("id");
        before = api.number("SELECT count(*) FROM quality_test");
        assertError(api.http().post("/api/v1/quality-tests", operator, test("S2", 0.02, 0.1)
                .put("supersedes", l2Test).put("reason", "why")), 422, "lot");
        assertThat(api.number("SELECT count(*) FROM quality_test")).isEqualTo(before);
        // a buyer-facing role that may not record: dispatchers read, do not record
        assertError(api.http().post("/api/v1/quality-tests", api.token(Role.DISPATCHER, "qt"),
                test("L2", 0.01, 0.1)), 403, null);
    }

    @Test
    void evidenceIsKeptWithItsHashAndOtherOrganisationsSeeNothing() throws Exception {
        JsonObject t = record(test("L2", 0.02, 0.1).put("analyte", "cadmium"), 201);
        byte[] pdf = "%PDF-1.4 lab report of cadmium".getBytes(StandardCharsets.US_ASCII);
        JsonObject file = expect(api.http().upload("/api/v1/quality-tests/" + t.getString("id")
                + "/evidence?filename=report.pdf", operator, "application/pdf", pdf), 201);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
        assertThat(file.getString("sha256")).isEqualTo(sha);
        var got = api.http().get("/api/v1/quality-tests/" + t.getString("id") + "/evidence/" + file.getLong("id"),
                qa);
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.bodyAsBuffer().getBytes()).isEqualTo(pdf);
        assertThat(got.getHeader("x-content-sha256")).isEqualTo(sha);
        assertThat(expect(api.http().get("/api/v1/quality-tests/" + t.getString("id"), qa), 200)
                .getInteger("evidence_files")).isEqualTo(1);
        // a file that is not what it says is refused
        assertError(api.http().upload("/api/v1/quality-tests/" + t.getString("id") + "/evidence?filename=x.pdf",
                operator, "application/pdf", "not a pdf".getBytes(StandardCharsets.US_ASCII)), 422, "body");
        String other = api.token(Role.QA, "qt-other");
        assertError(api.http().get("/api/v1/quality-tests/" + t.getString("id"), other), 404, null);
        assertThat(expect(api.http().get("/api/v1/quality-tests", other), 200).getJsonArray("items")).isEmpty();
        assertError(api.http().get("/api/v1/quality-tests/" + t.getString("id") + "/evidence/" + file.getLong("id"),
                other), 404, null);
    }
}
