package io.coldtrace.api.trace;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client address, in memory (one API instance's view; behind several instances each limits on its
 * own, which only makes the limit looser by their number). A bucket holds {@code burst} tokens and refills
 * {@code perMinute} a minute; a request takes one. Buckets that have refilled completely are dropped by
 * {@link #sweep}, so memory follows the clients of the last few minutes.
 */
final class RateLimiter {
    /** Addresses kept at most; beyond it the fullest buckets are dropped first by the next sweep. */
    static final int MAX_CLIENTS = 100_000;

    private final double burst;
    private final double perNano;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    RateLimiter(int burst, int perMinute) {
        this.burst = burst;
        this.perNano = perMinute / 60e9;
    }

    /** 0 when {@code client} may go on (a token taken), else the whole seconds until it may try again. */
    long take(String client, long nowNanos) {
        Bucket b = buckets.computeIfAbsent(client, k -> new Bucket(burst, nowNanos));
        synchronized (b) {
            b.tokens = Math.min(burst, b.tokens + (nowNanos - b.at) * perNano);
            b.at = nowNanos;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - b.tokens) / perNano / 1e9));
        }
    }

    /** Forgets buckets that are full again (their clients are as if new), or all of them past {@link #MAX_CLIENTS}. */
    void sweep(long nowNanos) {
        boolean crowded = buckets.size() > MAX_CLIENTS;
        for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext(); ) {
            Bucket b = it.next();
            synchronized (b) {
                if (crowded || b.tokens + (nowNanos - b.at) * perNano >= burst) {
                    it.remove();
                }
            }
        }
    }

    int clients() {
        return buckets.size();
    }
}
