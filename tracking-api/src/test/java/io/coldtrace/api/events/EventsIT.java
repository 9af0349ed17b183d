package io.coldtrace.api.events;

import static io.coldtrace.api.testing.Http.assertError;
import static io.coldtrace.api.testing.Http.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coldtrace.api.auth.Role;
import io.coldtrace.api.testing.TestApi;
import io.coldtrace.api.testing.TwoOrgs;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The event ledger: validation, idempotent retries, append-only storage, tamper evidence, scoping, concurrency. */
class EventsIT {
    private static TestApi api;
    private static TwoOrgs orgs;

    @BeforeAll
    static void start() {
        api = TestApi.start("events");
        orgs = new TwoOrgs(api);
        api.seeds().party("acme-farm", TwoOrgs.ACME, "farm", "500238");
        api.seeds().party("rival-farm", TwoOrgs.RIVAL, "farm", "140225");
        api.seeds().plot("acme-plot", TwoOrgs.ACME, "acme-farm", 2.5);
        api.seeds().plot("rival-plot", TwoOrgs.RIVAL, "rival-farm", 1.0);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static JsonObject event(String clientId) {
        return harvest(clientId, "acme-plot").put("party_id", "acme-farm").put("site_id", "acme-s1")
                .put("unit_id", "acme-u1");
    }

    /** A harvest of 1.5 kg on {@code plot}, an hour ago, bearing batch B-{clientId}. */
    static JsonObject harvest(String clientId, String plot) {
        return new JsonObject().put("client_event_id", clientId).put("type", "harvest")
                .put("event_time", Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).toString())
                .put("event_tz_offset", "+08:00").put("plot_id", plot)
                .put("body", new JsonObject().put("batch", "B-" + clientId).put("commodity", "cabbage")
                        .put("quantity", 1.50).put("uom", "kg").put("grower", new JsonObject().put("name", "Wang")));
    }

    private static JsonObject post(String org, JsonObject body, int status) {
        String token = org.equals("acme") ? orgs.acme(Role.OPERATOR) : api.token(Role.OPERATOR, org);
        return expect(api.http().post("/api/v1/events", token, body), status);
    }

    @Test
    void anOperatorRecordsAnEventThatLinksToTheChainAndEveryRoleReadsIt() {
        JsonObject created = post("acme", event("e-create"), 201);
        assertThat(created.getString("org_id")).isEqualTo("acme");
        assertThat(created.getBoolean("late_recorded")).isFalse();
        assertThat(created.getString("hash")).matches("[0-9a-f]{64}");
        assertThat(created.getJsonObject("body").getString("uom")).isEqualTo("kg");
        JsonObject read = expect(api.http().get("/api/v1/events/" + created.getString("id"),
                orgs.acme(Role.DISPATCHER)), 200);
        assertThat(read.getString("hash")).isEqualTo(created.getString("hash"));
        JsonObject list = expect(api.http().get("/api/v1/events?type=harvest", orgs.acme(Role.QA)), 200);
        assertThat(list.encode()).contains(created.getString("id"));
        assertThat(expect(api.http().get("/api/v1/events?type=ship", orgs.acme(Role.QA)), 200).getInteger("count"))
                .isZero();
        JsonObject verify = expect(api.http().get("/api/v1/events/verify", orgs.acme(Role.QA)), 200);
        assertThat(verify.getBoolean("ok")).as(verify.encode()).isTrue();
        assertThat(verify.getInteger("events_checked")).isPositive();
    }

    @Test
    void aRetryWithTheSameClientIdReturnsTheStoredEventAndOtherContentIs409() {
        JsonObject first = post("acme", event("e-retry"), 201);
        JsonObject again = post("acme", event("e-retry").put("event_time", first.getString("event_time")), 200);
        assertThat(again.getString("id")).isEqualTo(first.getString("id"));
        assertError(api.http().post("/api/v1/events", orgs.acme(Role.OPERATOR),
                event("e-retry").put("event_time", first.getString("event_time")).put("type", "pack")), 409,
                "client_event_id");
        assertThat(api.number("SELECT count(*) FROM trace_event WHERE client_event_id = 'e-retry'")).isOne();
    }

    @ParameterizedTest
    @CsvSource({"type, teleport", "site_id, rival-s1", "unit_id, rival-u1", "party_id, rival-farm",
            "plot_id, nowhere", "event_tz_offset, +8", "event_tz_offset, +15:00", "client_event_id, ''",
            "corrects_event_id, 0e0b7f2c-1d2a-4d8b-9f00-00000000000a"})
    void aBadFieldIs422NamingItAndStoresNothing(String field, String value) {
        JsonObject body = event("e-bad-" + field + value);
        if (value.isEmpty()) {
            body.remove(field);
        } else {
            body.put(field, value);
        }
        assertError(api.http().post("/api/v1/events", orgs.acme(Role.OPERATOR), body), 422, field);
        assertThat(api.number("SELECT count(*) FROM trace_event WHERE client_event_id LIKE 'e-bad-%'")).isZero();
    }

    @Test
    void anEventMoreThanTenMinutesAheadIsRefusedAndOneADayOldIsFlaggedLate() {
        JsonObject future = event("e-future").put("event_time", Instant.now().plus(Duration.ofMinutes(15)).toString());
        assertError(api.http().post("/api/v1/events", orgs.acme(Role.OPERATOR), future), 422, "event_time");
        JsonObject late = event("e-late").put("event_time", Instant.now().minus(Duration.ofHours(25)).toString());
        assertThat(post("acme", late, 201).getBoolean("late_recorded")).isTrue();
        assertError(api.http().post("/api/v1/events", orgs.acme(Role.OPERATOR), event("e-x").put("body", "text")),
                422, "body");
    }

    @Test
    void aCorrectionNamesAnEventOfItsOrganisationAndAReason() {
        JsonObject original = post("acme", event("e-orig"), 201);
        JsonObject replacement = harvest("e-orig", "acme-plot").put("party_id", "acme-farm");
        replacement.getJsonObject("body").put("quantity", 15);
        replacement.remove("client_event_id");
        JsonObject correction = new JsonObject().put("client_event_id", "e-corr").put("type", "correction")
                .put("event_time", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
                .put("event_tz_offset", "+08:00").put("corrects_event_id", original.getString("id"))
                .put("body", new JsonObject().put("action", "replace").put("event", replacement));
        assertError(api.http().post("/api/v1/events", orgs.acme(Role.QA), correction), 422, "correction_reason");
        JsonObject stored = expect(api.http().post("/api/v1/events", orgs.acme(Role.QA),
                correction.put("correction_reason", "quantity was 15 kg")), 201);
        assertThat(stored.getString("corrects_event_id")).isEqualTo(original.getString("id"));
        assertError(api.http().post("/api/v1/events", orgs.acme(Role.OPERATOR),
                event("e-notcorr").put("corrects_event_id", original.getString("id"))), 422, "corrects_event_id");
        JsonObject rivals = new JsonObject().put("client_event_id", "r-corr").put("type", "correction")
                .put("event_time", Instant.now().toString()).put("event_tz_offset", "+08:00")
                .put("body", new JsonObject()).put("corrects_event_id", original.getString("id"))
                .put("correction_reason", "not ours");
        assertError(api.http().post("/api/v1/events", orgs.rival(Role.QA), rivals), 422, "corrects_event_id");
    }

    @Test
    void theLedgerIsAppendOnlyInTheDatabase() {
        post("acme", event("e-append"), 201);
        assertThatThrownBy(() -> api.sql("UPDATE trace_event SET body = '{}' WHERE client_event_id = 'e-append'"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> api.sql("DELETE FROM trace_event WHERE client_event_id = 'e-append'"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> api.sql("TRUNCATE trace_event CASCADE")).hasMessageContaining("append-only");
        assertThat(api.number("SELECT count(*) FROM trace_event WHERE client_event_id = 'e-append'")).isOne();
    }

    @Test
    void verifyNamesTheEventWhoseStoredFieldsWereAltered() {
        String org = "tampered";
        api.seeds().org(org, "Tampered Ltd");
        api.seeds().party("tampered-farm", org, "farm", "500238");
        api.seeds().plot("tampered-plot", org, "tampered-farm", 1.0);
        post(org, harvest("t-1", "tampered-plot"), 201);
        JsonObject victim = post(org, harvest("t-2", "tampered-plot"), 201);
        post(org, harvest("t-3", "tampered-plot"), 201);
        String qa = api.token(Role.QA, org);
        assertThat(expect(api.http().get("/api/v1/events/verify", qa), 200).getBoolean("ok")).isTrue();

        api.sql("ALTER TABLE trace_event DISABLE TRIGGER trace_event_append_only");
        try {
            api.sql("UPDATE trace_event SET body = '{\"kg\": 2}' WHERE id = ?::uuid", victim.getString("id"));
        } finally {
            api.sql("ALTER TABLE trace_event ENABLE TRIGGER trace_event_append_only");
        }
        JsonObject verify = expect(api.http().get("/api/v1/events/verify", qa), 200);
        assertThat(verify.getBoolean("ok")).isFalse();
        assertThat(verify.getJsonObject("first_mismatch").getString("id")).isEqualTo(victim.getString("id"));
        assertThat(verify.getJsonObject("first_mismatch").getLong("seq")).isEqualTo(victim.getLong("seq"));
        assertThat(verify.getJsonObject("first_mismatch").getString("reason")).contains("hash");
        // another organisation's chain is not this one's business, and stays whole
        JsonObject acme = expect(api.http().get("/api/v1/events/verify", orgs.acme(Role.QA)), 200);
        assertThat(acme.encode()).doesNotContain(victim.getString("id"));
        // an admin of no organisation verifies every chain and finds it
        JsonObject all = expect(api.http().get("/api/v1/events/verify", orgs.admin()), 200);
        assertThat(all.getJsonObject("first_mismatch").getString("id")).isEqualTo(victim.getString("id"));
    }

    @Test
    void anotherOrganisationsEventIs404AndLeftOutOfLists() {
        JsonObject rivals = harvest("r-1", "rival-plot").put("site_id", "rival-s1");
        String id = expect(api.http().post("/api/v1/events", orgs.rival(Role.OPERATOR), rivals), 201).getString("id");
        assertError(api.http().get("/api/v1/events/" + id, orgs.acme(Role.QA)), 404, null);
        assertError(api.http().get("/api/v1/events/not-a-uuid", orgs.acme(Role.QA)), 404, null);
        assertThat(expect(api.http().get("/api/v1/events", orgs.acme(Role.QA)), 200).encode()).doesNotContain(id);
        assertThat(expect(api.http().get("/api/v1/events", orgs.admin()), 200).encode()).contains(id);
        assertError(api.http().post("/api/v1/events", orgs.acme(Role.OPERATOR), event("e-o").put("org_id", "rival")),
                422, "org_id");
        assertError(api.http().post("/api/v1/events", orgs.acme(Role.DISPATCHER), event("e-d")), 403, null);
    }

    @Test
    void parallelPostsOfOneOrganisationMakeOneUnbrokenChain() throws Exception {
        String org = "busy";
        api.seeds().org(org, "Busy Ltd");
        api.seeds().party("busy-farm", org, "farm", "500238");
        api.seeds().plot("busy-plot", org, "busy-farm", 1.0);
        String token = api.token(Role.OPERATOR, org);
        int n = 24;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> posts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                JsonObject body = harvest("b-" + i, "busy-plot");
                posts.add(pool.submit(() -> api.http().post("/api/v1/events", token, body).statusCode()));
            }
            for (Future<Integer> f : posts) {
                assertThat(f.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
        // every event links to the one before it: n distinct prev_hash values, the first one genesis
        assertThat(api.number("SELECT count(DISTINCT prev_hash) FROM trace_event WHERE org_id = 'busy'")).isEqualTo(n);
        assertThat(api.number("""
                SELECT count(*) FROM trace_event e JOIN trace_event p
                  ON p.org_id = e.org_id AND p.hash = e.prev_hash
                WHERE e.org_id = 'busy'""")).isEqualTo(n - 1);
        JsonObject verify = expect(api.http().get("/api/v1/events/verify", token), 200);
        assertThat(verify.getBoolean("ok")).as(verify.encode()).isTrue();
        assertThat(verify.getInteger("events_checked")).isEqualTo(n);
    }
}
