package io.coldtrace.api.trace;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How long recent hits took, so a miss can take as long: a miss waits until a duration drawn from the last
 * {@link #SIZE} hits has passed (never less than the floor). Misses then follow the distribution of hits whatever
 * the load, where a fixed floor only hides the difference while every hit is faster than the floor.
 */
final class HitTimes {
    static final int SIZE = 256;

    private final AtomicLongArray nanos = new AtomicLongArray(SIZE);
    private final AtomicInteger next = new AtomicInteger();

    void add(long hitNanos) {
        nanos.set(Math.floorMod(next.getAndIncrement(), SIZE), hitNanos);
    }

    /** A recent hit's duration, or 0 before the first hit. */
    long sample() {
        int n = Math.min(next.get(), SIZE);
        return n == 0 ? 0 : nanos.get(ThreadLocalRandom.current().nextInt(n));
    }
}
