package io.coldtrace.ingest.alarms;

import io.coldtrace.core.telemetry.Reading;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Test helper: one unit's readings fed through one evaluator and state, collecting every change. */
final class Series {
    static final Instant T0 = Instant.parse("2025-03-03T00:00:00Z");

    final AlarmEvaluator evaluator = new AlarmEvaluator();
    final List<AlarmChange> changes = new ArrayList<>();
    Profile profile;
    UnitAlarmState state = UnitAlarmState.initial();

    Series(Profile profile) {
        this.profile = profile;
    }

    static Instant min(double minutes) {
        return T0.plus(Duration.ofMillis(Math.round(minutes * 60_000)));
    }

    /** Air readings every {@code step} from {@code startMin}: one per value. */
    List<AlarmChange> air(double startMin, Duration step, double... values) {
        List<AlarmChange> got = new ArrayList<>();
        Instant t = min(startMin);
        for (double v : values) {
            got.addAll(feed(Reading.at(t).air(v).build()));
            t = t.plus(step);
        }
        return got;
    }

    /** One reading at minute {@code m} built by {@code b}. */
    List<AlarmChange> at(double m, UnaryOperator<Reading.Builder> b) {
        return feed(b.apply(Reading.at(min(m))).build());
    }

    List<AlarmChange> feed(Reading r) {
        List<AlarmChange> got = evaluator.evaluate(profile, state, r);
        changes.addAll(got);
        return got;
    }

    <T extends AlarmChange> List<T> all(Class<T> type) {
        return changes.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static Duration minutes(long m) {
        return Duration.ofMinutes(m);
    }
}
