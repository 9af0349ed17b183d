package io.coldtrace.api.events;

import static io.coldtrace.api.testing.Http.assertError;
import static io.coldtrace.api.testing.Http.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.api.AnchorConfig;
import io.coldtrace.api.auth.Role;
import io.coldtrace.api.testing.TestApi;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Outside anchors: a consistent rewrite of a chain and its head no longer matches the anchors taken before it. */
class ChainAnchorIT {
    private static final String KEY = "anchor-key-for-tests-0123456789abcdef";
    private static TestApi api;

    @BeforeAll
    static void start() {
        api = TestApi.startWith("chainanchor", cfg -> cfg.withFiles(cfg.dataDir(), cfg.anchor().withKey(KEY)));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static JsonObject anchor(String org) {
        return expect(api.http().post("/api/v1/events/anchor", api.token(Role.ADMIN),
                new JsonObject().put("org_id", org)), 200);
    }

    private static JsonObject verify(String org) {
        return expect(api.http().get("/api/v1/events/verify?org_id=" + org, api.token(Role.ADMIN)), 200);
    }

    private static List<String> logLines() throws IOException {
        return Files.readAllLines(api.config().anchor().log(), StandardCharsets.UTF_8);
    }

    private static String hmac(String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aConsistentForgeryOfTheChainAndItsHeadIsNamedByTheAnchorsTakenBeforeIt() throws Exception {
        api.seeds().org("forged", "Forged Ltd");
        LedgerRows.append(api, "forged", 10);
        List<EventRow> chain = LedgerRows.chain(api, "forged");
        EventRow last = chain.get(9);

        JsonObject anchored = anchor("forged");
        assertThat(anchored.getBoolean("signed")).isTrue();
        assertThat(anchored.getJsonArray("anchored")).hasSize(1);
        JsonObject a = anchored.getJsonArray("anchored").getJsonObject(0);
        assertThat(a.getLong("seq")).isEqualTo(last.seq());
        assertThat(a.getString("hash")).isEqualTo(last.hash());
        assertThat(a.getString("anchor_sig")).isEqualTo(hmac("forged|" + last.seq() + "|" + last.hash() + "|"
                + a.getString("anchored_at")));
        assertThat(logLines()).filteredOn(l -> l.contains("\"forged\"")).singleElement()
                .satisfies(l -> assertThat(new JsonObject(l)).isEqualTo(a));
        assertThat(api.number("SELECT count(*) FROM trace_chain_anchor WHERE org_id = 'forged'")).isOne();
        JsonObject before = verify("forged");
        assertThat(before.getBoolean("ok")).as(before.encode()).isTrue();
        assertThat(before.getLong("anchors_checked")).isEqualTo(2);
        assertThat(before.getJsonObject("anchor_log").getBoolean("present")).isTrue();
        assertThat(before.getString("anchor_signatures")).isEqualTo("checked");
        assertThat(before.getLong("anchors_unsigned")).isZero();

        // a superuser rewrites event 4, rehashes it and every later event and moves the head: the chain checks out
        LedgerRows.forge(api, "forged", chain.get(3).seq(), "{\"i\": 3, \"kg\": 150}");
        JsonObject after = verify("forged");
        assertThat(after.getBoolean("ok")).isFalse();
        assertThat(after.getLong("events_checked")).as("the forged chain itself is consistent").isEqualTo(10);
        JsonObject m = after.getJsonObject("first_mismatch");
        assertThat(m.getLong("seq")).isEqualTo(last.seq());
        assertThat(m.getString("id")).isEqualTo(last.id().toString());
        assertThat(m.getString("reason")).isEqualTo("event at seq " + last.seq() + " no longer matches the anchor of "
                + a.getString("anchored_at"));

        // ... and rewrites the anchor to the forged head: its signature gives it away
        String forgedHead = LedgerRows.chain(api, "forged").get(9).hash();
        LedgerRows.asSuperuser(api, "UPDATE trace_chain_anchor SET hash = ? WHERE org_id = 'forged'", forgedHead);
        assertThat(verify("forged").getJsonObject("first_mismatch").getString("reason"))
                .isEqualTo("the anchor of " + a.getString("anchored_at")
                        + " does not carry this server's signature: it was not written by this API");

        // ... and strips the signature too: the anchor now passes for one made without a key, and is counted as such,
        // but the anchor log outside the database still has the signed original
        LedgerRows.asSuperuser(api, "UPDATE trace_chain_anchor SET anchor_sig = NULL WHERE org_id = 'forged'");
        JsonObject stripped = verify("forged");
        assertThat(stripped.getLong("anchors_unsigned")).isOne();
        assertThat(stripped.getJsonObject("first_mismatch").getString("reason")).contains("(anchor log line ");

        // ... and removes the anchor from the table: the anchor log outside the database still has it
        LedgerRows.asSuperuser(api, "DELETE FROM trace_chain_anchor WHERE org_id = 'forged'");
        JsonObject logOnly = verify("forged");
        assertThat(logOnly.getJsonObject("first_mismatch").getString("reason")).startsWith("event at seq "
                + last.seq() + " no longer matches the anchor of " + a.getString("anchored_at") + " (anchor log line ");
        assertThat(logOnly.getLong("anchors_checked")).isOne();
    }

    @Test
    void aHeadIsAnchoredOnceAndAChainBrokenSinceItsLastAnchorIsRefused() {
        api.seeds().org("steady", "Steady Ltd");
        LedgerRows.append(api, "steady", 4);
        assertThat(anchor("steady").getJsonArray("anchored")).hasSize(1);
        JsonObject again = anchor("steady");
        assertThat(again.getJsonArray("anchored")).isEmpty();
        assertThat(again.getInteger("unchanged")).isOne();

        LedgerRows.append(api, "steady", 3);
        List<EventRow> chain = LedgerRows.chain(api, "steady");
        JsonObject moved = anchor("steady");
        assertThat(moved.getJsonArray("anchored").getJsonObject(0).getLong("seq")).isEqualTo(chain.get(6).seq());
        JsonObject ok = verify("steady");
        assertThat(ok.getBoolean("ok")).as(ok.encode()).isTrue();
        assertThat(ok.getLong("anchors_checked")).isEqualTo(4);

        // an event altered after the last anchor: the next run refuses to anchor the broken chain
        LedgerRows.append(api, "steady", 2);
        EventRow altered = LedgerRows.chain(api, "steady").get(7);
        LedgerRows.asSuperuser(api, "UPDATE trace_event SET body = '{}' WHERE seq = ?", altered.seq());
        JsonObject refused = anchor("steady");
        assertThat(refused.getJsonArray("anchored")).isEmpty();
        JsonObject why = refused.getJsonArray("refused").getJsonObject(0);
        assertThat(why.getString("org_id")).isEqualTo("steady");
        assertThat(why.getLong("seq")).isEqualTo(altered.seq());
        assertThat(why.getString("reason")).isEqualTo("hash does not match the event's stored fields");
        assertThat(api.number("SELECT count(*) FROM trace_chain_anchor WHERE org_id = 'steady'")).isEqualTo(2);
    }

    @Test
    void onlyAdminsAnchorAndAMemberAdminAnchorsOnlyItsOwnOrganisation() {
        api.seeds().org("mine", "Mine Ltd");
        api.seeds().org("theirs", "Theirs Ltd");
        assertError(api.http().post("/api/v1/events/anchor", api.token(Role.QA, "mine"), new JsonObject()), 403,
                null);
        assertError(api.http().post("/api/v1/events/anchor", api.token(Role.ADMIN, "mine"),
                new JsonObject().put("org_id", "theirs")), 422, "org_id");
        assertError(api.http().post("/api/v1/events/anchor", api.token(Role.ADMIN),
                new JsonObject().put("org_id", "nowhere")), 422, "org_id");
        LedgerRows.append(api, "mine", 2);
        LedgerRows.append(api, "theirs", 2);
        JsonObject own = expect(api.http().post("/api/v1/events/anchor", api.token(Role.ADMIN, "mine"),
                new JsonObject()), 200);
        assertThat(own.getJsonArray("anchored")).hasSize(1);
        assertThat(own.getJsonArray("anchored").getJsonObject(0).getString("org_id")).isEqualTo("mine");
        assertThat(api.number("SELECT count(*) FROM trace_chain_anchor WHERE org_id = 'theirs'")).isZero();
    }

    @Test
    void withoutAKeyThePeriodicRunAnchorsUnsignedAndSaysSo() throws Exception {
        try (TestApi unsigned = TestApi.startWith("chainanchor-timer",
                cfg -> cfg.withFiles(cfg.dataDir(), new AnchorConfig(Duration.ofMillis(200), null,
                        cfg.dataDir().resolve("outside/anchors.jsonl"))))) {
            unsigned.seeds().org("ticking", "Ticking Ltd");
            LedgerRows.append(unsigned, "ticking", 3);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (unsigned.number("SELECT count(*) FROM trace_chain_anchor WHERE org_id = 'ticking'") == 0) {
                assertThat(System.nanoTime()).as("anchored by the periodic run").isLessThan(deadline);
                Thread.sleep(100);
            }
            assertThat(unsigned.number("SELECT count(*) FROM trace_chain_anchor WHERE anchor_sig IS NOT NULL"))
                    .isZero();
            assertThat(Files.readAllLines(unsigned.config().anchor().log())).singleElement()
                    .satisfies(l -> assertThat(new JsonObject(l).getString("anchor_sig")).isNull());
            JsonObject r = expect(unsigned.http().get("/api/v1/events/verify", unsigned.token(Role.QA, "ticking")),
                    200);
            assertThat(r.getBoolean("ok")).as(r.encode()).isTrue();
            assertThat(r.getLong("anchors_checked")).isEqualTo(2);
            assertThat(r.getString("anchor_signatures")).contains("COLDTRACE_ANCHOR_KEY is not set");
            JsonObject now = expect(unsigned.http().post("/api/v1/events/anchor", unsigned.token(Role.ADMIN),
                    new JsonObject()), 200);
            assertThat(now.getBoolean("signed")).isFalse();
            assertThat(now.getString("note")).contains("COLDTRACE_ANCHOR_KEY is not set");
        }
    }
}
