package io.coldtrace.ingest;

import io.coldtrace.ingest.write.TelemetryStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

/**
 * Master data for alarm tests: an organisation, a site, a chilled profile, a unit and a device bound to it. The device
 * is registered as ingest registers one (TelemetryStore); everything else is SQL with every value bound.
 */
final class AlarmSeed {
    private static final String ORG = "INSERT INTO org (id, name) VALUES (?, ?) ON CONFLICT DO NOTHING";
    private static final String SITE = """
            INSERT INTO site (id, name, kind, org_id) VALUES (?, ?, 'origin_cold_store', ?) ON CONFLICT DO NOTHING""";
    private static final String PROFILE = """
            INSERT INTO limit_profile (id, org_id, name, probe, high_warn_c, high_crit_c, warn_delay_s, crit_delay_s,
                                       delay_mode, hysteresis_c, clear_delay_s, offline_factor, escalate_after_s)
            VALUES (?, ?, 'Chilled', 'air', 8, 12, ?, 300, ?, 0.5, ?, ?, ?)""";
    private static final String UNIT = """
            INSERT INTO unit (id, site_id, kind, name, temp_class, profile_id)
            VALUES (?, ?, 'cold_room', ?, 'chilled', ?)""";
    private static final String BINDING = """
            INSERT INTO device_binding (device_id, unit_id, valid)
            VALUES (?, ?, tstzrange('2020-01-01T00:00:00Z', NULL))""";
    private static final String WEBHOOK = "INSERT INTO webhook (org_id, url, secret) VALUES (?, ?, ?)";
    private static final String RESOLVE = """
            UPDATE alarm SET state = 'resolved', resolved_at = now(), resolved_by = ? WHERE unit_id = ?""";
    private static final String ORG_ID = "org-a";
    private static final String SITE_ID = "site-a";

    private AlarmSeed() {
    }

    /**
     * What the alarm tests vary of the chilled profile: warn delay, clear delay, delay mode, offline factor (null =
     * off) and escalation (null = never).
     */
    record Chilled(int warnDelayS, int clearDelayS, String delayMode, Integer offlineFactor, Integer escalateAfterS) {
        /** Warn after 10 min, clear after 2 min, single delays, no offline rule, no escalation. */
        static final Chilled DEFAULT = new Chilled(600, 120, "single", null, null);

        Chilled withWarnDelay(int s) {
            return new Chilled(s, clearDelayS, delayMode, offlineFactor, escalateAfterS);
        }

        Chilled withClearDelay(int s) {
            return new Chilled(warnDelayS, s, delayMode, offlineFactor, escalateAfterS);
        }

        Chilled cumulative() {
            return new Chilled(warnDelayS, clearDelayS, "cumulative", offlineFactor, escalateAfterS);
        }

        Chilled withOfflineFactor(int factor) {
            return new Chilled(warnDelayS, clearDelayS, delayMode, factor, escalateAfterS);
        }

        Chilled withEscalation(int afterS) {
            return new Chilled(warnDelayS, clearDelayS, delayMode, offlineFactor, afterS);
        }
    }

    static void unitWithDevice(IngestHarness h, String unit, String device) {
        unitWithDevice(h, unit, device, Chilled.DEFAULT);
    }

    /**
     * Seeds org "org-a", site "site-a", profile "chilled-{unit}" (high warn 8 °C, high crit 12 °C after 5 min,
     * hysteresis 0.5 °C, the rest as {@code profile} says), unit {@code unit} and device {@code device} reporting on
     * site-a, bound to the unit from 2020 on.
     */
    static void unitWithDevice(IngestHarness h, String unit, String device, Chilled profile) {
        String profileId = "chilled-" + unit;
        try (Connection c = h.query.getConnection()) {
            c.setAutoCommit(false);
            update(c, ORG, ORG_ID, "Org A");
            update(c, SITE, SITE_ID, "Site A", ORG_ID);
            update(c, PROFILE, profileId, ORG_ID, profile.warnDelayS(), profile.delayMode(), profile.clearDelayS(),
                    profile.offlineFactor(), profile.escalateAfterS());
            update(c, UNIT, unit, SITE_ID, "Room " + unit, profileId);
            // commits the master data with the device
            int deviceId = new TelemetryStore().ensureDevices(c, Map.of(device, SITE_ID)).get(device);
            update(c, BINDING, deviceId, unit);
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("seeding " + unit + ": " + e.getMessage(), e);
        }
    }

    /** An active webhook of org-a. */
    static void webhook(IngestHarness h, String url, String secret) {
        run(h, WEBHOOK, ORG_ID, url, secret);
    }

    /** Resolves the unit's alarms as a person does through tracking-api (which ingest cannot call here). */
    static void resolve(IngestHarness h, String unit, String by) {
        run(h, RESOLVE, by, unit);
    }

    private static void run(IngestHarness h, String sql, Object... params) {
        try (Connection c = h.query.getConnection()) {
            update(c, sql, params);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static void update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }
}
