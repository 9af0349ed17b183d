package io.coldtrace.ingest.write;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Database work the writer runs between batches on its own connection and thread (partition maintenance, the alarm
 * clock), so it never races the batch transactions. It commits its own work.
 */
public interface PeriodicTask {
    String name();

    Duration interval();

    void run(Connection c) throws SQLException;
}
