package io.coldtrace.api;

import io.coldtrace.core.config.ConfigException;
import io.coldtrace.core.config.Env;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Settings of the buyer's page ({@code GET /t/{code}}, package {@code trace}).
 *
 * <table>
 *   <caption>Environment variables</caption>
 *   <tr><th>Variable</th><th>Default</th><th>Meaning</th></tr>
 *   <tr><td>COLDTRACE_TRACE_RATE_BURST</td><td>60</td><td>page requests one client address may make at once (its
 *       token bucket's size); beyond it 429 with Retry-After</td></tr>
 *   <tr><td>COLDTRACE_TRACE_RATE_PER_MIN</td><td>30</td><td>requests per minute the bucket refills (one every 2 s): a
 *       shop's Wi-Fi full of scanning customers stays well inside, a script walking codes does not</td></tr>
 *   <tr><td>COLDTRACE_TRUSTED_PROXIES</td><td>(empty)</td><td>comma-separated addresses of reverse proxies whose
 *       X-Forwarded-For (and region header) is believed; empty = the connection's address is the client's</td></tr>
 *   <tr><td>COLDTRACE_TRACE_REGION_HEADER</td><td>(empty)</td><td>a request header a trusted proxy sets to the
 *       client's coarse place from its GeoIP (province or city, e.g. {@code X-Client-Region}); counted with each
 *       scan; empty = scans have no place</td></tr>
 *   <tr><td>COLDTRACE_TRACE_FLOOR_MS</td><td>30</td><td>every answer of the page, hit or miss, is sent no sooner
 *       than this after the request arrived, so response time does not tell which codes exist</td></tr>
 *   <tr><td>COLDTRACE_TRACE_COPY_FACTOR</td><td>3</td><td>a lot is flagged as possibly copied when its code was
 *       scanned in more than this many times as many distinct places as it was delivered to buyers ...</td></tr>
 *   <tr><td>COLDTRACE_TRACE_COPY_MIN_PLACES</td><td>5</td><td>... and in at least this many distinct places</td></tr>
 * </table>
 */
public record TraceConfig(int rateBurst, int ratePerMinute, Set<String> trustedProxies, String regionHeader,
                          Duration floor, int copyFactor, int copyMinPlaces) {
    public TraceConfig {
        if (rateBurst < 1 || ratePerMinute < 1) {
            throw new ConfigException("COLDTRACE_TRACE_RATE_BURST and COLDTRACE_TRACE_RATE_PER_MIN must be 1 or more");
        }
        trustedProxies = Set.copyOf(trustedProxies);
        regionHeader = regionHeader == null ? "" : regionHeader.strip();
        if (!regionHeader.isEmpty() && !regionHeader.matches("[A-Za-z0-9-]{1,64}")) {
            throw new ConfigException("COLDTRACE_TRACE_REGION_HEADER must be a header name, was '" + regionHeader
                    + "'");
        }
        if (floor == null || floor.isNegative()) {
            throw new ConfigException("COLDTRACE_TRACE_FLOOR_MS must be 0 or more");
        }
        if (copyFactor < 1 || copyMinPlaces < 1) {
            throw new ConfigException("COLDTRACE_TRACE_COPY_FACTOR and COLDTRACE_TRACE_COPY_MIN_PLACES must be 1 or "
                    + "more");
        }
    }

    public static TraceConfig defaults() {
        return new TraceConfig(60, 30, Set.of(), "", Duration.ofMillis(30), 3, 5);
    }

    static TraceConfig from(Env env) {
        String proxies = env.string("COLDTRACE_TRUSTED_PROXIES", "");
        return new TraceConfig(env.integer("COLDTRACE_TRACE_RATE_BURST", 60, 1, 1_000_000),
                env.integer("COLDTRACE_TRACE_RATE_PER_MIN", 30, 1, 1_000_000),
                Arrays.stream(proxies.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                        .collect(Collectors.toSet()),
                env.string("COLDTRACE_TRACE_REGION_HEADER", ""),
                env.millis("COLDTRACE_TRACE_FLOOR_MS", 30, 0, 5_000),
                env.integer("COLDTRACE_TRACE_COPY_FACTOR", 3, 1, 1000),
                env.integer("COLDTRACE_TRACE_COPY_MIN_PLACES", 5, 1, 100_000));
    }

    /** The same settings with another rate limit (tests). */
    public TraceConfig withRate(int burst, int perMinute) {
        return new TraceConfig(burst, perMinute, trustedProxies, regionHeader, floor, copyFactor, copyMinPlaces);
    }

    /** The same settings behind {@code proxies}, which give the place in {@code header} (tests). */
    public TraceConfig behind(Set<String> proxies, String header) {
        return new TraceConfig(rateBurst, ratePerMinute, proxies, header, floor, copyFactor, copyMinPlaces);
    }

    /** The same settings with another response time floor (tests). */
    public TraceConfig withFloor(Duration newFloor) {
        return new TraceConfig(rateBurst, ratePerMinute, trustedProxies, regionHeader, newFloor, copyFactor,
                copyMinPlaces);
    }
}
