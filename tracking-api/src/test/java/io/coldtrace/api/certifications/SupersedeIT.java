package io.coldtrace.api.certifications;

import static io.coldtrace.api.testing.Http.assertError;
import static io.coldtrace.api.testing.Http.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coldtrace.api.auth.Role;
import io.coldtrace.api.testing.TestApi;
import io.coldtrace.api.testing.TwoOrgs;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Certifications are append-only (V9_1): an update is a new certification of the same holder superseding the old one,
 * which stays as it was, shown as superseded, with its evidence.
 */
class SupersedeIT {
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final byte[] PDF = "%PDF-1.4\n% renewed certificate\n".getBytes(StandardCharsets.US_ASCII);

    private static TestApi api;
    private static TwoOrgs orgs;

    @BeforeAll
    static void start() {
        api = TestApi.start("supersede");
        orgs = new TwoOrgs(api);
        api.seeds().party("acme-farm", TwoOrgs.ACME, "farm", "500238");
        api.seeds().product("acme-kiwi", TwoOrgs.ACME, "kiwifruit", 0.0, 14.0, 3.0);
        api.seeds().party("rival-farm", TwoOrgs.RIVAL, "farm", "140225");
        api.seeds().certification("rival-cert", TwoOrgs.RIVAL, "rival-farm", null, "organic", TODAY, TODAY);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static String certified(String id, String kind) {
        api.seeds().certification(id, TwoOrgs.ACME, "acme-farm", null, kind, TODAY.minusYears(2),
                TODAY.minusDays(1));
        return id;
    }

    private static JsonObject renewal(String newId) {
        return new JsonObject().put("id", newId).put("kind", "green_food").put("number", "LB-15-2")
                .put("issuer", "中国绿色食品发展中心").put("valid_from", TODAY.toString())
                .put("valid_to", TODAY.plusYears(3).toString());
    }

    @Test
    void anUpdateIsANewCertificationOfTheSameHolderAndTheOldOneStaysShownAsSuperseded() {
        String old = certified("s-old", "green_food");
        JsonObject renewed = expect(api.http().put("/api/v1/certifications/" + old, orgs.acme(Role.QA),
                renewal("s-new")), 201);
        assertThat(renewed.getString("id")).isEqualTo("s-new");
        assertThat(renewed.getString("supersedes")).isEqualTo("s-old");
        assertThat(renewed.getValue("superseded_by")).isNull();
        assertThat(renewed.getString("party_id")).as("the holder is the superseded one's").isEqualTo("acme-farm");
        assertThat(renewed.getString("org_id")).isEqualTo("acme");
        assertThat(renewed.getString("status")).isEqualTo("valid");
        JsonObject kept = expect(api.http().get("/api/v1/certifications/s-old", orgs.acme(Role.DISPATCHER)), 200);
        assertThat(kept.getString("superseded_by")).isEqualTo("s-new");
        assertThat(kept.getString("number")).as("the old record is unchanged").isEqualTo("No. s-old");
        assertThat(kept.getString("status")).isEqualTo("expired");
        assertThat(api.number("SELECT count(*) FROM certification WHERE id IN ('s-old', 's-new')")).isEqualTo(2);
    }

    @Test
    void onlyTheCurrentCertificationOfALineIsSuperseded() {
        String first = certified("s-line-1", "organic");
        expect(api.http().put("/api/v1/certifications/" + first, orgs.acme(Role.OPERATOR), renewal("s-line-2")),
                201);
        JsonObject again = assertError(api.http().put("/api/v1/certifications/" + first, orgs.acme(Role.QA),
                renewal("s-line-x")), 409, "id");
        assertThat(again.getString("message")).contains("superseded by s-line-2");
        expect(api.http().put("/api/v1/certifications/s-line-2", orgs.acme(Role.QA), renewal("s-line-3")), 201);
        assertThat(expect(api.http().get("/api/v1/certifications/s-line-2", orgs.acme(Role.QA)), 200)
                .getString("superseded_by")).isEqualTo("s-line-3");
        assertThat(api.number("SELECT count(*) FROM certification WHERE id = 's-line-x'")).isZero();
    }

    @Test
    void aBadSuccessorIsRefusedAndStoresNothing() {
        String old = certified("s-bad", "organic");
        String qa = orgs.acme(Role.QA);
        assertError(api.http().put("/api/v1/certifications/" + old, qa, renewal("s-bad-1").put("party_id", "x")),
                422, "party_id");
        assertError(api.http().put("/api/v1/certifications/" + old, qa,
                renewal("s-bad-2").put("valid_to", TODAY.minusYears(1).toString())), 422, "valid_to");
        assertError(api.http().put("/api/v1/certifications/" + old, qa, renewal("s-bad-3").put("kind", "halal")),
                422, "kind");
        assertError(api.http().put("/api/v1/certifications/" + old, qa, renewal("s-bad")), 409, "id");
        assertError(api.http().put("/api/v1/certifications/rival-cert", qa, renewal("s-bad-4")), 404, null);
        assertError(api.http().put("/api/v1/certifications/" + old, orgs.acme(Role.DISPATCHER), renewal("s-bad-5")),
                403, null);
        assertThat(api.number("SELECT count(*) FROM certification WHERE id LIKE 's-bad-%'")).isZero();
        assertThat(api.number("SELECT count(*) FROM certification WHERE supersedes = 's-bad'")).isZero();
    }

    @Test
    void evidenceStaysWithTheCertificationItWasUploadedForAndGoesToTheCurrentOne() {
        String old = certified("s-ev", "organic");
        String upload = "/api/v1/certifications/%s/evidence?filename=c.pdf";
        expect(api.http().upload(upload.formatted(old), orgs.acme(Role.QA), "application/pdf", PDF), 201);
        expect(api.http().put("/api/v1/certifications/" + old, orgs.acme(Role.QA), renewal("s-ev-2")), 201);
        assertError(api.http().upload(upload.formatted(old), orgs.acme(Role.QA), "application/pdf", PDF), 409, "id");
        expect(api.http().upload(upload.formatted("s-ev-2"), orgs.acme(Role.QA), "application/pdf", PDF), 201);
        assertThat(expect(api.http().get("/api/v1/certifications/s-ev/evidence", orgs.acme(Role.QA)), 200)
                .getInteger("count")).isOne();
    }

    @Test
    void theListShowsCurrentOrSupersededCertifications() {
        certified("s-list-a", "regional_brand");
        expect(api.http().put("/api/v1/certifications/s-list-a", orgs.acme(Role.QA),
                renewal("s-list-b").put("kind", "regional_brand")), 201);
        assertThat(ids("?kind=regional_brand&superseded=false")).containsExactly("s-list-b");
        assertThat(ids("?kind=regional_brand&superseded=true")).containsExactly("s-list-a");
        assertThat(ids("?kind=regional_brand")).containsExactly("s-list-a", "s-list-b");
        assertError(api.http().get("/api/v1/certifications?superseded=yes", orgs.acme(Role.QA)), 400, "superseded");
    }

    @Test
    void theDatabaseKeepsCertificationsAsRecordedAndASuccessorOfTheSameHolder() {
        String old = certified("s-db", "organic");
        assertThatThrownBy(() -> api.sql("UPDATE certification SET number = 'forged' WHERE id = ?", old))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> api.sql("DELETE FROM certification WHERE id = ?", old))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> api.sql("TRUNCATE certification CASCADE")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> api.sql("""
                INSERT INTO certification (id, org_id, product_id, kind, number, issuer, valid_from, valid_to,
                                           supersedes)
                VALUES ('s-db-2', 'acme', 'acme-kiwi', 'organic', 'n', 'i', current_date, current_date, ?)""", old))
                .hasMessageContaining("another holder");
        assertThat(api.number("SELECT count(*) FROM certification WHERE id = 's-db' AND number = 'No. s-db'")).isOne();
    }

    private static java.util.List<String> ids(String query) {
        return expect(api.http().get("/api/v1/certifications" + query, orgs.acme(Role.QA)), 200)
                .getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("id")).toList();
    }
}
