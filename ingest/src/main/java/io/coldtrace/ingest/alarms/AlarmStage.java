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
 */
public final class AlarmStage implements TelemetryStore.HookFactory {
    private static final Logger LOG = LoggerFactory.getLogger(AlarmStage.class);

    private final AlarmStore store = new AlarmStore();
    private final AlarmEvaluator evaluator = new AlarmEvaluator();
    private final boolean enabled;

    public AlarmStage(boolean enabled) {
        this.enabled = enabled;
    }

    private static final TelemetryStore.Hook NONE = TelemetryStore.Hook.NONE;

    @Override
    public TelemetryStore.Hook begin(Connection c, List<Decoded> items, Map<String, Integer> deviceIds) throws SQLException {
        if (!enabled) {
            return NONE;
        }
        Set<Integer> devices = new java.util.HashSet<>();
        Instant min = null;
        Instant max = null;
        for (Decoded d : items) {
            if (d instanceof Decoded.Telemetry t && !t.readings().isEmpty()) {
                devices.add(deviceIds.get(t.deviceExt()));
                for (Reading r : t.readings()) {
                    min = min == null || r.ts().isBefore(min) ? r.ts() : min;
                    max = max == null || r.ts().isAfter(max) ? r.ts() : max;
                }
            }
        }
        if (devices.isEmpty()) {
            return NONE;
        }
        List<AlarmStore.Binding> bindings = store.bindings(c,
                devices.stream().mapToInt(Integer::intValue).toArray(), min, max);
        if (bindings.isEmpty()) {
            return NONE;
        }
        return new UnitsBatch(bindings, items, deviceIds);
    }

    /** One reading of a unit, with the device it came from and the profile in force. */
    private record Sample(Reading reading, int deviceId, Profile profile) {
    }

    private final class UnitsBatch implements TelemetryStore.Hook {
        private final List<AlarmStore.Binding> bindings;
        private final List<Decoded> items;
        private final Map<String, Integer> deviceIds;

        UnitsBatch(List<AlarmStore.Binding> bindings, List<Decoded> items, Map<String, Integer> deviceIds) {
            this.bindings = bindings;
            this.items = items;
            this.deviceIds = deviceIds;
        }

        @Override
        public int[] watched() {
            return bindings.stream().mapToInt(AlarmStore.Binding::deviceId).distinct().toArray();
        }

        @Override
        public void afterInsert(Connection c, Map<Integer, Set<Long>> insertedTsMs) throws SQLException {
            Map<String, List<Sample>> perUnit = new TreeMap<>();
            for (Decoded d : items) {
                if (!(d instanceof Decoded.Telemetry t)) {
                    continue;
                }
                int deviceId = deviceIds.get(t.deviceExt());
                Set<Long> fresh = insertedTsMs.get(deviceId);
                if (fresh == null) {
                    continue;
                }
                for (Reading r : t.readings()) {
                    if (!fresh.contains(r.ts().toEpochMilli())) {
                        continue;
                    }
                    for (AlarmStore.Binding b : bindings) {
                        if (b.deviceId() == deviceId && b.covers(r.ts())) {
                            perUnit.computeIfAbsent(b.unitId(), k -> new ArrayList<>())
                                    .add(new Sample(r, deviceId, b.profile()));
                            break;
                        }
                    }
                }
            }
            if (perUnit.isEmpty()) {
                return;
            }
            String[] units = perUnit.keySet().toArray(new String[0]);
            Map<String, String> stored = store.lockStates(c, units);
            Map<String, UnitAlarmState> states = new HashMap<>();
            for (String u : units) {
                String json = stored.get(u);
                states.put(u, json == null ? UnitAlarmState.initial() : UnitAlarmState.fromJson(json));
            }
            for (String[] reset : store.claimResets(c, units)) {
                evaluator.resolved(states.get(reset[0]), Rule.fromWire(reset[1]), Severity.fromWire(reset[2]));
            }
            store.clearOffline(c, units);
            Timestamp[] fronts = new Timestamp[units.length];
            String[] json = new String[units.length];
            for (int i = 0; i < units.length; i++) {
                String unit = units[i];
                UnitAlarmState state = states.get(unit);
                List<Sample> samples = perUnit.get(unit);
                samples.sort(Comparator.comparing(s -> s.reading().ts()));
                for (Sample s : samples) {
                    for (AlarmChange change : evaluator.evaluate(s.profile(), state, s.reading())) {
                        apply(c, unit, s.deviceId(), change);
                    }
                }
                Instant front = state.evaluatedTo();
                fronts[i] = Timestamp.from(front == null ? samples.get(samples.size() - 1).reading().ts() : front);
                json[i] = state.toJson();
            }
            store.saveStates(c, units, fronts, json);
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
