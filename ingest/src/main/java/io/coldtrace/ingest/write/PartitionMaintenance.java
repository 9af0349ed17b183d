package io.coldtrace.ingest.write;

import io.coldtrace.core.db.Database;
import io.coldtrace.core.db.StorageMode;
import io.coldtrace.core.db.TimescaleRetention;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates upcoming partitions and drops expired ones (a no-op function under TimescaleDB, whose jobs do it). Under
 * TimescaleDB it also keeps the retention policies at the configured days, so a changed COLDTRACE_RETENTION_DAYS
 * takes effect at the next start (the writer runs this task first thing).
 */
public final class PartitionMaintenance implements PeriodicTask {
    private static final Logger LOG = LoggerFactory.getLogger(PartitionMaintenance.class);
    private final Duration interval;
    private final Duration retention;
    private StorageMode mode;

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
        try {
            if (mode == null) {
                mode = Database.storageMode(c);
            }
            if (mode == StorageMode.TIMESCALE) {
                int days = Math.toIntExact(retention.toDays());
                List<String> changed = TimescaleRetention.apply(c, days);
                if (!changed.isEmpty()) {
                    LOG.info("storage maintenance: retention of {} set to {} days", changed, days);
                }
            }
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
            }
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
    }
}
