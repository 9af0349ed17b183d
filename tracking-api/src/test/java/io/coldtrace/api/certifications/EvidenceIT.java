package io.coldtrace.api.certifications;

import static io.coldtrace.api.testing.Http.assertError;
import static io.coldtrace.api.testing.Http.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coldtrace.api.auth.Role;
import io.coldtrace.api.testing.TestApi;
import io.coldtrace.api.testing.TwoOrgs;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Evidence files of certifications: stored whole with their SHA-256, append-only, only for their organisation. */
class EvidenceIT {
    private static final String UPLOAD = "/api/v1/certifications/acme-cert/evidence?filename=organic%202025.pdf";
    private static final byte[] PDF = "%PDF-1.4\n% scanned organic certificate\n".getBytes(StandardCharsets.US_ASCII);

    private static TestApi api;
    private static TwoOrgs orgs;

    @BeforeAll
    static void start() {
        api = TestApi.start("evidence");
        orgs = new TwoOrgs(api);
        api.seeds().party("acme-farm", TwoOrgs.ACME, "farm", "500238");
        api.seeds().certification("acme-cert", TwoOrgs.ACME, "acme-farm", null, "organic", LocalDate.now(),
                LocalDate.now().plusYears(1));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void anUploadIsStoredWholeWithItsHashListedAndDownloadedAsItWas() throws Exception {
        JsonObject stored = expect(api.http().upload(UPLOAD, orgs.acme(Role.QA), "application/pdf", PDF), 201);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF));
        assertThat(stored.getString("sha256")).isEqualTo(sha);
        assertThat(stored.getString("filename")).isEqualTo("organic 2025.pdf");
        assertThat(stored.getInteger("size_bytes")).isEqualTo(PDF.length);
        assertThat(stored.getString("uploaded_by")).isEqualTo("acme qa");
        JsonArray listed = expect(api.http().get("/api/v1/certifications/acme-cert/evidence",
                orgs.acme(Role.DISPATCHER)), 200).getJsonArray("items");
        assertThat(listed).extracting(o -> ((JsonObject) o).getString("sha256")).contains(sha);
        HttpResponse<Buffer> file = api.http().get("/api/v1/certifications/acme-cert/evidence/"
                + stored.getLong("id"), orgs.acme(Role.OPERATOR));
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body().getBytes()).isEqualTo(PDF);
        assertThat(file.getHeader("content-type")).isEqualTo("application/pdf");
        assertThat(file.getHeader("x-content-sha256")).isEqualTo(sha);
    }

    @Test
    void anotherOrganisationNeitherUploadsNorSeesTheFiles() {
        long before = count();
        assertError(api.http().upload(UPLOAD, orgs.rival(Role.QA), "application/pdf", PDF), 404, null);
        assertThat(count()).isEqualTo(before);
        long id = api.seeds().evidence("acme-cert", TwoOrgs.ACME, "c.pdf", "application/pdf", PDF).id();
        assertError(api.http().get("/api/v1/certifications/acme-cert/evidence", orgs.rival(Role.QA)), 404, null);
        assertError(api.http().get("/api/v1/certifications/acme-cert/evidence/" + id, orgs.rival(Role.QA)), 404,
                null);
        assertThat(api.http().get("/api/v1/certifications/acme-cert/evidence/" + id, orgs.admin()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aFileThatIsNotWhatItClaimsOrHasNoNameIsRefusedAndNothingIsStored() {
        long before = count();
        String qa = orgs.acme(Role.QA);
        assertError(api.http().upload(UPLOAD, qa, "image/png", PDF), 422, "body");
        assertError(api.http().upload(UPLOAD, qa, "application/pdf", new byte[0]), 422, "body");
        assertError(api.http().upload("/api/v1/certifications/acme-cert/evidence", qa, "application/pdf", PDF), 400,
                "filename");
        assertError(api.http().upload(UPLOAD.replace("organic%202025.pdf", "..%2Fetc%2Fpasswd"), qa,
                "application/pdf", PDF), 400, "filename");
        HttpResponse<Buffer> word = api.http().upload(UPLOAD, qa, "application/msword", PDF);
        assertThat(word.statusCode()).isEqualTo(415);
        assertThat(word.bodyAsJsonObject().getString("message")).contains("application/pdf, image/jpeg or image/png");
        byte[] huge = new byte[Evidence.MAX_BYTES + 1];
        System.arraycopy(PDF, 0, huge, 0, PDF.length);
        assertThat(api.http().upload(UPLOAD, qa, "application/pdf", huge).statusCode()).isEqualTo(413);
        assertError(api.http().upload("/api/v1/certifications/nope/evidence?filename=a.pdf", qa, "application/pdf",
                PDF), 404, null);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveAFile() throws SQLException {
        api.seeds().evidence("acme-cert", TwoOrgs.ACME, "d.pdf", "application/pdf", PDF);
        try (Connection c = DriverManager.getConnection(api.db().url(), api.db().user(), api.db().password());
             Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE certification_evidence SET filename = 'x.pdf'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM certification_evidence"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("TRUNCATE certification_evidence"))
                    .hasMessageContaining("append-only");
        }
    }

    private static long count() {
        return api.number("SELECT count(*) FROM certification_evidence");
    }
}
