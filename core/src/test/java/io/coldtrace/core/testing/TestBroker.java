package io.coldtrace.core.testing;

import java.time.Duration;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * Finds an MQTT broker for tests, in this order: COLDTRACE_TEST_MQTT_URL; a private mosquitto started from the
 * project's config on a free port (the system broker on 1883 runs Debian's defaults, which lose messages under
 * load); an eclipse-mosquitto container where a Docker engine runs; otherwise it fails saying how to provide one.
 */
public final class TestBroker {
    private static String url;

    private TestBroker() {
    }

    /** URL of the shared broker of this test JVM. */
    public static synchronized String url() {
        if (url == null) {
            url = locate();
        }
        return url;
    }

    private static String locate() {
        String env = System.getenv("COLDTRACE_TEST_MQTT_URL");
        if (env != null && !env.isBlank()) {
            return env;
        }
        if (PrivateMosquitto.installed()) {
            PrivateMosquitto m = PrivateMosquitto.start();
            Runtime.getRuntime().addShutdownHook(new Thread(m::stop, "stop-test-mosquitto"));
            return m.url();
        }
        if (TestPostgres.dockerAvailable()) {
            GenericContainer<?> c = new GenericContainer<>(DockerImageName.parse("eclipse-mosquitto:2.0.20"))
                    .withCopyFileToContainer(MountableFile.forHostPath(ProjectFiles.brokerConfig()),
                            "/mosquitto/config/mosquitto.conf")
                    .withExposedPorts(1883)
                    .withStartupTimeout(Duration.ofSeconds(60));
            c.start();
            return "tcp://" + c.getHost() + ":" + c.getMappedPort(1883);
        }
        throw new IllegalStateException("No MQTT broker for the tests. Provide one: install mosquitto "
                + "(apt-get install mosquitto; bash .ci/run does that) so the tests start their own with "
                + "deploy/mosquitto/mosquitto.conf, or set COLDTRACE_TEST_MQTT_URL, or start a Docker engine.");
    }
}
