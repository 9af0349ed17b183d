package io.coldtrace.api.custody;

import io.coldtrace.api.db.Sql;
import io.coldtrace.core.telemetry.Channel;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One statement per temperature probe role: a template names the probe's columns as {@code {{raw}}} (the raw
 * reading's column, {@code t_air}) and {@code {{probe}}} (the rollups' prefix, {@code air} of {@code air_sum}), and
 * each role gets the statement with its own columns. A statement that reads only one probe's columns can be answered
 * from an index that carries them (V9_10: the air probe's columns ride in the telemetry keys), without visiting the
 * table's pages, where one written with {@code CASE :probe} reads every column of every row it touches.
 */
public final class ProbeSql {
    private final Map<String, Sql> byProbe = new LinkedHashMap<>();

    private ProbeSql(String template) {
        for (Channel ch : Channel.values()) {
            if (ch.probe() != null) {
                byProbe.put(ch.probe().wire(), Sql.of(template.replace("{{raw}}", ch.column())
                        .replace("{{probe}}", ch.probe().wire())));
            }
        }
    }

    /** The statements of {@code template}, one per probe role. */
    public static ProbeSql of(String template) {
        return new ProbeSql(template);
    }

    /** The statement for probe role {@code probe} (a limit profile's probe: air, return, supply, product). */
    public Sql forProbe(String probe) {
        Sql sql = byProbe.get(probe);
        if (sql == null) {
            throw new IllegalArgumentException("no probe role '" + probe + "'; one of " + byProbe.keySet());
        }
        return sql;
    }
}
