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
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alarm evaluation inside the ingest write transaction (docs/alarms.md): finds which devices of a batch sit in a
 * unit with a limit profile, and after the insert evaluates, per unit in device-time order, only the readings that
 * were newly stored. Alarm rows, their events and the evaluator state commit with the readings, so a redelivered
 * message or a restart can neither lose nor repeat an alarm.
 *
 * <p>Two caches keep this cheap per batch, both exact: the bindings with their profiles, reloaded when the
 * configuration counter that every change of them bumps has moved; and the units' evaluator states, trusted only
 * while the stored row's version (xmin) is the one this writer last wrote, and dropped when a batch rolls back.
 * Used by the one writer thread only.
 */
public final class AlarmStage implements TelemetryStore.HookFactory {
    private static final Logger LOG = LoggerFactory.getLogger(AlarmStage.class);

    private final AlarmStore store = new AlarmStore();
    private final AlarmEvaluator evaluator = new AlarmEvaluator();
    private final boolean enabled;
    private long configVersion = -1;
    private Map<Integer, List<AlarmStore.Binding>> bindingsByDevice = Map.of();
    private final Map<String, CachedState> states = new HashMap<>();

    /** A unit's state as this writer last saved it, and the version of the row that holds it. */
    private record CachedState(long rowVersion, UnitAlarmState state) {
    }

    public AlarmStage(boolean enabled) {
        this.enabled = enabled;
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
        int[] watched = items.stream()
                .filter(d -> d instanceof Decoded.Telemetry t && !t.readings().isEmpty())
                .mapToInt(d -> deviceIds.get(((Decoded.Telemetry) d).deviceExt()))
                .filter(bindingsByDevice::containsKey)
                .distinct().toArray();
        return watched.length == 0 ? TelemetryStore.Hook.NONE : new UnitsBatch(watched, items, deviceIds);
    }

    /** One reading of a unit, with the device it came from and the profile in force. */
    private record UnitReading(Reading reading, int deviceId, Profile profile) {
    }

    private final class UnitsBatch implements TelemetryStore.Hook {
        private final int[] watched;
        private final List<Decoded> items;
        private final Map<String, Integer> deviceIds;
        private final Map<String, CachedState> saved = new HashMap<>();

        UnitsBatch(int[] watched, List<Decoded> items, Map<String, Integer> deviceIds) {
            this.watched = watched;
            this.items = items;
            this.deviceIds = deviceIds;
        }

        @Override
        public int[] watched() {
            return watched;
        }

        @Override
        public void afterInsert(Connection c, Map<Integer, Set<Long>> insertedTsMs) throws SQLException {
            Map<String, List<UnitReading>> perUnit = byUnit(insertedTsMs);
            if (perUnit.isEmpty()) {
                return;
            }
            String[] units = perUnit.keySet().toArray(new String[0]);
            Map<String, UnitAlarmState> current = lockAndLoad(c, units);
            for (String[] reset : store.claimResets(c, units)) {
                evaluator.resolved(current.get(reset[0]), Rule.fromWire(reset[1]), Severity.fromWire(reset[2]));
            }
            store.clearOffline(c, units);
            Timestamp[] fronts = new Timestamp[units.length];
            String[] json = new String[units.length];
            for (int i = 0; i < units.length; i++) {
                String unit = units[i];
                UnitAlarmState state = current.get(unit);
                List<UnitReading> readings = perUnit.get(unit);
                readings.sort(Comparator.comparing(s -> s.reading().ts()));
                for (UnitReading s : readings) {
                    for (AlarmChange change : evaluator.evaluate(s.profile(), state, s.reading())) {
                        apply(c, unit, s.deviceId(), change);
                    }
                }
                Instant front = state.evaluatedTo();
                fronts[i] = Timestamp.from(front == null ? readings.get(readings.size() - 1).reading().ts() : front);
                json[i] = state.toJson();
            }
            Map<String, Long> versions = store.saveStates(c, units, fronts, json);
            for (String unit : units) {
                saved.put(unit, new CachedState(versions.get(unit), current.get(unit)));
            }
        }

        private Map<String, List<UnitReading>> byUnit(Map<Integer, Set<Long>> insertedTsMs) {
            Map<String, List<UnitReading>> perUnit = new TreeMap<>();
            for (Decoded d : items) {
                if (!(d instanceof Decoded.Telemetry t)) {
                    continue;
                }
                int deviceId = deviceIds.get(t.deviceExt());
                Set<Long> fresh = insertedTsMs.get(deviceId);
                List<AlarmStore.Binding> bindings = bindingsByDevice.get(deviceId);
                if (fresh == null || bindings == null) {
                    continue;
                }
                for (Reading r : t.readings()) {
                    if (!fresh.contains(r.ts().toEpochMilli())) {
                        continue;
                    }
                    for (AlarmStore.Binding b : bindings) {
                        if (b.covers(r.ts())) {
                            perUnit.computeIfAbsent(b.unitId(), k -> new ArrayList<>())
                                    .add(new UnitReading(r, deviceId, b.profile()));
                            break;
                        }
                    }
                }
            }
            return perUnit;
        }

        /** Locks the units' state rows; parses only those another writer (or nobody yet) has changed. */
        private Map<String, UnitAlarmState> lockAndLoad(Connection c, String[] units) throws SQLException {
            Map<String, Long> rowVersions = store.lockStates(c, units);
            Map<String, UnitAlarmState> out = new HashMap<>();
            List<String> stale = new ArrayList<>();
            for (String u : units) {
                CachedState cached = states.get(u);
                Long v = rowVersions.get(u);
                if (v == null) {
                    out.put(u, UnitAlarmState.initial());
                } else if (cached != null && cached.rowVersion() == v) {
                    out.put(u, cached.state());
                } else {
                    stale.add(u);
                }
            }
            if (!stale.isEmpty()) {
                store.readStates(c, stale.toArray(new String[0]))
                        .forEach((u, json) -> out.put(u, UnitAlarmState.fromJson(json)));
            }
            return out;
        }

        @Override
        public void committed() {
            states.putAll(saved);
        }

        @Override
        public void rolledBack() {
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
