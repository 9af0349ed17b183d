package io.coldtrace.ingest.mqtt;

import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hand-over from the MQTT callback thread to the writer. {@link #offer} never blocks (the Paho thread must not);
 * it reports when the backlog passes its bounds so the source can stop taking messages. Bounded by message count
 * and by payload bytes, because one offline logger's upload may be a megabyte.
 */
public final class Inbox {
    private final LinkedBlockingQueue<Inbound> queue = new LinkedBlockingQueue<>();
    private final AtomicLong bytes = new AtomicLong();
    private final int maxMessages;
    private final long maxBytes;

    public Inbox(int maxMessages, long maxBytes) {
        this.maxMessages = maxMessages;
        this.maxBytes = maxBytes;
    }

    /** Adds a message; returns false when the backlog is now over its bound (the message is still kept). */
    public boolean offer(Inbound m) {
        queue.add(m);
        long b = bytes.addAndGet(m.payload().length);
        return queue.size() <= maxMessages && b <= maxBytes;
    }

    /**
     * Collects a batch: waits up to {@code idleWaitMs} for a first message, then keeps taking for at most
     * {@code fillWaitMs} more, until {@code max} messages are in {@code into}. Returns how many were taken.
     */
    public int take(List<Inbound> into, int max, long idleWaitMs, long fillWaitMs) throws InterruptedException {
        int start = into.size();
        Inbound first = queue.poll(idleWaitMs, TimeUnit.MILLISECONDS);
        if (first == null) {
            return 0;
        }
        into.add(first);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(fillWaitMs);
        while (into.size() < max) {
            queue.drainTo(into, max - into.size());
            long left = deadline - System.nanoTime();
            if (into.size() >= max || left <= 0) {
                break;
            }
            Inbound m = queue.poll(left, TimeUnit.NANOSECONDS);
            if (m == null) {
                break;
            }
            into.add(m);
        }
        long taken = 0;
        for (int i = start; i < into.size(); i++) {
            taken += into.get(i).payload().length;
        }
        bytes.addAndGet(-taken);
        return into.size() - start;
    }

    public int size() {
        return queue.size();
    }

    public long bytes() {
        return bytes.get();
    }
}
