package io.coldtrace.ingest.alarms;

import io.coldtrace.core.telemetry.Reading;
import io.coldtrace.ingest.write.Decoded;
import io.coldtrace.ingest.write.TelemetryStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alarm evaluation inside the ingest write transaction (docs/alarms.md): finds which devices of a batch sit in a
 * unit with a limit profile, and after the insert evaluates them per unit in device-time order. Alarm rows, their events and the evaluator state commit with the readings, so a redelivered
 * message or a restart can neither lose nor repeat an alarm.
 *
 * <p>Two caches keep this cheap per batch, both exact: the bindings with their profiles, reloaded when the
 * configuration counter that every change of them bumps has moved; and the units' evaluator states as this writer
 * last saved them. A state is saved only if its row is still the version it was read from (optimistic), so a
 * second ingest instance that moved a unit on makes this batch roll back and retry from the stored state; the
 * cache is dropped whenever a batch rolls back. Used by the one writer thread only.
 *
 * <p>It owns the evaluator thread: whoever creates a stage closes it once the writer is done with it.
 */
public final class AlarmStage implements TelemetryStore.HookFactory, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlarmStage.class);
    /** How long {@link #close()} lets an evaluation in progress finish before interrupting it. */
    private static final long CLOSE_GRACE_MS = 2_000;

    private final AlarmStore store = new AlarmStore();
    private final AlarmEvaluator evaluator = new AlarmEvaluator();
    private final boolean enabled;
    private long configVersion = -1;
    private Map<Integer, List<AlarmStore.Binding>> bindingsByDevice = Map.of();
    private final Map<String, CachedState> states = new HashMap<>();
    // evaluation is CPU work: it runs here while the writer's connection waits for the insert
    private final ExecutorService evaluatorThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ingest-alarm-evaluator");
        t.setDaemon(true);
        return t;
    });

    /** A unit's state as this writer last saved it, and the version of the row that holds it. */
    private record CachedState(long rowVersion, UnitAlarmState state) {
    }

    public AlarmStage(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * Stops the evaluator thread: an evaluation in progress gets a moment to finish (its batch is then committed or
     * rolled back by the writer), then it is interrupted. Idempotent. Close only once the writer is stopping: a
     * batch begun after this cannot be evaluated.
     */
    @Override
    public void close() {
        evaluatorThread.shutdown();
        try {
            if (!evaluatorThread.awaitTermination(CLOSE_GRACE_MS, TimeUnit.MILLISECONDS)) {
                evaluatorThread.shutdownNow();
            }
        } catch (InterruptedException e) {
            evaluatorThread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** The evaluator's executor, for tests of the stage's lifecycle. */
    ExecutorService evaluator() {
        return evaluatorThread;
    }

    @Override
    public TelemetryStore.Hook begin(Connection c, List<Decoded> items, Map<String, Integer> deviceIds)
            throws SQLException {
        if (!enabled) {
            return TelemetryStore.Hook.NONE;
        }
        long version = store.configVersion(c);
        if (version != configVersion) {
            Map<Integer, List<AlarmStore.Binding>> byDevice = new HashMap<>();
            for (AlarmStore.Binding b : store.bindings(c)) {
                byDevice.computeIfAbsent(b.deviceId(), k -> new ArrayList<>()).add(b);
            }
            bindingsByDevice = byDevice;
            configVersion = version;
        }
        Map<String, List<UnitReading>> perUnit = new TreeMap<>();
        for (Decoded d : items) {
            if (!(d instanceof Decoded.Telemetry t)) {
                continue;
            }
            int deviceId = deviceIds.get(t.deviceExt());
            List<AlarmStore.Binding> bindings = bindingsByDevice.get(deviceId);
            if (bindings == null) {
                continue;
            }
            for (Reading r : t.readings()) {
                for (AlarmStore.Binding b : bindings) {
                    if (b.covers(r.ts())) {
                        perUnit.computeIfAbsent(b.unitId(), k -> new ArrayList<>())
                                .add(new UnitReading(r, deviceId, b.profile()));
                        break;
                    }
                }
            }
        }
        if (perUnit.isEmpty()) {
            return TelemetryStore.Hook.NONE;
        }
        UnitsBatch batch = new UnitsBatch(perUnit);
        batch.prepare(c);
        return batch;
    }

    /** A change the evaluator made, for the unit and device it belongs to. */
    private record Change(String unit, int deviceId, AlarmChange change) {
    }

    /** What evaluating a batch produced: changes in order, and each unit's new front and state. */
    private record Evaluated(List<Change> changes, Timestamp[] fronts, String[] json) {
    }

    /** One reading of a unit, with the device it came from and the profile in force. */
    private record UnitReading(Reading reading, int deviceId, Profile profile) {
    }

    /**
     * The readings of one batch by unit. Every decoded reading of a bound device is offered to the evaluator: one
     * that is not newer than its unit's front (a redelivery, or late data) changes nothing, so only new readings
     * count, without asking the insert which rows were new.
     */
    private final class UnitsBatch implements TelemetryStore.Hook {
        private final Map<String, List<UnitReading>> perUnit;
        private final String[] units;
        private final long[] rowVersions;
        private final Map<String, CachedState> saved = new HashMap<>();
        private Map<String, UnitAlarmState> current;
        private Future<Evaluated> evaluation;

        UnitsBatch(Map<String, List<UnitReading>> perUnit) {
            this.perUnit = perUnit;
            this.units = perUnit.keySet().toArray(new String[0]);
            this.rowVersions = new long[units.length];
        }

        /** Reads what it must, then evaluates on the evaluator thread while the insert runs in the database. */
        void prepare(Connection c) throws SQLException {
            current = load(c, units, rowVersions);
            for (String[] reset : store.claimResets(c, units)) {
                evaluator.resolved(current.get(reset[0]), Rule.fromWire(reset[1]), Severity.fromWire(reset[2]));
            }
            evaluation = evaluatorThread.submit(this::evaluate);
        }

        private Evaluated evaluate() {
            List<Change> changes = new ArrayList<>();
            Timestamp[] fronts = new Timestamp[units.length];
            String[] json = new String[units.length];
            for (int i = 0; i < units.length; i++) {
                String unit = units[i];
                UnitAlarmState state = current.get(unit);
                List<UnitReading> readings = perUnit.get(unit);
                readings.sort(Comparator.comparing(s -> s.reading().ts()));
                for (UnitReading s : readings) {
                    for (AlarmChange change : evaluator.evaluate(s.profile(), state, s.reading())) {
                        changes.add(new Change(unit, s.deviceId(), change));
                    }
                }
                Instant front = state.evaluatedTo();
                fronts[i] = Timestamp.from(front == null ? readings.get(readings.size() - 1).reading().ts() : front);
                json[i] = state.toJson();
            }
            return new Evaluated(changes, fronts, json);
        }

        @Override
        public void afterInsert(Connection c) throws SQLException {
            store.clearOffline(c, units);
            Evaluated done = await();
            for (Change ch : done.changes()) {
                apply(c, ch.unit(), ch.deviceId(), ch.change());
            }
            Map<String, Long> versions = store.saveStates(c, units, done.fronts(), done.json(), rowVersions);
            if (versions.size() != units.length) {
                // another writer moved one of these units on since we read it: evaluate the batch again
                throw new SQLException("alarm state of " + (units.length - versions.size())
                        + " unit(s) changed concurrently; retrying the batch", "40001");
            }
            for (String unit : units) {
                saved.put(unit, new CachedState(versions.get(unit), current.get(unit)));
            }
        }

        private Evaluated await() throws SQLException {
            try {
                return evaluation.get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while evaluating alarms", "57014");
            }
        }

        /** The units' states: from the cache where this writer saved them last, else read (with row versions). */
        private Map<String, UnitAlarmState> load(Connection c, String[] units, long[] rowVersions)
                throws SQLException {
            Map<String, UnitAlarmState> out = new HashMap<>();
            List<String> unknown = new ArrayList<>();
            for (String u : units) {
                CachedState cached = states.get(u);
                if (cached != null) {
                    out.put(u, cached.state());
                } else {
                    unknown.add(u);
                }
            }
            Map<String, AlarmStore.StoredState> stored = unknown.isEmpty() ? Map.of()
                    : store.readStates(c, unknown.toArray(new String[0]));
            for (int i = 0; i < units.length; i++) {
                String u = units[i];
                CachedState cached = states.get(u);
                AlarmStore.StoredState s = stored.get(u);
                if (cached != null) {
                    rowVersions[i] = cached.rowVersion();
                } else if (s != null) {
                    out.put(u, UnitAlarmState.fromJson(s.json()));
                    rowVersions[i] = s.rowVersion();
                } else {
                    out.put(u, UnitAlarmState.initial());
                    rowVersions[i] = -1;
                }
            }
            return out;
        }

        @Override
        public void committed() {
            states.putAll(saved);
        }

        @Override
        public void rolledBack() {
            if (evaluation != null) {
                try {
                    evaluation.get();
                } catch (ExecutionException | InterruptedException | RuntimeException ignored) {
                    // whatever it did is void: the cache goes
                }
            }
            // the cached objects may have been advanced by the evaluation that was just undone
            states.clear();
        }
    }

    private void apply(Connection c, String unit, int deviceId, AlarmChange change) throws SQLException {
        if (change instanceof AlarmChange.Raised r) {
            if (store.raise(c, unit, deviceId, r)) {
                LOG.info("alarm raised on {}: {} {} ({})", unit, r.severity().wire(), r.rule().wire(), r.message());
            }
        } else if (change instanceof AlarmChange.PeakUpdated p) {
            store.peak(c, unit, p);
        } else if (change instanceof AlarmChange.Cleared cl) {
            store.clear(c, unit, cl);
        }
    }
}
