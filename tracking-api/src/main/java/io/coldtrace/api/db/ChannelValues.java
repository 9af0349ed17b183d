package io.coldtrace.api.db;

import io.coldtrace.core.telemetry.Channel;
import io.vertx.core.json.JsonObject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The measurement channels of a telemetry row ({@link Channel#columns} in its select list), each read by its type:
 * real as written ({@link Rows#real}), double precision, boolean; null where not reported.
 */
public record ChannelValues(Map<Channel, Object> values) {
    /** Reads every channel's column of the current row. */
    public static ChannelValues read(ResultSet rs) throws SQLException {
        Map<Channel, Object> values = new EnumMap<>(Channel.class);
        for (Channel ch : Channel.all()) {
            values.put(ch, switch (ch.type()) {
                case REAL -> Rows.real(rs, ch.column());
                case DOUBLE -> Rows.dbl(rs, ch.column());
                case BOOLEAN -> Rows.bool(rs, ch.column());
            });
        }
        return new ChannelValues(Collections.unmodifiableMap(values));
    }

    /** The value of {@code ch}: a Double, a Boolean, or null. */
    public Object get(Channel ch) {
        return values.get(ch);
    }

    /** Puts every channel into {@code o} under its column name (null ones too), in storage order. */
    public JsonObject putInto(JsonObject o) {
        for (Channel ch : Channel.all()) {
            o.put(ch.column(), values.get(ch));
        }
        return o;
    }
}
