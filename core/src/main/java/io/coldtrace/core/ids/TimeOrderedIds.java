package io.coldtrace.core.ids;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Identifiers whose first 48 bits are the time they were made (milliseconds since the epoch), so rows written one
 * after another get keys that sort one after another: a new key lands at the right-hand edge of its B-tree index
 * instead of on a random page of it, which for a ledger of millions of rows is the difference between appending to
 * a few hot pages and reading a cold page per row. They are identifiers, not secrets (the public trace code is the
 * secret of a lot): the time of writing is visible in them, and their random bits come from {@link ThreadLocalRandom}.
 *
 * <ul>
 *   <li>{@link #next()}: an RFC 9562 version 7 UUID (48-bit Unix milliseconds, version, 74 random bits).</li>
 *   <li>{@link #derived(UUID, String)}: an RFC 9562 version 8 UUID, the same for the same arguments: the first 48 bits
 *   of {@code from} (its time, when it is a version 7 UUID) followed by 74 bits of SHA-256 of {@code from} and
 *   {@code name}. A lot born by an event gets the event's time and an id that a replay of the ledger gives again.</li>
 * </ul>
 */
public final class TimeOrderedIds {
    private static final long VERSION_7 = 0x7000L;
    private static final long VERSION_8 = 0x8000L;
    private static final long VARIANT = 0x8000_0000_0000_0000L;
    private static final long LOW_62 = 0x3FFF_FFFF_FFFF_FFFFL;
    private static final long TIME_48 = 0xFFFF_FFFF_FFFF_0000L;

    private TimeOrderedIds() {
    }

    /** A version 7 UUID of now. */
    public static UUID next() {
        return at(System.currentTimeMillis());
    }

    /** A version 7 UUID of the clock's now. */
    public static UUID next(Clock clock) {
        return at(clock.millis());
    }

    static UUID at(long epochMillis) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (epochMillis << 16) | VERSION_7 | (r.nextLong() & 0x0FFFL);
        long lsb = VARIANT | (r.nextLong() & LOW_62);
        return new UUID(msb, lsb);
    }

    /** The version 8 UUID of {@code name} under {@code from}: {@code from}'s first 48 bits, then a hash of both. */
    public static UUID derived(UUID from, String name) {
        byte[] h;
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((from + "/" + name).getBytes(StandardCharsets.UTF_8));
            h = sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        long a = 0;
        long b = 0;
        for (int i = 0; i < 8; i++) {
            a = (a << 8) | (h[i] & 0xFF);
            b = (b << 8) | (h[8 + i] & 0xFF);
        }
        long msb = (from.getMostSignificantBits() & TIME_48) | VERSION_8 | (a & 0x0FFFL);
        long lsb = VARIANT | (b & LOW_62);
        return new UUID(msb, lsb);
    }

    /** The milliseconds since the epoch in the first 48 bits of {@code id}. */
    public static long millis(UUID id) {
        return id.getMostSignificantBits() >>> 16;
    }
}
