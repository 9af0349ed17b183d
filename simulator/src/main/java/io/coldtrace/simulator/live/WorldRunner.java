package io.coldtrace.simulator.live;

import io.coldtrace.simulator.publish.Publication;
import io.coldtrace.simulator.world.World;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Drives a world against the wall clock: first catches up from the world's (past) start to now as fast as the sink
 * takes it (backfill), then ticks once a second so device timestamps are the current time.
 */
public final class WorldRunner {
    private static final Duration REPORT_EVERY = Duration.ofSeconds(10);

    private final World world;
    private final Consumer<Publication> sink;
    private final Clock clock;
    private final PrintStream out;
    private long published;

    public WorldRunner(World world, Consumer<Publication> sink, Clock clock, PrintStream out) {
        this.world = world;
        this.sink = sink;
        this.clock = clock;
        this.out = out;
    }

    public long published() {
        return published;
    }

    /** Ticks the world from its start up to now in one-minute steps, publishing everything. */
    public void backfill() {
        Instant now = clock.instant();
        if (!world.now().isBefore(now)) {
            return;
        }
        out.printf("backfilling %s .. %s%n", world.now(), now);
        while (world.now().isBefore(now)) {
            Duration step = Duration.between(world.now(), now);
            publish(world.tick(step.compareTo(Duration.ofMinutes(1)) > 0 ? Duration.ofMinutes(1) : step));
        }
        out.printf("backfill done: %d messages%n", published);
    }

    /** Runs in real time for {@code d} (zero = until interrupted). */
    public void runLive(Duration d) throws InterruptedException {
        Instant stopAt = d.isZero() ? Instant.MAX : clock.instant().plus(d);
        Instant nextReport = clock.instant().plus(REPORT_EVERY);
        long lastCount = published;
        while (clock.instant().isBefore(stopAt)) {
            Thread.sleep(1000 - clock.millis() % 1000); // tick on whole seconds
            Instant now = clock.instant();
            if (now.isAfter(world.now())) {
                publish(world.tick(Duration.between(world.now(), now)));
            }
            if (!now.isBefore(nextReport)) {
                out.printf("%s: %d messages published (%d in the last %d s) by %d devices%n", now, published,
                        published - lastCount, REPORT_EVERY.toSeconds(), world.units().size());
                lastCount = published;
                nextReport = nextReport.plus(REPORT_EVERY);
            }
        }
    }

    private void publish(List<Publication> ps) {
        for (Publication p : ps) {
            sink.accept(p);
            published++;
        }
    }
}
