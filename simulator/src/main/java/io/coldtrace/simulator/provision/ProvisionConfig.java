package io.coldtrace.simulator.provision;

import io.coldtrace.simulator.world.WorldConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What {@code provision} sets up and where: the tracking-api base URL and an admin token, the organisation that owns
 * everything, how long to wait for devices that have not reported yet, and the world whose master data it is.
 */
public record ProvisionConfig(URI api, String token, String orgId, Duration deviceWait, WorldConfig world) {
    public static final String DEFAULT_ORG = "demo";
    public static final String DEFAULT_ORG_NAME = "示范冷链 Demo cold chain";
    /** As tracking-api's organisation ids. */
    private static final Pattern ORG_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    public ProvisionConfig {
        Objects.requireNonNull(world, "world");
        Objects.requireNonNull(deviceWait, "deviceWait");
        if (api == null || api.getHost() == null
                || !("http".equals(api.getScheme()) || "https".equals(api.getScheme()))) {
            throw new IllegalArgumentException("--api must be an http(s) URL such as http://127.0.0.1:8080, was "
                    + api);
        }
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("--token (or COLDTRACE_API_TOKEN) is required: an admin token, from "
                    + "java -jar tracking-api/target/coldtrace-api.jar create-token --role admin --name NAME");
        }
        if (orgId == null || !ORG_ID.matcher(orgId).matches()) {
            throw new IllegalArgumentException("--org must be 1..64 of a-z, 0-9, _ and -, starting with a letter or "
                    + "digit; was '" + orgId + "'");
        }
        if (deviceWait.isNegative()) {
            throw new IllegalArgumentException("deviceWait must not be negative, was " + deviceWait);
        }
        String s = api.toString();
        api = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    }
}
