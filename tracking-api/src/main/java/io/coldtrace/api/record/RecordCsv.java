package io.coldtrace.api.record;

import io.coldtrace.api.history.AlarmRow;
import io.coldtrace.api.history.HistoryPoint;
import io.coldtrace.api.http.Csv;
import io.coldtrace.core.quality.Excursion;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.time.ZoneId;
import java.util.Map;

/**
 * The daily record as one CSV file of sections, each introduced by a {@code [name]} line with its own header row
 * and followed by an empty line: [record], [summary], [readings], [excursions], [alarms].
 */
final class RecordCsv {
    private RecordCsv() {
    }

    static Future<Void> write(RoutingContext ctx, DailyRecord r) {
        ZoneId zone = r.unit().timezone();
        Csv csv = Csv.start(ctx, r.unit().id() + "-record-" + r.date() + ".csv");
        keyValues(csv, "[record]", RecordText.facts(r));
        keyValues(csv, "[summary]", RecordText.summary(r));
        csv.row("[readings]").row("time", "value_c", "door_open", "defrost");
        for (HistoryPoint p : r.table()) {
            csv.row(RecordText.time(p.ts(), zone), RecordText.celsius(p.avg()), RecordText.yesNo(p.doorOpen()),
                    RecordText.yesNo(p.defrost()));
        }
        csv.blank().row("[excursions]")
                .row("limit", "limit_c", "start", "end", "duration_min", "peak_c", "degree_minutes");
        for (DailyRecord.LimitExcursion le : r.excursions()) {
            Excursion e = le.excursion();
            csv.row(le.limit(), RecordText.celsius(e.limitC()), RecordText.time(e.start(), zone),
                    RecordText.time(e.end(), zone), RecordText.minutes(e.duration()), RecordText.celsius(e.peakC()),
                    RecordText.degreeMinutes(e.degreeMinutes()));
        }
        csv.blank().row("[alarms]").row("id", "rule", "severity", "state", "started_at", "cleared_at", "limit_c",
                "peak_c", "message", "acknowledged_by", "acknowledged_at", "ack_comment", "resolved_by",
                "resolved_at");
        for (AlarmRow a : r.alarms()) {
            csv.row(a.id(), a.rule(), a.severity(), a.state(), RecordText.time(a.startedAt(), zone),
                    RecordText.time(a.clearedAt(), zone), RecordText.celsius(a.limitValue()),
                    RecordText.celsius(a.peakValue()), a.message(), a.acknowledgedBy(),
                    RecordText.time(a.acknowledgedAt(), zone), a.ackComment(), a.resolvedBy(),
                    RecordText.time(a.resolvedAt(), zone));
        }
        return csv.end();
    }

    private static void keyValues(Csv csv, String section, Map<String, String> values) {
        csv.row(section).row("key", "value");
        values.forEach(csv::row);
        csv.blank();
    }
}
