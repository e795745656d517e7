package org.zhengwu.support;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The SQL statements one thread sends to PostgreSQL while a piece of work runs, read from the PostgreSQL JDBC driver's
 * own protocol trace (its java.util.logging logger at FINEST: each Parse, Bind and Execute message), so that every
 * statement of every library on the pool is seen — ours, Flowable's, Spring Modulith's — without a proxy in the
 * application context. A statement is counted once per Execute; its text is the one its Bind refers to.
 */
public final class StatementLog {

    private static final String DRIVER = "org.postgresql.core.v3.QueryExecutorImpl";

    private StatementLog() {}

    /**
     * The statements the calling thread sent while {@code work} ran, in order (BEGIN and COMMIT included). Each
     * connection of the pool is switched to one-shot statements for the while (prepare threshold 0) and its statements
     * prepared earlier are deallocated (the driver then forgets their names), so that every statement is parsed, with
     * its text, rather than executed by the name of a statement an earlier test prepared.
     */
    public static List<String> of(javax.sql.DataSource pool, Runnable work) {
        return of(pool, work, false);
    }

    /** As {@link #of(javax.sql.DataSource, Runnable)}, the statements of every thread (a request's, served). */
    public static List<String> ofEveryThread(javax.sql.DataSource pool, Runnable work) {
        return of(pool, work, true);
    }

    private static List<String> of(javax.sql.DataSource pool, Runnable work, boolean everyThread) {
        int[] thresholds = threshold(pool, 0, null);
        try {
            return capture(work, everyThread);
        } finally {
            threshold(pool, 0, thresholds);
        }
    }

    /** Sets the prepare threshold of every connection of the pool (to {@code value}, or back to {@code earlier}). */
    private static int[] threshold(javax.sql.DataSource pool, int value, int[] earlier) {
        com.zaxxer.hikari.HikariDataSource hikari;
        try {
            hikari = pool.unwrap(com.zaxxer.hikari.HikariDataSource.class);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        List<java.sql.Connection> held = new ArrayList<>();
        int size = hikari.getMaximumPoolSize();
        int[] before = new int[size];
        try {
            for (int i = 0; i < size; i++) {
                java.sql.Connection connection = hikari.getConnection();
                held.add(connection);
                org.postgresql.PGConnection pg = connection.unwrap(org.postgresql.PGConnection.class);
                before[i] = pg.getPrepareThreshold();
                pg.setPrepareThreshold(earlier == null ? value : earlier[i]);
                if (earlier == null) {
                    try (java.sql.Statement deallocate = connection.createStatement()) {
                        deallocate.execute("DEALLOCATE ALL");
                    }
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            for (java.sql.Connection connection : held) {
                try {
                    connection.close();
                } catch (java.sql.SQLException e) {
                    // returned to the pool all the same
                }
            }
        }
        return before;
    }

    private static synchronized List<String> capture(Runnable work, boolean everyThread) {
        Logger logger = Logger.getLogger(DRIVER);
        Level before = logger.getLevel();
        Thread me = Thread.currentThread();
        List<String> executed = new ArrayList<>();
        Map<String, String> named = new HashMap<>();
        String[] unnamed = {null};
        String[] bound = {null};
        Handler handler = new Handler() {
            @Override
            public synchronized void publish(LogRecord record) {
                if ((!everyThread && Thread.currentThread() != me) || record.getMessage() == null) {
                    return;
                }
                String message = record.getParameters() == null
                        ? record.getMessage()
                        : MessageFormat.format(record.getMessage(), record.getParameters());
                String trimmed = message.trim();
                if (trimmed.startsWith("FE=> Parse(stmt=")) {
                    String stmt = trimmed.substring("FE=> Parse(stmt=".length(), trimmed.indexOf(','));
                    int q = trimmed.indexOf("query=\"");
                    String query = trimmed.substring(q + 7, trimmed.lastIndexOf("\",oids"));
                    if (stmt.equals("null")) {
                        unnamed[0] = query;
                    } else {
                        named.put(stmt, query);
                    }
                } else if (trimmed.startsWith("FE=> Bind(stmt=")) {
                    String stmt = trimmed.substring("FE=> Bind(stmt=".length(), trimmed.indexOf(','));
                    bound[0] = stmt.equals("null") ? unnamed[0] : named.getOrDefault(stmt, "? " + stmt);
                } else if (trimmed.startsWith("FE=> Execute(")) {
                    executed.add(bound[0]);
                } else if (trimmed.startsWith("FE=> SimpleQuery(query=\"")) {
                    executed.add(trimmed.substring(24, trimmed.length() - 2));
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        handler.setLevel(Level.ALL);
        logger.addHandler(handler);
        logger.setLevel(Level.FINEST);
        try {
            work.run();
        } finally {
            logger.setLevel(before);
            logger.removeHandler(handler);
        }
        return executed;
    }

    /** The statements as lines, each with its position, for a report. */
    public static String listed(List<String> statements) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < statements.size(); i++) {
            String sql = String.valueOf(statements.get(i)).replaceAll("\\s+", " ");
            text.append(String.format("%3d  %s%n", i + 1, sql.length() > 160 ? sql.substring(0, 160) + "…" : sql));
        }
        return text.toString();
    }
}
