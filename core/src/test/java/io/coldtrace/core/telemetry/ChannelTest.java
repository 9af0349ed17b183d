package io.coldtrace.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChannelTest {
    @Test
    void theColumnListIsTheTablesChannelColumnsInStorageOrder() {
        assertThat(Channel.columns(null)).isEqualTo("t_air, t_return, t_supply, t_product, rh, door_open, setpoint, "
                + "defrost, compressor_on, battery, lat, lon, speed");
        assertThat(Channel.columns("l")).startsWith("l.t_air, l.t_return, ").endsWith(", l.speed");
    }

    @Test
    void probesAreTheStatisticsChannelsNamedByTheirRole() {
        for (ProbeRole role : ProbeRole.values()) {
            Channel ch = Channel.forProbe(role);
            assertThat(ch.probe()).isEqualTo(role);
            assertThat(ch.path()).isEqualTo("temp." + role.wire());
            assertThat(ch.statsPrefix()).isEqualTo(role.wire());
        }
        assertThat(Channel.probeColumnSql("p.probe", "l")).isEqualTo("CASE p.probe WHEN 'air' THEN l.t_air "
                + "WHEN 'return' THEN l.t_return WHEN 'supply' THEN l.t_supply WHEN 'product' THEN l.t_product END");
        assertThat(Channel.DOOR_OPEN.rollupColumns()).extracting(Channel.Column::name).containsExactly("door_open_n");
        assertThat(Channel.SETPOINT.rollupColumns()).isEmpty();
    }

    @Test
    void everyChannelIsSetAndReadThroughTheSameField() {
        Instant ts = Instant.parse("2025-03-01T10:00:00Z");
        for (Channel ch : Channel.all()) {
            Object v = ch.type() == Channel.SqlType.BOOLEAN ? Boolean.TRUE : Double.valueOf(1.5);
            Reading.Builder b = Reading.at(ts).set(ch, v);
            if (ch == Channel.LAT || ch == Channel.LON) {
                b.position(1.5, 1.5, null);
            }
            Reading r = b.build();
            assertThat(ch.valueIn(r)).as(ch.name()).isEqualTo(v);
            for (Channel other : Channel.all()) {
                if (other != ch && other != Channel.LAT && other != Channel.LON) {
                    assertThat(other.valueIn(r)).as(ch + " leaves " + other + " alone").isNull();
                }
            }
        }
    }
}
