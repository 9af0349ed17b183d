package io.coldtrace.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coldtrace.core.config.Env;
import io.coldtrace.simulator.provision.ProvisionConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProvisionCommandTest {
    private static final Env NO_ENV = new Env(Map.of());
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Env env, String... args) throws Exception {
        return SimMain.run(List.of(args), env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void defaultsAreTheLocalApiTheDemoOrganisationAndTheDefaultWorld() {
        ProvisionConfig c = ProvisionCommand.parse(List.of("--token", "t0k"), NO_ENV);

        assertThat(c.api()).hasToString("http://127.0.0.1:8080");
        assertThat(c.token()).isEqualTo("t0k");
        assertThat(c.orgId()).isEqualTo("demo");
        assertThat(c.deviceWait().toSeconds()).isEqualTo(120);
        assertThat(c.world().seed()).isEqualTo(1);
        assertThat(c.world().sites()).isEqualTo(3);
        assertThat(c.world().roomsPerSite()).isEqualTo(2);
        assertThat(c.world().trucks()).isEqualTo(2);
    }

    @Test
    void theEnvironmentSuppliesApiAndTokenAndFlagsOverrideIt() {
        Env env = new Env(Map.of("COLDTRACE_API_URL", "http://api:9000/", "COLDTRACE_API_TOKEN", "from-env"));

        ProvisionConfig fromEnv = ProvisionCommand.parse(List.of(), env);
        ProvisionConfig fromFlags = ProvisionCommand.parse(List.of("--api", "https://x.example", "--token", "flag"),
                env);

        assertThat(fromEnv.api()).hasToString("http://api:9000");
        assertThat(fromEnv.token()).isEqualTo("from-env");
        assertThat(fromFlags.api()).hasToString("https://x.example");
        assertThat(fromFlags.token()).isEqualTo("flag");
    }

    @Test
    void worldFlagsMixWithProvisionFlagsInAnyOrderAndShapeTheWorld() {
        ProvisionConfig c = ProvisionCommand.parse(List.of("--seed", "42", "--token", "t", "--sites", "5",
                "--org", "acme", "--rooms-per-site", "1", "--trucks", "4", "--backfill-hours", "6",
                "--faults", "dropout=0.1", "--wait-devices-s", "0"), NO_ENV);

        assertThat(c.orgId()).isEqualTo("acme");
        assertThat(c.deviceWait().isZero()).isTrue();
        assertThat(c.world().seed()).isEqualTo(42);
        assertThat(c.world().sites()).isEqualTo(5);
        assertThat(c.world().roomsPerSite()).isEqualTo(1);
        assertThat(c.world().trucks()).isEqualTo(4);
        assertThat(c.world().start()).isBefore(java.time.Instant.now().minusSeconds(6 * 3600 - 60));
    }

    @Test
    void aMissingTokenIsAUsageErrorThatSaysHowToGetOne() throws Exception {
        assertThat(run(NO_ENV, "provision", "--seed", "3")).isEqualTo(2);
        assertThat(err()).contains("--token (or COLDTRACE_API_TOKEN) is required", "create-token --role admin",
                "usage:", "provision --token TOKEN");
    }

    @Test
    void badFlagsExitWith2NamingTheFlag() throws Exception {
        assertThat(run(NO_ENV, "provision", "--token", "t", "--api", "ftp://host")).isEqualTo(2);
        assertThat(run(NO_ENV, "provision", "--token", "t", "--api", "not a url")).isEqualTo(2);
        assertThat(run(NO_ENV, "provision", "--token", "t", "--org", "Demo Org")).isEqualTo(2);
        assertThat(run(NO_ENV, "provision", "--token", "t", "--wait-devices-s", "-1")).isEqualTo(2);
        assertThat(run(NO_ENV, "provision", "--token", "t", "--sites", "99")).isEqualTo(2);
        assertThat(run(NO_ENV, "provision", "--token", "t", "--colour", "red")).isEqualTo(2);
        assertThat(run(NO_ENV, "provision", "--token")).isEqualTo(2);
        assertThat(err()).contains("--api must be an http(s) URL", "--org must be 1..64 of a-z",
                "--wait-devices-s must be within 0..3600", "--sites must be within 1..15",
                "unknown argument '--colour'", "--token needs a value");
    }

    @Test
    void anUnreachableApiExitsWith1AndAsksWhetherItRuns() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }

        assertThat(run(NO_ENV, "provision", "--api", "http://127.0.0.1:" + port, "--token", "t")).isEqualTo(1);
        assertThat(err()).contains("error: POST http://127.0.0.1:" + port + "/api/v1/orgs failed",
                "hint: is tracking-api running at http://127.0.0.1:" + port);
    }

    @Test
    void theUsageListsTheProvisionFlags() throws Exception {
        assertThat(run(NO_ENV, "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--api URL", "--token TOKEN", "--org ID",
                "--wait-devices-s");
        assertThatThrownBy(() -> ProvisionCommand.parse(List.of("--token", " "), NO_ENV))
                .hasMessageContaining("--token");
    }
}
