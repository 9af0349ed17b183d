package io.coldtrace.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root from wherever Maven runs a module's tests. */
public final class ProjectFiles {
    private ProjectFiles() {
    }

    public static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            if (Files.exists(p.resolve("deploy/mosquitto/mosquitto.conf"))) {
                return p;
            }
            p = p.getParent();
        }
        throw new IllegalStateException("cannot find the ColdTrace repository root (deploy/mosquitto/mosquitto.conf) "
                + "above " + Path.of("").toAbsolutePath());
    }

    public static Path brokerConfig() {
        return root().resolve("deploy/mosquitto/mosquitto.conf");
    }
}
