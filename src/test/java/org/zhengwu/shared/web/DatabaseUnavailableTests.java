package org.zhengwu.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures are the database out of reach (503), as they arrived in the fault drills, and which are not. */
class DatabaseUnavailableTests {

    @Test
    void theDatabaseOutOfReachIsRecognisedHoweverWrapped() {
        assertThat(DatabaseUnavailable.causedBy(new CannotGetJdbcConnectionException(
                        "no connection", new SQLTransientConnectionException("request timed out after 5000ms"))))
                .isTrue();
        // PostgreSQL stopped under a transaction: FATAL 57P01, wrapped by whatever ran the statement
        assertThat(DatabaseUnavailable.causedBy(new IllegalStateException(
                        "flowable", new SQLException("terminating connection due to administrator command", "57P01"))))
                .isTrue();
        assertThat(DatabaseUnavailable.causedBy(
                        new RuntimeException(new SQLException("An I/O error occurred while sending", "08006"))))
                .isTrue();
        // R2: the rollback failed on the broken connection and hid the failure that started it
        TransactionSystemException rollback =
                new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        assertThat(DatabaseUnavailable.causedBy(rollback)).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("a bug")))
                .isFalse();
        assertThat(DatabaseUnavailable.causedBy(
                        new DataIntegrityViolationException("constraint", new SQLException("duplicate key", "23505"))))
                .isFalse();
        assertThat(DatabaseUnavailable.causedBy(new TransactionSystemException("no JDBC cause")))
                .isFalse();
    }
}
