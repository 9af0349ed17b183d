package io.coldtrace.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.core.config.Env;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimMainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws Exception {
        return SimMain.run(List.of(args), new Env(Map.of()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpPrintsUsageAndSucceeds() throws Exception {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--backfill-hours", "--report", "dropout");
    }

    @Test
    void badArgumentsSayWhatIsWrongAndExitWith2() throws Exception {
        assertThat(run("--sites", "x")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--sites must be an integer", "usage:");
    }

    @Test
    void unknownFlagsFaultsAndCommandsAreUsageErrors() throws Exception {
        assertThat(run("world", "--colour", "red")).isEqualTo(2);
        assertThat(run("--faults", "gremlins=1")).isEqualTo(2);
        assertThat(run("fly")).isEqualTo(2);
        assertThat(run("load", "--connections", "0")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown argument '--colour'", "gremlins",
                "unknown command 'fly'", "--connections must be within 1..256");
    }

    @Test
    void worldFlagsHaveDefaultsAndTheEnvironmentOverridesTheBroker() {
        SimMain.WorldRun r = SimMain.worldConfig(List.of("--seed", "9", "--trucks", "5"), "tcp://broker:1883");

        assertThat(r.config().seed()).isEqualTo(9);
        assertThat(r.config().sites()).isEqualTo(3);
        assertThat(r.config().roomsPerSite()).isEqualTo(2);
        assertThat(r.config().trucks()).isEqualTo(5);
        assertThat(r.config().roomInterval().toSeconds()).isEqualTo(60);
        assertThat(r.mqttUrl()).isEqualTo("tcp://broker:1883");
        assertThat(r.duration().isZero()).isTrue();
    }
}
