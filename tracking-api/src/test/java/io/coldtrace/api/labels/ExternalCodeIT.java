package io.coldtrace.api.labels;

import static io.coldtrace.api.testing.Http.assertError;
import static io.coldtrace.api.testing.Http.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coldtrace.api.auth.Role;
import io.coldtrace.api.testing.TestApi;
import io.coldtrace.core.ids.TraceCode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** External codes mapped 1:1 to lots: set once, corrected only by QA with a reason, kept append-only; resolved. */
class ExternalCodeIT {
    private static final Instant T0 = Instant.parse("2025-07-02T01:00:00Z");

    private static TestApi api;
    private static LabelWorld acme;
    private static LabelWorld rival;
    private static String qa;

    @BeforeAll
    static void start() {
        api = TestApi.start("labels-external");
        acme = new LabelWorld(api, "xacme", null);
        acme.harvest("B1", 400, T0);
        acme.pack("B1", T0.plusSeconds(600), 100, "X-1", "X-2", "X-3", "X-4");
        qa = api.token(Role.QA, "xacme");
        rival = new LabelWorld(api, "xrival", null);
        rival.harvest("R1", 10, T0);
        rival.pack("R1", T0.plusSeconds(60), 10, "R-1");
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    private static HttpResponse<Buffer> put(String lot, String token, JsonObject body) {
        return api.http().put("/api/v1/lots/" + acme.lotId(lot) + "/external-code", token, body);
    }

    private static JsonObject code(String code) {
        return new JsonObject().put("external_code", code);
    }

    private static long changes(String lot) {
        return api.number("SELECT count(*) FROM lot_external_code_change WHERE lot_id = ?::uuid", acme.lotId(lot));
    }

    @Test
    void setOnceTheSameAgainChangesNothingAnotherIsAConflict() {
        JsonObject set = expect(put("X-1", acme.operator, code("5001 2025 0702 0001")), 200);
        assertThat(set.getString("external_code")).isEqualTo("5001 2025 0702 0001");
        assertThat(set.getString("code")).isEqualTo("X-1");
        assertThat(set.getString("trace_code")).isEqualTo(acme.traceCode("X-1").grouped());
        assertThat(set.getString("public_url")).endsWith("/t/" + acme.traceCode("X-1").grouped());
        expect(put("X-1", acme.operator, code("5001 2025 0702 0001")), 200);
        assertThat(changes("X-1")).isEqualTo(1);
        assertError(put("X-1", acme.operator, code("5001 2025 0702 0009")), 409, "external_code");
        assertError(put("X-1", acme.operator, code("5001 2025 0702 0009").put("reason", "typo")), 409,
                "external_code");
        assertThat(api.rows("SELECT external_code FROM lot WHERE id = ?::uuid", acme.lotId("X-1")))
                .containsExactly("5001 2025 0702 0001");
    }

    @Test
    void qaCorrectsWithAReasonAndEveryChangeIsKeptAppendOnly() {
        expect(put("X-2", acme.operator, code("CN-A")), 200);
        assertError(put("X-2", qa, code("CN-B")), 422, "reason");
        JsonObject fixed = expect(put("X-2", qa, code("CN-B").put("reason", "the platform reissued the code")), 200);
        assertThat(fixed.getString("external_code")).isEqualTo("CN-B");
        assertThat(api.rows("""
                SELECT coalesce(old_code, '-') || '>' || new_code || ':' || coalesce(reason, '-') FROM
                lot_external_code_change WHERE lot_id = ?::uuid ORDER BY id""", acme.lotId("X-2")))
                .containsExactly("->CN-A:-", "CN-A>CN-B:the platform reissued the code");
        assertThat(api.rows("SELECT changed_by FROM lot_external_code_change WHERE lot_id = ?::uuid ORDER BY id",
                acme.lotId("X-2"))).hasSize(2).doesNotContainNull();
        assertThatThrownBy(() -> api.sql("UPDATE lot_external_code_change SET reason = 'x' WHERE lot_id = ?::uuid",
                acme.lotId("X-2"))).hasMessageContaining("append-only");
        assertThatThrownBy(() -> api.sql("DELETE FROM lot_external_code_change WHERE lot_id = ?::uuid",
                acme.lotId("X-2"))).hasMessageContaining("append-only");
    }

    @Test
    void aCodeAnotherLotHoldsIsAConflictNamingTheField() {
        expect(put("X-3", acme.operator, code("SHARED-CODE")), 200);
        JsonObject refused = assertError(put("X-4", acme.operator, code("SHARED-CODE")), 409, "external_code");
        assertThat(refused.getString("message")).contains("X-3");
        // QA cannot take it either, and another organisation's lot is not named
        assertError(put("X-4", qa, code("SHARED-CODE").put("reason", "move")), 409, "external_code");
        JsonObject hidden = assertError(api.http().put("/api/v1/lots/" + rival.lotId("R-1") + "/external-code",
                rival.operator, code("SHARED-CODE")), 409, "external_code");
        assertThat(hidden.getString("message")).doesNotContain("X-3").contains("another lot");
        assertThat(changes("X-4")).isZero();
    }

    @Test
    void badRequestsAreRefusedNamingTheField() {
        assertError(put("X-4", acme.operator, code(" padded ")), 422, "external_code");
        assertError(put("X-4", acme.operator, code("x".repeat(129))), 422, "external_code");
        assertError(put("X-4", acme.operator, new JsonObject().put("code", "A")), 422, "code");
        assertError(put("B1", acme.operator, code("FOR-A-BATCH")), 422, "external_code");
        assertError(api.http().put("/api/v1/lots/" + UUID.randomUUID() + "/external-code", acme.operator,
                code("A")), 404, null);
        assertError(put("X-4", rival.operator, code("A")), 404, null);
        assertThat(put("X-4", api.token(Role.DISPATCHER, "xacme"), code("A")).statusCode()).isEqualTo(403);
        assertThat(changes("X-4")).isZero();
    }

    @Test
    void lotCodesResolveATraceCodeInAnyFormOrAnExternalCode() throws Exception {
        expect(put("X-3", acme.operator, code("SHARED-CODE")), 200);
        TraceCode trace = acme.traceCode("X-3");
        UUID id = UUID.fromString(acme.lotId("X-3"));
        try (Connection c = DriverManager.getConnection(api.db().url(), api.db().user(), api.db().password())) {
            for (String given : new String[] {trace.grouped(), trace.value().toLowerCase(Locale.ROOT), "SHARED-CODE"}) {
                assertThat(LotCodes.resolve(c, given)).as(given)
                        .contains(new LotCodes.TracedLot(id, "xacme", trace));
            }
            assertThat(LotCodes.resolve(c, "shared-code")).isEmpty();
            assertThat(LotCodes.resolve(c, TraceCode.random().grouped())).isEmpty();
            assertThat(LotCodes.resolve(c, "")).isEmpty();
            assertThat(LotCodes.resolve(c, null)).isEmpty();
        }
    }
}
