package org.zhengwu.shared.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure caused by the database being out of reach (no connection could be had, or the one in use broke)
 * from every other failure, so that it is answered 503 with {@code Retry-After} instead of 500: the request was
 * sound, the platform will serve it again once the pool reconnects. The whole cause chain is read, since the
 * database's failure arrives wrapped by Spring's translation, by Flowable or by MyBatis.
 */
final class DatabaseUnavailable {

    /** Seconds a client is asked to wait before trying again (the header {@code Retry-After}). */
    static final int RETRY_AFTER_SECONDS = 10;

    private DatabaseUnavailable() {}

    static boolean causedBy(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && connectionState(sql.getSQLState())) {
                return true;
            }
            if (t instanceof TransactionSystemException tse) {
                // The commit or the rollback failed at the JDBC level: the connection broke under the transaction
                // (its rollback then hides the failure that started it, kept as the application exception).
                if (tse.getCause() instanceof SQLException
                        || (tse.getApplicationException() != null && causedBy(tse.getApplicationException()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * SQLSTATE class 08 (connection exception), and the server going away: 57P01 admin shutdown, 57P02 crash
     * shutdown, 57P03 cannot connect now (starting up or shutting down).
     */
    private static boolean connectionState(String state) {
        return state != null
                && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"));
    }
}
