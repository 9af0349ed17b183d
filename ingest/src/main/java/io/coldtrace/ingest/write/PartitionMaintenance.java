package io.coldtrace.ingest.write;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates upcoming partitions and drops expired ones (a no-op function under TimescaleDB, whose jobs do it). */
public final class PartitionMaintenance implements PeriodicTask {
    private static final Logger LOG = LoggerFactory.getLogger(PartitionMaintenance.class);
    private final Duration interval;
    private final Duration retention;

    public PartitionMaintenance(Duration interval, Duration retention) {
        this.interval = interval;
        this.retention = retention;
    }

    @Override
    public String name() {
        return "storage maintenance";
    }

    @Override
    public Duration interval() {
        return interval;
    }

    @Override
    public void run(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT ct_maintain_partitions(?::interval)")) {
            ps.setString(1, retention.toDays() + " days");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                int made = rs.getInt(1);
                c.commit();
                if (made > 0) {
                    LOG.info("storage maintenance: {} partitions created", made);
                }
            }
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
    }
}
