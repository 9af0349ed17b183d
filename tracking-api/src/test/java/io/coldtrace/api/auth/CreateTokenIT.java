package io.coldtrace.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coldtrace.api.testing.TestApi;
import io.coldtrace.api.testing.TestApi.CommandResult;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** create-token prints a token once, stores only its hash, and the token authenticates. */
class CreateTokenIT {
    private static TestApi api;

    @BeforeAll
    static void start() {
        api = TestApi.start("tokens");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void storesOnlyTheHashAndThePrintedTokenAuthenticates() throws Exception {
        CommandResult r = api.createToken("--role", "admin", "--name", "first admin", "--org", "acme");
        assertThat(r.exitCode()).isZero();
        String token = r.out();
        assertThat(token).matches("ct_[A-Za-z0-9_-]{43}");
        List<String> stored = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(api.db().url(), api.db().user(), api.db().password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name, role, org_id, token_hash FROM api_token")) {
            while (rs.next()) {
                stored.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4));
            }
        }
        assertThat(stored).containsExactly("first admin|admin|acme|" + Tokens.hash(token));
        assertThat(String.join("\n", stored)).doesNotContain(token.substring(3));
        assertThat(api.http().get("/api/v1/devices/latest", token).statusCode()).isEqualTo(200);
    }

    @Test
    void aNonAdminTokenWithoutAnOrganisationIsRefusedByTheCommandAndTheSchema() throws Exception {
        long before = api.number("SELECT count(*) FROM api_token");
        for (String role : new String[] {"operator", "dispatcher", "qa"}) {
            CommandResult r = api.createToken("--role", role, "--name", "orgless " + role);
            assertThat(r.exitCode()).as(role).isEqualTo(2);
            assertThat(r.err()).contains("--org is required for role " + role);
            assertThat(r.out()).isEmpty();
        }
        assertThat(api.number("SELECT count(*) FROM api_token")).isEqualTo(before);
        try (Connection c = DriverManager.getConnection(api.db().url(), api.db().user(), api.db().password());
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO api_token (name, role, org_id, token_hash) VALUES ('x', 'qa', NULL, ?)")) {
            ps.setString(1, Tokens.hash(Tokens.generate()));
            assertThatThrownBy(ps::executeUpdate).isInstanceOf(SQLException.class)
                    .hasMessageContaining("api_token_org_unless_admin");
        }
    }

    @Test
    void badArgumentsExit2WithUsageAndStoreNothing() {
        CommandResult r = api.createToken("--role", "superuser", "--name", "x");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("admin, operator, dispatcher, qa");
        assertThat(r.out()).isEmpty();
        assertThat(api.createToken("--role", "qa").err()).contains("--name");
    }
}
