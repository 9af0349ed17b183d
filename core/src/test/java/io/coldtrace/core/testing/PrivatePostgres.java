package io.coldtrace.core.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A throw-away PostgreSQL cluster (initdb + pg_ctl from the local installation) on a free port, which a fault test
 * can stop hard and start again. Runs the server as user postgres when the tests run as root.
 */
public final class PrivatePostgres implements AutoCloseable {
    private final Path dir;
    private final int port;
    private final String bin;

    private PrivatePostgres(Path dir, int port, String bin) {
        this.dir = dir;
        this.port = port;
        this.bin = bin;
    }

    /** Directory of initdb/pg_ctl, or null when no local PostgreSQL server installation exists. */
    public static String binDir() {
        for (String v : List.of("17", "16", "15", "14")) {
            String b = "/usr/lib/postgresql/" + v + "/bin";
            if (new File(b, "pg_ctl").canExecute() && new File(b, "initdb").canExecute()) {
                return b;
            }
        }
        return null;
    }

    public static PrivatePostgres start() {
        String bin = binDir();
        if (bin == null) {
            throw new IllegalStateException("no local PostgreSQL server binaries (/usr/lib/postgresql/*/bin/pg_ctl): "
                    + "apt-get install postgresql");
        }
        try {
            Path dir = Files.createTempDirectory("coldtrace-pg-");
            PrivatePostgres p = new PrivatePostgres(dir, Ports.free(), bin);
            if (isRoot()) {
                run(List.of("chown", "-R", "postgres:postgres", dir.toString()));
            }
            p.pg(List.of(bin + "/initdb", "-D", dir.resolve("data").toString(), "-U", "postgres",
                    "--auth=trust", "--no-sync", "-E", "UTF8"));
            p.start0();
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void start0() {
        pg(List.of(bin + "/pg_ctl", "-D", dir.resolve("data").toString(), "-l", dir.resolve("server.log").toString(),
                "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "-w", "start"));
        Await.until(Duration.ofSeconds(20), () -> Ports.listening("127.0.0.1", port), () -> "postgres on " + port);
    }

    /** Stops the server hard (immediate mode: in-flight transactions are lost, as in a crash). */
    public void stopHard() {
        pg(List.of(bin + "/pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop"));
    }

    public void startAgain() {
        start0();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private void pg(List<String> cmd) {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(cmd);
        run(full);
    }

    private static void run(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed:\n" + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    @Override
    public void close() {
        try {
            pg(List.of(bin + "/pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop"));
        } catch (RuntimeException ignored) {
            // already stopped
        }
    }
}
