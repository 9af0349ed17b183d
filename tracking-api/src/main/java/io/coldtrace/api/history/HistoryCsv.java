package io.coldtrace.api.history;

import io.coldtrace.api.db.CursorExport;
import io.coldtrace.api.http.Csv;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** The history CSV as a {@link CursorExport}: {@code ts,min,max,avg,door_open,defrost}, one line per point. */
final class HistoryCsv {
    static final String HEADER = "ts,min,max,avg,door_open,defrost";

    private HistoryCsv() {
    }

    /** The download: named after the unit and resolution, rows written as the JSON answer's points. */
    static CursorExport.Format format(String unitId, HistoryRange range) {
        Resolution res = range.resolution();
        return CursorExport.Format.csv(unitId + "-history-" + res.label() + ".csv", HEADER, (rs, out) -> {
            HistoryPoint p = HistoryQueries.point(rs, res);
            Csv.append(out, p.ts(), p.min(), p.max(), p.avg(), p.doorOpen(), p.defrost());
        });
    }

    /** The points' statement for {@code unit} (already checked visible) over {@code range}. */
    static PreparedStatement query(Connection c, UnitInfo unit, HistoryRange range) throws SQLException {
        return HistoryQueries.prepare(c, unit.id(), unit.probe(), range.resolution(), range.from(), range.to());
    }
}
