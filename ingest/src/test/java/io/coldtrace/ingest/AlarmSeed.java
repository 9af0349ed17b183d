package io.coldtrace.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Master data for alarm tests: an organisation, a site, a chilled profile, a unit and a device bound to it. */
final class AlarmSeed {
    private AlarmSeed() {
    }

    /**
     * Seeds org "org-a", site "site-a", profile "chilled-{unit}" (high warn 8 °C after 10 min, high crit 12 °C
     * after 5 min, hysteresis 0.5 °C, clear delay 2 min, {@code extra} SQL assignments appended), unit {@code unit}
     * and device {@code device} bound from 2020 on.
     */
    static void unitWithDevice(IngestHarness h, String unit, String device, String extraProfileSql) {
        try (Connection c = h.query.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO org (id, name) VALUES ('org-a', 'Org A') ON CONFLICT DO NOTHING");
            s.execute("INSERT INTO site (id, name, kind, org_id) VALUES ('site-a', 'Site A', 'origin_cold_store', "
                    + "'org-a') ON CONFLICT DO NOTHING");
            s.execute("INSERT INTO limit_profile (id, org_id, name, probe, high_warn_c, high_crit_c, warn_delay_s, "
                    + "crit_delay_s, hysteresis_c, clear_delay_s) VALUES ('chilled-" + unit + "', 'org-a', 'Chilled', "
                    + "'air', 8, 12, 600, 300, 0.5, 120)");
            if (!extraProfileSql.isBlank()) {
                s.execute("UPDATE limit_profile SET " + extraProfileSql + " WHERE id = 'chilled-" + unit + "'");
            }
            s.execute("INSERT INTO unit (id, site_id, kind, name, temp_class, profile_id) VALUES ('" + unit
                    + "', 'site-a', 'cold_room', 'Room " + unit + "', 'chilled', 'chilled-" + unit + "')");
            s.execute("INSERT INTO device (ext_id, site_hint) VALUES ('" + device + "', 'site-a') "
                    + "ON CONFLICT DO NOTHING");
            s.execute("INSERT INTO device_binding (device_id, unit_id, valid) SELECT id, '" + unit
                    + "', tstzrange('2020-01-01', NULL) FROM device WHERE ext_id = '" + device + "'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void exec(IngestHarness h, String sql) {
        try (Connection c = h.query.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
