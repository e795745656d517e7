package org.zhengwu.basedata.library;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Which import jobs a living process still works on. A job lives only in the memory of the node that accepted it (the
 * file is not stored), so a job left queued or running by a process that stopped will never finish. The node holds a
 * PostgreSQL session advisory lock per job of its own on one connection kept while it has any; the database drops the
 * locks of a process that dies with its connection. A job whose lock anyone can take is therefore nobody's: so other
 * nodes' running jobs are left alone when one node starts.
 */
@Component
class ImportLeases {

    /** The first key of the two-key advisory locks: the base-data imports' own space. */
    private static final int SPACE = 0x62_64_69_6D;

    private static final Logger log = LoggerFactory.getLogger(ImportLeases.class);

    private final DataSource dataSource;
    private final Set<Long> held = new HashSet<>();
    private Connection connection;

    ImportLeases(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Takes the job's lock for this process, until {@link #release}. */
    synchronized void hold(long job) {
        try {
            if (connection == null) {
                connection = dataSource.getConnection();
                connection.setAutoCommit(true);
            }
            ask(connection, "SELECT count(*) = 1 FROM (SELECT pg_advisory_lock(?, ?)) AS locked", job);
            held.add(job);
        } catch (SQLException e) {
            // Without the lock the job still runs; only a restart of another node meanwhile could mark it failed.
            log.warn("Import job {}: its lease could not be taken", job, e);
        }
    }

    synchronized void release(long job) {
        if (!held.remove(job) || connection == null) {
            return;
        }
        try {
            ask(connection, "SELECT pg_advisory_unlock(?, ?)", job);
            if (held.isEmpty()) {
                connection.close();
                connection = null;
            }
        } catch (SQLException e) {
            log.warn("Import job {}: its lease could not be given back", job, e);
        }
    }

    /** Whether no living process holds the job (checked on a connection of its own, which holds nothing). */
    boolean orphaned(long job) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            boolean free = ask(c, "SELECT pg_try_advisory_lock(?, ?)", job);
            if (free) {
                ask(c, "SELECT pg_advisory_unlock(?, ?)", job);
            }
            return free;
        } catch (SQLException e) {
            log.warn("Import job {}: could not tell whether a process still runs it", job, e);
            return false;
        }
    }

    private static boolean ask(Connection c, String sql, long job) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setInt(1, SPACE);
            statement.setInt(2, (int) job);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
