package io.coldtrace.api.record;

import io.coldtrace.api.history.UnitInfo;
import io.coldtrace.core.quality.Band;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** How a daily record writes its values, the same in CSV and PDF: local times with offset, °C to 2 decimals. */
final class RecordText {
    static final String TITLE_ZH = "日温度记录";
    static final String TITLE_EN = "Daily temperature record";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private RecordText() {
    }

    /** A time in the site's zone with its offset, e.g. 2025-03-01T08:00:00+08:00; empty for null. */
    static String time(Instant t, ZoneId zone) {
        return t == null ? "" : LOCAL.format(t.atZone(zone).toOffsetDateTime());
    }

    /** The clock time of the day in the site's zone, e.g. 08:10:00. */
    static String clock(Instant t, ZoneId zone) {
        return CLOCK.format(t.atZone(zone));
    }

    /** Compact local time for tables: HH:mm:ss on the record's day, else yyyy-MM-dd HH:mm; "—" for null. */
    static String shortTime(Instant t, ZoneId zone, java.time.LocalDate day) {
        if (t == null) {
            return "—";
        }
        java.time.ZonedDateTime z = t.atZone(zone);
        return z.toLocalDate().equals(day) ? CLOCK.format(z) : SHORT.format(z);
    }

    /** °C to 2 decimals; empty for null. */
    static String celsius(Double v) {
        return v == null ? "" : String.format(Locale.ROOT, "%.2f", v);
    }

    /** Minutes to 1 decimal. */
    static String minutes(Duration d) {
        return String.format(Locale.ROOT, "%.1f", d.toMillis() / 60_000d);
    }

    /** Degree-minutes to 1 decimal. */
    static String degreeMinutes(double dm) {
        return String.format(Locale.ROOT, "%.1f", dm);
    }

    static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    /** The MKT as written: a figure, "not applicable" for frozen units, empty without readings. */
    static String mkt(DailyRecord r) {
        if (r.unit().frozen()) {
            return DailyRecord.MKT_NOT_APPLICABLE;
        }
        return celsius(r.summary().mkt());
    }

    /** The record's header facts, in order: key → value (keys are the CSV keys). */
    static Map<String, String> facts(DailyRecord r) {
        UnitInfo u = r.unit();
        Band b = u.band();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("title", TITLE_ZH + " / " + TITLE_EN);
        m.put("date", r.date().toString());
        m.put("timezone", u.timezone().getId());
        m.put("day_start", time(r.dayStart(), u.timezone()));
        m.put("day_end", time(r.dayEnd(), u.timezone()));
        m.put("organisation", named(u.orgName(), u.orgId()));
        m.put("site", named(u.siteName(), u.siteId()));
        m.put("unit", named(u.name(), u.id()));
        m.put("unit_kind", u.kind());
        m.put("temp_class", u.tempClass());
        m.put("profile", named(u.profileName(), u.profileId()));
        m.put("probe", u.probe());
        m.put("low_crit_c", celsius(b.lowCrit()));
        m.put("low_warn_c", celsius(b.lowWarn()));
        m.put("high_warn_c", celsius(b.highWarn()));
        m.put("high_crit_c", celsius(b.highCrit()));
        m.put("recording_interval_min", minutes(r.interval()));
        m.put("recording_interval_rule", DailyRecord.INTERVAL_RULE);
        m.put("generated_at", time(r.generatedAt(), u.timezone()));
        return m;
    }

    /** The day's figures: key → value. */
    static Map<String, String> summary(DailyRecord r) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("readings", Integer.toString(r.summary().readings()));
        m.put("min_c", celsius(r.summary().min()));
        m.put("max_c", celsius(r.summary().max()));
        m.put("mean_c", celsius(r.summary().mean()));
        m.put("mkt_c", mkt(r));
        m.put("excursions", Integer.toString(r.excursions().size()));
        m.put("alarms", Integer.toString(r.alarms().size()));
        return m;
    }

    private static String named(String name, String id) {
        if (id == null) {
            return "";
        }
        return name == null ? id : name + " (" + id + ")";
    }
}
