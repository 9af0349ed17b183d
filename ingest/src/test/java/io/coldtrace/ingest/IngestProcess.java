package io.coldtrace.ingest;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Ingest as a separate JVM (same classpath as the tests), so a test can kill it with SIGKILL. */
final class IngestProcess implements AutoCloseable {
    private final Process process;
    final Path log;

    private IngestProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static IngestProcess start(Map<String, String> env) throws IOException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = Files.createTempFile("ingest-process-", ".log");
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", cp, IngestMain.class.getName()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        return new IngestProcess(pb.start(), log);
    }

    /** kill -9: no shutdown hook, no flush, no goodbye to the broker. */
    void killHard() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    boolean alive() {
        return process.isAlive();
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(File.separator.equals("/") ? "\n" : "\r\n",
                    lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }
}
