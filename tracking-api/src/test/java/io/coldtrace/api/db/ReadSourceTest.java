package io.coldtrace.api.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coldtrace.api.http.ClientError;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Which database a heavy read lands on, with stand-in data sources that record what was asked of them. */
class ReadSourceTest {
    /** A data source whose connections carry its name (as their toString) and record that they were closed. */
    private static final class Source {
        final String name;
        boolean down;
        int opened;
        final List<String> closed = new ArrayList<>();

        Source(String name) {
            this.name = name;
        }

        DataSource dataSource() {
            return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                    (p, m, a) -> {
                        if (!m.getName().equals("getConnection")) {
                            throw new UnsupportedOperationException(m.getName());
                        }
                        if (down) {
                            throw new SQLException(name + " is down", "08001");
                        }
                        opened++;
                        return connection();
                    });
        }

        private Connection connection() {
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (p, m, a) -> switch (m.getName()) {
                        case "toString" -> name;
                        case "close" -> {
                            closed.add(name);
                            yield null;
                        }
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
        }
    }

    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2025-03-01T00:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private final Source primary = new Source("primary");
    private final Source replica = new Source("replica");
    private final MovableClock clock = new MovableClock();

    private ReadSource withReplica() {
        return new ReadSource(primary.dataSource(), replica.dataSource(), clock);
    }

    @Test
    void withoutAReplicaEveryReadGoesToThePrimary() throws SQLException {
        ReadSource reads = new ReadSource(primary.dataSource(), null, clock);
        assertThat(reads.run(Object::toString)).isEqualTo("primary");
        assertThat(reads.connection().toString()).isEqualTo("primary");
        assertThat(reads.primaryReads()).isEqualTo(2);
        assertThat(reads.replicaReads()).isZero();
    }

    @Test
    void readsGoToTheReplicaAndCloseTheirConnection() throws SQLException {
        ReadSource reads = withReplica();
        assertThat(reads.run(Object::toString)).isEqualTo("replica");
        assertThat(replica.closed).containsExactly("replica");
        assertThat(primary.opened).isZero();
        assertThat(reads.replicaReads()).isEqualTo(1);
    }

    @Test
    void aReplicaThatCannotConnectIsSkippedForAWhileThenTriedAgain() throws SQLException {
        ReadSource reads = withReplica();
        replica.down = true;
        assertThat(reads.run(Object::toString)).isEqualTo("primary");
        assertThat(reads.connection().toString()).as("skipped, not asked again").isEqualTo("primary");
        assertThat(reads.replicaFailures()).isEqualTo(1);

        replica.down = false;
        clock.now = clock.now.plus(ReadSource.RETRY_AFTER).minusSeconds(1);
        assertThat(reads.run(Object::toString)).isEqualTo("primary");
        clock.now = clock.now.plusSeconds(1);
        assertThat(reads.run(Object::toString)).isEqualTo("replica");
    }

    @Test
    void aReadTheReplicaDropsIsRunAgainOnThePrimary() throws SQLException {
        ReadSource reads = withReplica();
        List<String> ranOn = new ArrayList<>();
        String answer = reads.run(c -> {
            ranOn.add(c.toString());
            if (c.toString().equals("replica")) {
                throw new SQLException("terminating connection due to conflict with recovery", "40001");
            }
            return "done";
        });
        assertThat(answer).isEqualTo("done");
        assertThat(ranOn).containsExactly("replica", "primary");
        assertThat(replica.closed).containsExactly("replica");
        assertThat(reads.replicaFailures()).isEqualTo(1);
    }

    @Test
    void aQuerysOwnErrorOrAClientErrorIsNotRetried() {
        ReadSource reads = withReplica();
        assertThatThrownBy(() -> reads.run(c -> {
            throw new SQLException("relation does not exist", "42P01");
        })).isInstanceOf(SQLException.class).hasMessageContaining("relation");
        assertThatThrownBy(() -> reads.run(c -> {
            throw ClientError.notFound("no unit x");
        })).isInstanceOf(ClientError.class);
        assertThat(primary.opened).isZero();
        assertThat(replica.closed).hasSize(2);
        assertThat(reads.replicaFailures()).isZero();
    }

    @Test
    void onlyConnectionAndRecoveryErrorsCountAsReplicaTrouble() {
        assertThat(ReadSource.replicaTrouble(new SQLException("x", "08006"))).isTrue();
        assertThat(ReadSource.replicaTrouble(new SQLException("x", "57P01"))).isTrue();
        assertThat(ReadSource.replicaTrouble(new SQLException("x", "40001"))).isTrue();
        assertThat(ReadSource.replicaTrouble(new SQLException("x", "22012"))).isFalse();
        assertThat(ReadSource.replicaTrouble(new SQLException("x"))).isFalse();
    }
}
