package io.coldtrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.core.testing.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The jar the Quick start and the benchmarks run ({@code target/coldtrace-api.jar}, built in the package phase before
 * the integration tests) starts on its own classpath: it migrates a fresh database and mints a token. The tests'
 * classpath cannot show a dependency the packaging dropped (a test-scoped override of a runtime library did once).
 */
class PackagedJarIT {
    @Test
    void thePackagedJarMigratesAFreshDatabaseAndMintsAToken() throws Exception {
        Path jar = Path.of("target", "coldtrace-api.jar");
        assertThat(jar).exists();
        TestPostgres pg = TestPostgres.get();
        String url = pg.createDatabase("packaged");
        Path out = Files.createTempFile("coldtrace-jar", ".log");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "create-token", "--role", "admin", "--name", "packaged-jar-check")
                .redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().put("COLDTRACE_DB_URL", url);
        pb.environment().put("COLDTRACE_DB_USER", pg.user());
        pb.environment().put("COLDTRACE_DB_PASSWORD", pg.password() == null ? "" : pg.password());
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the jar finishes").isTrue();
        String log = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(log).isZero();
        String[] lines = log.strip().split("\\R");
        assertThat(lines[lines.length - 1]).as(log).matches("[A-Za-z0-9_.-]{20,}");
        Files.deleteIfExists(out);
    }
}
