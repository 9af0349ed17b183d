package io.coldtrace.api.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.coldtrace.api.auth.Role;
import io.coldtrace.api.testing.Http;
import io.coldtrace.api.testing.Seeds;
import io.coldtrace.api.testing.TestApi;
import io.coldtrace.core.quality.Excursion;
import io.coldtrace.core.quality.Excursions;
import io.coldtrace.core.quality.Exposure;
import io.coldtrace.core.quality.Exposures;
import io.coldtrace.core.quality.KineticTemperature;
import io.coldtrace.core.quality.Sample;
import io.coldtrace.core.telemetry.Reading;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The daily record of room-r for 2025-03-01 in Asia/Shanghai (UTC 2025-02-28T16:00 .. 2025-03-01T16:00): minute
 * readings of 4.0–4.9 °C, 8.5–11.4 °C from 10:00 to 10:30 local (beyond high warn 8 and high crit 10), 1.5 °C from
 * 14:00 to 14:10 (below low warn 2), no data from 12:00 to 13:00. Every figure is checked against the core
 * calculations on the same readings.
 */
class RecordIT {
    private static final String DAY = "2025-03-01";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant DAY_START = Instant.parse("2025-02-28T16:00:00Z");
    private static final Instant DAY_END = Instant.parse("2025-03-01T16:00:00Z");
    private static final Duration INTERVAL = Duration.ofMinutes(10);
    private static final String ACK = "已关门，检查压缩机 / door closed, compressor checked";

    private static TestApi api;
    private static String operator;

    @BeforeAll
    static void seed() {
        api = TestApi.start("record");
        operator = api.token(Role.OPERATOR, "o1");
        Seeds s = api.seeds();
        s.org("o1", "Org One 一号冷链");
        s.org("o2", "Org Two");
        s.site("s1", "o1", "Site s1", "other", "Asia/Shanghai");
        s.site("s-de", "o1", "Site s-de", "other", "Europe/Berlin");
        s.site("s2", "o2", "Site s2", "other", "UTC");
        s.profile("p1", "o1", "Profile p1", "air", null, 2.0, 8.0, 10.0);
        s.unit("room-r", "s1", "cold_room", "Unit room-r", "chilled", "p1");
        s.unit("freezer-f", "s1", "cold_room", "Unit freezer-f", "frozen", null);
        s.unit("room-de", "s-de", "cold_room", "Unit room-de", "chilled", "p1");
        s.unit("other", "s2", "cold_room", "Unit other", "chilled", null);
        Seeds.Device room = s.device("dev-r", "s1", 60);
        Seeds.Device freezer = s.device("dev-f", "s1");
        s.bind(room, "room-r", Instant.parse("2025-02-01T00:00:00Z"), null);
        s.bind(freezer, "freezer-f", Instant.parse("2025-02-01T00:00:00Z"), null);
        s.readings(room, minutes(RecordIT::roomAir));
        s.readings(freezer, minutes(ts -> -19 - minuteOf(ts) % 5 / 10.0));
        s.alarm("room-r", "high", "warning", Instant.parse("2025-03-01T02:00:00Z"),
                Instant.parse("2025-03-01T02:35:00Z"));
        s.alarm("room-r", "high", "critical", Instant.parse("2025-03-01T02:16:00Z"),
                Instant.parse("2025-03-01T02:31:00Z"));
        s.alarm("room-r", "low", "warning", Instant.parse("2025-02-27T02:00:00Z"),
                Instant.parse("2025-02-27T03:00:00Z"));
        api.sql("UPDATE alarm SET state = 'acknowledged', acknowledged_at = '2025-03-01T02:10Z', "
                + "acknowledged_by = 'li.wei', ack_comment = ? WHERE severity = 'warning' AND rule = 'high'", ACK);
        api.sql("UPDATE alarm SET state = 'resolved', acknowledged_at = '2025-03-01T02:20Z', acknowledged_by = "
                + "'li.wei', ack_comment = 'stock moved to room 2', resolved_at = '2025-03-01T03:00Z', "
                + "resolved_by = 'qa.zhang' WHERE severity = 'critical'");
    }

    /** Cold-room readings every minute from 2025-02-28T12:00Z to 2025-03-01T20:00Z but none from 04:00 to 05:00Z. */
    private static List<Reading> minutes(Function<Instant, Double> air) {
        return Seeds.every(Instant.parse("2025-02-28T12:00:00Z"), Instant.parse("2025-03-01T20:00:00Z"),
                        Duration.ofMinutes(1))
                .filter(ts -> !during(ts, "2025-03-01T04:00:00Z", 60))
                .map(ts -> Seeds.coldRoom(ts, air.apply(ts))).toList();
    }

    /** 8.5–11.4 °C from 02:00 to 02:30Z, 1.5 °C from 06:00 to 06:10Z, else 4.0–4.9 °C. */
    private static double roomAir(Instant ts) {
        if (during(ts, "2025-03-01T02:00:00Z", 30)) {
            return 8.5 + minuteOf(ts) / 10.0;
        }
        if (during(ts, "2025-03-01T06:00:00Z", 10)) {
            return 1.5;
        }
        return 4 + minuteOf(ts) % 10 / 10.0;
    }

    private static boolean during(Instant ts, String start, int minutes) {
        Instant from = Instant.parse(start);
        return !ts.isBefore(from) && ts.isBefore(from.plus(Duration.ofMinutes(minutes)));
    }

    private static int minuteOf(Instant ts) {
        return ts.atZone(ZoneOffset.UTC).getMinute();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void theRecordSectionNamesUnitSiteOrganisationLimitsDayAndInterval() {
        Map<String, String> rec = keyValues(sections(csv("room-r")).get("record"));
        assertThat(rec).containsEntry("title", "日温度记录 / Daily temperature record")
                .containsEntry("date", DAY).containsEntry("timezone", "Asia/Shanghai")
                .containsEntry("day_start", "2025-03-01T00:00:00+08:00")
                .containsEntry("day_end", "2025-03-02T00:00:00+08:00")
                .containsEntry("organisation", "Org One 一号冷链 (o1)").containsEntry("site", "Site s1 (s1)")
                .containsEntry("unit", "Unit room-r (room-r)").containsEntry("temp_class", "chilled")
                .containsEntry("profile", "Profile p1 (p1)").containsEntry("probe", "air")
                .containsEntry("low_crit_c", "").containsEntry("low_warn_c", "2.00")
                .containsEntry("high_warn_c", "8.00").containsEntry("high_crit_c", "10.00")
                .containsEntry("recording_interval_min", "10.0");
    }

    @Test
    void summaryFiguresEqualTheCoreCalculationsOnTheSameReadings() {
        List<Sample> samples = readings("dev-r");
        List<Exposure> held = Exposures.held(samples, DAY_END, INTERVAL);
        Map<String, String> sum = keyValues(sections(csv("room-r")).get("summary"));
        assertThat(sum.get("readings")).isEqualTo(Integer.toString(samples.size())).isEqualTo("1380");
        assertThat(num(sum.get("min_c"))).isEqualTo(1.5);
        assertThat(num(sum.get("max_c"))).isEqualTo(11.4);
        assertThat(num(sum.get("mean_c"))).isCloseTo(KineticTemperature.timeWeightedMean(held), within(0.005));
        assertThat(num(sum.get("mkt_c"))).isCloseTo(KineticTemperature.mkt(held), within(0.005));
        assertThat(num(sum.get("mkt_c"))).isGreaterThan(num(sum.get("mean_c")));
        assertThat(sum).containsEntry("excursions", "3").containsEntry("alarms", "2");
    }

    @Test
    void excursionsAreTheCoreRunsBeyondEachLimitWithDegreeMinutes() {
        List<Sample> samples = readings("dev-r");
        List<Excursion> expected = new ArrayList<>();
        expected.addAll(Excursions.find(samples, DAY_END, INTERVAL, 10, Excursion.Side.ABOVE));
        expected.addAll(Excursions.find(samples, DAY_END, INTERVAL, 8, Excursion.Side.ABOVE));
        expected.addAll(Excursions.find(samples, DAY_END, INTERVAL, 2, Excursion.Side.BELOW));
        expected.sort(Comparator.comparing(Excursion::start));
        List<List<String>> rows = sections(csv("room-r")).get("excursions");
        assertThat(rows.get(0)).containsExactly("limit", "limit_c", "start", "end", "duration_min", "peak_c",
                "degree_minutes");
        List<List<String>> runs = rows.subList(1, rows.size());
        assertThat(runs).hasSize(expected.size()).hasSize(3);
        for (int i = 0; i < runs.size(); i++) {
            Excursion e = expected.get(i);
            List<String> row = runs.get(i);
            assertThat(row.get(2)).isEqualTo(local(e.start()));
            assertThat(row.get(3)).isEqualTo(local(e.end()));
            assertThat(num(row.get(4))).isEqualTo(e.duration().toMinutes());
            assertThat(num(row.get(5))).isCloseTo(e.peakC(), within(0.005));
            assertThat(num(row.get(6))).isCloseTo(e.degreeMinutes(), within(0.05));
        }
        assertThat(runs.get(0)).containsExactly("high_warn", "8.00", "2025-03-01T10:00:00+08:00",
                "2025-03-01T10:30:00+08:00", "30.0", "11.40", "58.5");
        assertThat(runs.get(1)).containsExactly("high_crit", "10.00", "2025-03-01T10:16:00+08:00",
                "2025-03-01T10:30:00+08:00", "14.0", "11.40", "10.5");
        assertThat(runs.get(2)).containsExactly("low_warn", "2.00", "2025-03-01T14:00:00+08:00",
                "2025-03-01T14:10:00+08:00", "10.0", "1.50", "5.0");
    }

    @Test
    void theReadingsTableHasOneReadingPerRecordingIntervalOfTheLocalDay() {
        List<List<String>> rows = sections(csv("room-r")).get("readings");
        assertThat(rows.get(0)).containsExactly("time", "value_c", "door_open", "defrost");
        List<List<String>> table = rows.subList(1, rows.size());
        assertThat(table).hasSize(144 - 6);
        assertThat(table.get(0)).containsExactly("2025-03-01T00:00:00+08:00", "4.00", "yes", "no");
        assertThat(table.get(1)).containsExactly("2025-03-01T00:10:00+08:00", "4.00", "no", "no");
        assertThat(table.get(table.size() - 1).get(0)).isEqualTo("2025-03-01T23:50:00+08:00");
        // 05:00–05:19 UTC defrost = 13:00–13:19 local
        assertThat(table).filteredOn(r -> r.get(0).startsWith("2025-03-01T13:"))
                .extracting(r -> r.get(3)).containsExactly("yes", "yes", "no", "no", "no", "no");
        assertThat(table).noneMatch(r -> r.get(0).startsWith("2025-03-01T12:"));
    }

    @Test
    void alarmsOfTheDayCarryTheirAcknowledgementAndResolution() {
        List<List<String>> rows = sections(csv("room-r")).get("alarms");
        List<String> header = rows.get(0);
        assertThat(rows).hasSize(3);
        Map<String, String> warn = zip(header, rows.get(1));
        assertThat(warn).containsEntry("rule", "high").containsEntry("severity", "warning")
                .containsEntry("state", "acknowledged").containsEntry("started_at", "2025-03-01T10:00:00+08:00")
                .containsEntry("cleared_at", "2025-03-01T10:35:00+08:00").containsEntry("acknowledged_by", "li.wei")
                .containsEntry("acknowledged_at", "2025-03-01T10:10:00+08:00").containsEntry("ack_comment", ACK)
                .containsEntry("resolved_by", "");
        Map<String, String> crit = zip(header, rows.get(2));
        assertThat(crit).containsEntry("severity", "critical").containsEntry("state", "resolved")
                .containsEntry("resolved_by", "qa.zhang").containsEntry("resolved_at", "2025-03-01T11:00:00+08:00")
                .containsEntry("ack_comment", "stock moved to room 2");
    }

    @Test
    void aFrozenUnitsMktIsNotApplicable() {
        Map<String, Map<String, String>> s = Map.of("summary", keyValues(sections(csv("freezer-f")).get("summary")));
        assertThat(s.get("summary").get("mkt_c")).isEqualTo("not applicable (frozen unit, USP <1079.2>)");
        assertThat(num(s.get("summary").get("min_c"))).isEqualTo(-19.4);
        assertThat(num(s.get("summary").get("max_c"))).isEqualTo(-19.0);
        Map<String, String> rec = keyValues(sections(csv("freezer-f")).get("record"));
        assertThat(rec).containsEntry("recording_interval_min", "10.0").containsEntry("high_warn_c", "");
    }

    @Test
    void theDayFollowsTheSitesTimeZoneThroughADaylightSavingChange() {
        HttpResponse<Buffer> r = api.http().get("/api/v1/units/room-de/record?date=2025-03-30", operator);
        assertThat(r.statusCode()).isEqualTo(200);
        Map<String, List<List<String>>> s = sections(r.bodyAsString());
        assertThat(keyValues(s.get("record"))).containsEntry("day_start", "2025-03-30T00:00:00+01:00")
                .containsEntry("day_end", "2025-03-31T00:00:00+02:00");
        assertThat(keyValues(s.get("summary"))).containsEntry("readings", "0").containsEntry("mkt_c", "");
        assertThat(s.get("readings")).hasSize(1);
    }

    @Test
    void thePdfIsBilingualAndHoldsTheFigures() throws Exception {
        HttpResponse<Buffer> r = api.http().get("/api/v1/units/room-r/record?date=" + DAY + "&format=pdf", operator);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.getHeader("content-type")).isEqualTo("application/pdf");
        byte[] pdf = r.body().getBytes();
        Path out = Path.of("target", "record-room-r-" + DAY + ".pdf");
        Files.write(out, pdf);
        Map<String, String> sum = keyValues(sections(csv("room-r")).get("summary"));
        String text = text(pdf);
        assertThat(text).contains("日温度记录", "Daily temperature record", "Org One 一号冷链", "Unit room-r",
                "概要", "超限", "报警", "读数", "已关门，检查压缩机", "compressor checked", "qa.zhang", "58.5", "10.5",
                "11.40", "10:16:00", "13:10:00",
                sum.get("min_c"), sum.get("max_c"), sum.get("mean_c"), sum.get("mkt_c"));
        assertThat(text(api.http().get("/api/v1/units/freezer-f/record?date=" + DAY + "&format=pdf", operator)
                .body().getBytes())).contains("not applicable (frozen unit, USP <1079.2>)");
    }

    @ParameterizedTest
    @CsvSource({"'',date", "date=,date", "date=2025-02-30,date", "date=01.03.2025,date",
        "date=2025-03-01&format=xlsx,format", "date=2025-03-01&date=2025-03-02,date"})
    void badParametersAre400NamingTheField(String query, String field) {
        HttpResponse<Buffer> r = api.http().get("/api/v1/units/room-r/record?" + query, operator);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Http.json(r).getString("field")).isEqualTo(field);
    }

    @Test
    void aUnitOfAnotherOrganisationIs404() {
        assertThat(api.http().get("/api/v1/units/other/record?date=" + DAY, operator).statusCode()).isEqualTo(404);
        assertThat(api.http().get("/api/v1/units/other/record?date=" + DAY + "&format=pdf", operator).statusCode())
                .isEqualTo(404);
        assertThat(api.http().get("/api/v1/units/other/record?date=" + DAY, api.token(Role.ADMIN)).statusCode())
                .isEqualTo(200);
    }

    private static String csv(String unit) {
        HttpResponse<Buffer> r = api.http().get("/api/v1/units/" + unit + "/record?date=" + DAY, operator);
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        assertThat(r.getHeader("content-type")).startsWith("text/csv");
        return r.bodyAsString();
    }

    /** The readings of a device in the local day, as the database holds them. */
    private static List<Sample> readings(String extId) {
        List<Sample> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(api.db().url(), api.db().user(), api.db().password());
             PreparedStatement ps = c.prepareStatement("SELECT t.ts, t.t_air FROM telemetry t JOIN device d ON "
                     + "d.id = t.device_id WHERE d.ext_id = ? AND t.ts >= ? AND t.ts < ? ORDER BY t.ts")) {
            ps.setString(1, extId);
            ps.setObject(2, OffsetDateTime.ofInstant(DAY_START, ZoneOffset.UTC));
            ps.setObject(3, OffsetDateTime.ofInstant(DAY_END, ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Sample(rs.getObject(1, OffsetDateTime.class).toInstant(),
                            Double.parseDouble(Float.toString(rs.getFloat(2)))));
                }
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return out;
    }

    /** Sections of the record CSV by name; each a list of rows (header first), without the [name] line. */
    private static Map<String, List<List<String>>> sections(String csv) {
        Map<String, List<List<String>>> out = new java.util.LinkedHashMap<>();
        List<List<String>> current = null;
        for (String line : csv.split("\r\n", -1)) {
            if (line.startsWith("[") && line.endsWith("]")) {
                current = new ArrayList<>();
                out.put(line.substring(1, line.length() - 1), current);
            } else if (line.isEmpty()) {
                current = null;
            } else {
                assertThat(current).as("row outside a section: " + line).isNotNull();
                current.add(fields(line));
            }
        }
        assertThat(out.keySet()).containsExactly("record", "summary", "readings", "excursions", "alarms");
        return out;
    }

    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted && ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                f.append('"');
                i++;
            } else if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(ch);
            }
        }
        out.add(f.toString());
        return out;
    }

    private static Map<String, String> keyValues(List<List<String>> rows) {
        assertThat(rows.get(0)).containsExactly("key", "value");
        Map<String, String> m = new java.util.LinkedHashMap<>();
        rows.subList(1, rows.size()).forEach(r -> m.put(r.get(0), r.get(1)));
        return m;
    }

    private static Map<String, String> zip(List<String> header, List<String> row) {
        assertThat(row).hasSameSizeAs(header);
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            m.put(header.get(i), row.get(i));
        }
        return m;
    }

    private static double num(String s) {
        return Double.parseDouble(s);
    }

    private static String local(Instant t) {
        return t.atZone(SHANGHAI).toOffsetDateTime().toString().replaceFirst("T(\\d\\d:\\d\\d)\\+", "T$1:00+");
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    static {
        Locale.setDefault(Locale.ROOT);
    }
}
