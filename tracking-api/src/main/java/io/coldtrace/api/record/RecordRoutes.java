package io.coldtrace.api.record;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.history.HistoryQueries;
import io.coldtrace.api.history.HistoryRoutes;
import io.coldtrace.api.history.Resolution;
import io.coldtrace.api.history.UnitInfo;
import io.coldtrace.api.history.UnitLookup;
import io.coldtrace.api.http.Csv;
import io.coldtrace.api.http.Params;
import io.coldtrace.api.http.Policies;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.work.CpuWork;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * {@code GET /api/v1/units/{id}/record?date=YYYY-MM-DD&format=csv|pdf}: the inspector's daily temperature record of a
 * unit for one local day of its site (site.timezone), from the unit's raw readings across its device bindings.
 */
public final class RecordRoutes {
    private static final List<String> FORMATS = List.of("csv", "pdf");

    private final BlockingDb db;
    private final CpuWork cpu;
    private final Clock clock;
    private final RecordPdf pdf = new RecordPdf();

    public RecordRoutes(BlockingDb db, CpuWork cpu, Clock clock) {
        this.db = db;
        this.cpu = cpu;
        this.clock = clock;
    }

    public void register(RouteTable routes) {
        routes.get("/api/v1/units/:id/record", Policies.READ_OPERATIONS, this::record)
                .example("/api/v1/units/{unit}/record?date=2025-03-01", null);
    }

    private Future<Void> record(RoutingContext ctx) {
        String id = Params.pathText(ctx, "id", HistoryRoutes.MAX_ID);
        LocalDate date = Params.dateQuery(ctx, "date");
        String format = Params.choiceQuery(ctx, "format", "csv", FORMATS);
        Visibility vis = Visibility.of(ctx);
        Future<DailyRecord> record = db.read(c -> {
            UnitInfo unit = UnitLookup.visible(c, id, vis);
            Instant start = date.atStartOfDay(unit.timezone()).toInstant();
            Instant end = date.plusDays(1).atStartOfDay(unit.timezone()).toInstant();
            return DailyRecords.build(unit, date, start, end,
                    DailyRecords.interval(RecordQueries.reportIntervalSeconds(c, id, start, end)),
                    HistoryQueries.points(c, id, unit.probe(), Resolution.RAW, start, end),
                    HistoryQueries.alarms(c, id, start, end), clock.instant().truncatedTo(ChronoUnit.SECONDS));
        });
        if ("csv".equals(format)) {
            return record.compose(r -> RecordCsv.write(ctx, r));
        }
        return record.compose(r -> cpu.submit(() -> pdf.render(r)))
                .compose(bytes -> ctx.response().setStatusCode(200)
                        .putHeader("content-type", "application/pdf")
                        .putHeader("content-disposition", Csv.attachment(id + "-record-" + date + ".pdf"))
                        .putHeader("cache-control", "no-store")
                        .end(Buffer.buffer(bytes)));
    }
}
