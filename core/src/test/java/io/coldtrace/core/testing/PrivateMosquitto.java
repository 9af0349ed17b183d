package io.coldtrace.core.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A mosquitto process of our own on a free loopback port, configured from deploy/mosquitto/mosquitto.conf (only the
 * listener, persistence location, log destination and user are rewritten). It can be stopped and started again on
 * the same port with its persistent sessions, for broker-restart tests.
 */
public final class PrivateMosquitto implements AutoCloseable {
    private final Path dir;
    private final int port;
    private final List<String> overrides;
    private Process process;

    private PrivateMosquitto(Path dir, int port, List<String> overrides) {
        this.dir = dir;
        this.port = port;
        this.overrides = overrides;
    }

    public static boolean installed() {
        return executable() != null;
    }

    static String executable() {
        for (String p : List.of("/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto")) {
            if (new File(p).canExecute()) {
                return p;
            }
        }
        return null;
    }

    /** Starts a broker with the project's configuration on a free port. */
    public static PrivateMosquitto start() {
        return start(List.of());
    }

    /**
     * Starts a broker with the project's configuration except for {@code overrides} ("key value" lines that
     * replace the project's line for that key), e.g. to play a broker that does not honour its in-flight window.
     */
    public static PrivateMosquitto start(List<String> overrides) {
        try {
            Path dir = Files.createTempDirectory("coldtrace-mosquitto-");
            PrivateMosquitto m = new PrivateMosquitto(dir, Ports.free(), List.copyOf(overrides));
            m.writeConfig();
            m.launch();
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeConfig() throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(ProjectFiles.brokerConfig())) {
            String t = line.trim();
            if (t.startsWith("listener") || t.startsWith("persistence_location") || t.startsWith("log_dest")
                    || t.startsWith("user ") || overrides.stream().anyMatch(o -> t.startsWith(o.split(" ")[0] + " "))) {
                continue;
            }
            out.add(line);
        }
        out.add("listener " + port + " 127.0.0.1");
        out.add("persistence_location " + dir.toAbsolutePath() + "/");
        out.add("log_dest file " + dir.resolve("mosquitto.log").toAbsolutePath());
        out.add("user " + System.getProperty("user.name"));
        out.addAll(overrides);
        Files.write(dir.resolve("mosquitto.conf"), out);
    }

    private void launch() {
        try {
            process = new ProcessBuilder(executable(), "-c", dir.resolve("mosquitto.conf").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("stdout.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start mosquitto: " + e.getMessage(), e);
        }
        Await.until(Duration.ofSeconds(10), () -> Ports.listening("127.0.0.1", port) || !process.isAlive(),
                () -> "mosquitto on port " + port);
        if (!process.isAlive()) {
            throw new IllegalStateException("mosquitto exited at start; see " + dir.resolve("mosquitto.log")
                    + " and " + dir.resolve("stdout.log"));
        }
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return dir.resolve("mosquitto.log");
    }

    /** Clean stop (SIGTERM): mosquitto saves its persistent sessions before it exits. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts the broker again on the same port, with the sessions it saved. */
    public void restart() {
        stop();
        Await.until(Duration.ofSeconds(10), () -> !Ports.listening("127.0.0.1", port), () -> "port " + port + " released");
        launch();
    }

    @Override
    public void close() {
        stop();
    }
}
