package io.coldtrace.api.assistance;

import static io.coldtrace.api.assistance.AssistanceWorld.TODAY;
import static io.coldtrace.api.assistance.AssistanceWorld.certify;
import static io.coldtrace.api.testing.Http.assertError;
import static io.coldtrace.api.testing.Http.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.coldtrace.api.testing.TestApi;
import io.coldtrace.ingest.notify.WebhookSender;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Certified assistance products (issue 9 §2): a producer applies with evidence, the Wuxi authority refuses or
 * certifies (Youyang's may not: 403), the certificate is on the public list (HTML, JSON, QR) with nothing private,
 * leaves it when it lapses or is revoked at a re-check, and shows among the expiring ones 30 days ahead.
 */
class AssistanceProductsIT {
    private static TestApi api;
    private static AssistanceWorld w;

    @BeforeAll
    static void start() {
        api = TestApi.start("assistance");
        w = new AssistanceWorld(api, "ap");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void anApplicationIsRefusedOrCertifiedOnceByTheAuthorityOfItsCountyOnly() throws Exception {
        JsonObject app = w.apply("ap", "potato", "coop");
        String id = app.getString("id");
        assertThat(app.getString("status")).isEqualTo("pending");
        assertThat(app.getString("division_code")).isEqualTo("500238");
        assertThat(app.getString("applied_by")).isEqualTo(AssistanceWorld.APPLICANT);
        // the same product and party again while it is pending: 409
        assertError(api.http().post("/api/v1/assistance/applications", w.operator, new JsonObject()
                .put("product_id", "ap-potato").put("party_id", "ap-coop")), 409, "product_id");
        // another organisation's party does not exist for the applicant
        assertError(api.http().post("/api/v1/assistance/applications", w.operator, new JsonObject()
                .put("product_id", "ap-potato").put("party_id", "nobody")), 422, "party_id");

        // evidence: a PDF kept with its SHA-256; a renamed file is refused
        byte[] pdf = "%PDF-1.4 origin certificate of Wuxi".getBytes(StandardCharsets.US_ASCII);
        JsonObject file = expect(api.http().upload("/api/v1/assistance/applications/" + id
                + "/evidence?filename=origin.pdf", w.operator, "application/pdf", pdf), 201);
        assertThat(file.getString("sha256")).isEqualTo(HexFormat.of().formatHex(MessageDigest
                .getInstance("SHA-256").digest(pdf)));
        assertError(api.http().upload("/api/v1/assistance/applications/" + id + "/evidence?filename=x.png",
                w.operator, "image/png", pdf), 422, "body");
        HttpResponse<Buffer> download = api.http().get("/api/v1/assistance/applications/" + id + "/evidence/"
                + file.getLong("id"), w.wuxi);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body().getBytes()).isEqualTo(pdf);

        // the authority reads it by region; Youyang's neither sees it nor may decide it (403 naming the field)
        assertThat(expect(api.http().get("/api/v1/assistance/applications?status=pending", w.wuxi), 200)
                .getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("id"))).contains(id);
        assertThat(expect(api.http().get("/api/v1/assistance/applications", w.youyang), 200)
                .getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("id"))).doesNotContain(id);
        assertError(api.http().get("/api/v1/assistance/applications/" + id, w.youyang), 404, null);
        assertThat(assertError(api.http().post("/api/v1/assistance/applications/" + id + "/decision", w.youyang,
                certify("WX-BF-2025-001", TODAY, TODAY.plusYears(1))), 403, "party_id").getString("message"))
                .contains("500238").contains("500242");
        // a producer may not decide
        assertError(api.http().post("/api/v1/assistance/applications/" + id + "/decision", w.operator,
                certify("WX-BF-2025-001", TODAY, TODAY.plusYears(1))), 403, null);

        // a refusal says why; once decided, it stays decided
        assertError(api.http().post("/api/v1/assistance/applications/" + id + "/decision", w.wuxi,
                new JsonObject().put("outcome", "refused")), 422, "reason");
        JsonObject refused = w.decide(w.wuxi, id, new JsonObject().put("outcome", "refused")
                .put("reason", "origin not proven: the plots are outside the county"), 201);
        assertThat(refused.getString("status")).isEqualTo("refused");
        assertThat(refused.getJsonObject("decision").getString("issuer")).isEqualTo("巫溪县农业农村委员会");
        assertThat(refused.containsKey("certificate")).isFalse();
        assertThat(refused.getJsonArray("evidence")).hasSize(1);
        assertError(api.http().post("/api/v1/assistance/applications/" + id + "/decision", w.wuxi,
                certify("WX-BF-2025-001", TODAY, TODAY.plusYears(1))), 409, "id");
        assertThat(w.numbers()).doesNotContain("WX-BF-2025-001");
        // evidence of a decided application stays as the authority saw it
        assertError(api.http().upload("/api/v1/assistance/applications/" + id + "/evidence?filename=late.pdf",
                w.operator, "application/pdf", pdf), 409, "id");

        // a new application, certified: the certificate is on the public list
        String again = w.apply("ap", "potato", "coop").getString("id");
        assertError(api.http().post("/api/v1/assistance/applications/" + again + "/decision", w.wuxi,
                certify("WX-BF-2025-002", TODAY, TODAY.minusDays(1))), 422, "valid_to");
        JsonObject cert = w.decide(w.wuxi, again, certify("WX-BF-2025-002", TODAY.minusDays(10),
                TODAY.plusYears(2)), 201);
        assertThat(cert.getString("status")).isEqualTo("valid");
        assertThat(cert.getJsonObject("certificate").getString("number")).isEqualTo("WX-BF-2025-002");
        assertThat(cert.getJsonObject("certificate").getString("issuer")).isEqualTo("巫溪县农业农村委员会");
        assertThat(w.numbers()).contains("WX-BF-2025-002");
        // a certificate number is issued once
        String third = w.apply("ap", "honey", "coop").getString("id");
        assertError(api.http().post("/api/v1/assistance/applications/" + third + "/decision", w.wuxi,
                certify("WX-BF-2025-002", TODAY, TODAY.plusYears(1))), 409, "certificate_number");

        // append-only in the database
        assertThatThrownBy(() -> api.sql("UPDATE assistance_decision SET valid_to = valid_to + 1"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> api.sql("DELETE FROM assistance_application")).hasMessageContaining("append-only");
    }

    @Test
    void thePublicListShowsCertificatesValidTodayAndNothingPrivate() {
        String valid = w.apply("ap", "tea", "coop").getString("id");
        w.decide(w.wuxi, valid, certify("WX-BF-TEA", TODAY.minusDays(30), TODAY.plusDays(10)), 201);
        String lapsed = w.apply("ap", "walnut", "coop").getString("id");
        JsonObject expired = w.decide(w.wuxi, lapsed, certify("WX-BF-WALNUT", TODAY.minusYears(2),
                TODAY.minusDays(1)), 201);
        assertThat(expired.getString("status")).isEqualTo("expired");
        String future = w.apply("ap", "konjac", "coop").getString("id");
        assertThat(w.decide(w.wuxi, future, certify("WX-BF-KONJAC", TODAY.plusDays(1), TODAY.plusYears(1)), 201)
                .getString("status")).isEqualTo("not_yet_valid");
        String later = w.apply("ap", "millet", "youyang-coop").getString("id");
        w.decide(w.youyang, later, certify("YY-BF-MILLET", TODAY, TODAY.plusDays(60)), 201);

        assertThat(w.numbers()).contains("WX-BF-TEA", "YY-BF-MILLET").doesNotContain("WX-BF-WALNUT", "WX-BF-KONJAC");
        JsonObject tea = w.listed().stream().map(o -> (JsonObject) o)
                .filter(o -> o.getString("certificate_number").equals("WX-BF-TEA")).findFirst().orElseThrow();
        assertThat(tea.fieldNames()).containsExactlyInAnyOrder("product", "producer", "province", "city", "county",
                "division_code", "certificate_number", "issuer", "valid_from", "valid_to");
        assertThat(tea.getJsonObject("product").getString("en")).isEqualTo("tea");
        assertThat(tea.getJsonObject("producer").getString("en")).isEqualTo("Wuxi Hongchi cooperative");
        assertThat(tea.getString("province")).isEqualTo("重庆市");
        assertThat(tea.getString("valid_to")).isEqualTo(TODAY.plusDays(10).toString());
        String json = api.http().get("/assistance-products.json").bodyAsString();
        String html = api.http().get("/assistance-products?lang=en").bodyAsString();
        for (String page : new String[] {json, html}) {
            assertThat(page).doesNotContain(AssistanceWorld.APPLICANT, "Wuxi bureau clerk", AssistanceWorld.USCC,
                    "\"ap-coop\"", "applied_by", "org_id", "note", "13800000000");
        }

        // the page: bilingual, no script, links its QR image
        HttpResponse<Buffer> page = api.http().get("/assistance-products");
        assertThat(page.getHeader("content-type")).startsWith("text/html");
        assertThat(page.getHeader("content-security-policy")).contains("default-src 'none'");
        assertThat(page.bodyAsString()).contains("消费帮扶产品名录").contains("WX-BF-TEA").contains("tea 中文").contains("巫溪红池坝合作社")
                .doesNotContain("<script").contains("/assistance-products/qr.svg");
        assertThat(html).contains("Certified assistance products").contains("Wuxi Hongchi cooperative");
        assertThat(api.http().get("/assistance-products/qr.svg").bodyAsString()).startsWith("<svg")
                .contains("<path");
        HttpResponse<Buffer> png = api.http().get("/assistance-products/qr.png");
        assertThat(png.getHeader("content-type")).isEqualTo("image/png");
        assertThat(png.body().getBytes(0, 4)).isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G'});

        // expiring within 30 days: the tea (10 days left), not the millet (60) nor the lapsed walnut
        JsonArray expiring = expect(api.http().get("/api/v1/assistance/expiring", w.operator), 200)
                .getJsonArray("items");
        assertThat(expiring.stream().map(o -> ((JsonObject) o).getJsonObject("certificate").getString("number")))
                .contains("WX-BF-TEA").doesNotContain("YY-BF-MILLET", "WX-BF-WALNUT");
        assertThat(expiring.stream().map(o -> (JsonObject) o).filter(o -> o.getJsonObject("certificate")
                .getString("number").equals("WX-BF-TEA")).findFirst().orElseThrow().getLong("days_left"))
                .isEqualTo(10L);
        // Youyang's authority sees only its county's
        assertThat(expect(api.http().get("/api/v1/assistance/expiring?days=90", w.youyang), 200)
                .getJsonArray("items").stream().map(o -> ((JsonObject) o).getJsonObject("certificate")
                        .getString("number"))).containsExactly("YY-BF-MILLET");
    }

    @Test
    void aCertificateRevokedAtARecheckLeavesTheList() {
        String id = w.apply("ap", "chestnut", "coop").getString("id");
        String path = "/api/v1/assistance/applications/" + id + "/rechecks";
        // not yet certified: nothing to re-check
        assertError(api.http().post(path, w.wuxi, new JsonObject().put("outcome", "confirmed")), 409, "id");
        w.decide(w.wuxi, id, certify("WX-BF-CHESTNUT", TODAY, TODAY.plusYears(1)), 201);
        JsonObject confirmed = expect(api.http().post(path, w.wuxi, new JsonObject().put("outcome", "confirmed")),
                201);
        assertThat(confirmed.getString("status")).isEqualTo("valid");
        assertThat(w.numbers()).contains("WX-BF-CHESTNUT");
        assertError(api.http().post(path, w.youyang, new JsonObject().put("outcome", "revoked")
                .put("reason", "x")), 403, "party_id");
        assertError(api.http().post(path, w.wuxi, new JsonObject().put("outcome", "revoked")), 422, "reason");
        JsonObject revoked = expect(api.http().post(path, w.wuxi, new JsonObject().put("outcome", "revoked")
                .put("reason", "the cooperative buys in potatoes from outside the county")), 201);
        assertThat(revoked.getString("status")).isEqualTo("revoked");
        assertThat(revoked.getJsonArray("rechecks").stream().map(o -> ((JsonObject) o).getString("outcome")))
                .containsExactly("confirmed", "revoked");
        assertThat(w.numbers()).doesNotContain("WX-BF-CHESTNUT");
        assertError(api.http().post(path, w.wuxi, new JsonObject().put("outcome", "confirmed")), 409, "id");
        assertThat(expect(api.http().get("/api/v1/assistance/applications?status=revoked", w.operator), 200)
                .getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("id"))).contains(id);
    }
    @Test
    void expiringCertificatesAreWarnedOnceThroughTheOrganisationsWebhooks() throws Exception {
        AssistanceWorld x = new AssistanceWorld(api, "apw");
        List<String> bodies = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", ex -> {
            bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        receiver.start();
        try {
            api.seeds().webhook("apw", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                    "a-secret-of-16-chars");
            x.decide(x.wuxi, x.apply("apw", "tea", "coop").getString("id"), certify("WX-W-SOON",
                    TODAY.minusDays(100), TODAY.plusDays(20)), 201);
            x.decide(x.wuxi, x.apply("apw", "honey", "coop").getString("id"), certify("WX-W-FAR", TODAY,
                    TODAY.plusDays(90)), 201);
            String revoked = x.apply("apw", "walnut", "coop").getString("id");
            x.decide(x.wuxi, revoked, certify("WX-W-REVOKED", TODAY, TODAY.plusDays(5)), 201);
            expect(api.http().post("/api/v1/assistance/applications/" + revoked + "/rechecks", x.wuxi,
                    new JsonObject().put("outcome", "revoked").put("reason", "not grown in the county")), 201);
            try (Connection c = DriverManager.getConnection(api.db().url(), api.db().user(), api.db().password())) {
                assertThat(ExpiryWarnings.record(c, TODAY)).isPositive();
                assertThat(ExpiryWarnings.record(c, TODAY)).as("one warning per validity end").isZero();
            }
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(api.db().url());
            ds.setUser(api.db().user());
            ds.setPassword(api.db().password());
            new WebhookSender(ds, 3).runOnce();
            assertThat(bodies).hasSize(1);
            JsonObject warning = new JsonObject(bodies.get(0)).getJsonObject("assistance_expiry");
            assertThat(warning.getString("certificate_number")).isEqualTo("WX-W-SOON");
            assertThat(warning.getInteger("days_left")).isEqualTo(20);
            assertThat(warning.getString("valid_to")).isEqualTo(TODAY.plusDays(20).toString());
        } finally {
            receiver.stop(0);
        }
    }
}
