package org.zhengwu.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhengwu.support.ZhengwuTest;

/** The large logs are partitioned by month, months are made ahead, and whole months are dropped. */
@ZhengwuTest
class TimePartitionsTests {

    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMM");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    TimePartitions partitions;

    @Autowired
    PlatformTransactionManager transactions;

    @AfterEach
    void dropTheTestTable() {
        jdbc.sql("DROP TABLE IF EXISTS zz_test_log").update();
    }

    private List<String> partitionsOf(String table) {
        return jdbc.sql("""
                        SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                        WHERE i.inhparent = to_regclass(:table) ORDER BY c.relname""").param("table", table).query(String.class).list();
    }

    @Test
    void theLogsHaveTheirMonthsFromThisOneToThreeAheadAndADefault() {
        YearMonth now = YearMonth.now(TimePartitions.ZONE);
        for (String table : List.of("shared_audit_entry", "exchange_access")) {
            List<String> months = partitionsOf(table);
            assertThat(months).as(table).contains(table + "_default");
            for (int ahead = 0; ahead <= TimePartitions.MONTHS_AHEAD; ahead++) {
                assertThat(months)
                        .as(table)
                        .contains(table + "_p" + now.plusMonths(ahead).format(SUFFIX));
            }
        }
    }

    @Test
    void monthsAreMadeAheadOnceAndNotOverRowsAlreadyInTheDefaultPartition() {
        jdbc.sql("CREATE TABLE zz_test_log (at TIMESTAMP WITH TIME ZONE NOT NULL) PARTITION BY RANGE (at)")
                .update();
        jdbc.sql("CREATE TABLE zz_test_log_default PARTITION OF zz_test_log DEFAULT")
                .update();
        YearMonth start = YearMonth.of(2040, 1);
        // A row of February 2040 (Shanghai) already sits in the default partition.
        jdbc.sql("INSERT INTO zz_test_log (at) VALUES (:at)")
                .param(
                        "at",
                        Timestamp.from(TimePartitions.start(start.plusMonths(1)).plusSeconds(60)))
                .update();
        Clock then = Clock.fixed(TimePartitions.start(start).plusSeconds(3600), ZoneOffset.UTC);

        assertThat(TimePartitions.addMonthsAhead(dataSource, then)).isGreaterThanOrEqualTo(3);
        assertThat(partitionsOf("zz_test_log"))
                .containsExactly(
                        "zz_test_log_default", "zz_test_log_p204001", "zz_test_log_p204003", "zz_test_log_p204004");
        assertThat(TimePartitions.addMonthsAhead(dataSource, then))
                .as("a second upkeep finds every month made")
                .isZero();

        // A month's first instant in Shanghai goes to that month, the instant before to the month before.
        jdbc.sql("INSERT INTO zz_test_log (at) VALUES (:first), (:before)")
                .param("first", Timestamp.from(TimePartitions.start(start.plusMonths(2))))
                .param(
                        "before",
                        Timestamp.from(TimePartitions.start(start.plusMonths(2)).minusNanos(1000)))
                .update();
        assertThat(jdbc.sql("SELECT tableoid::regclass::text FROM zz_test_log ORDER BY at")
                        .query(String.class)
                        .list())
                .containsExactly("zz_test_log_default", "zz_test_log_default", "zz_test_log_p204003");
    }

    @Test
    void wholeMonthsBeforeACutoffAreDroppedWithTheirRowsInTheCallersTransaction() {
        jdbc.sql("CREATE TABLE zz_test_log (at TIMESTAMP WITH TIME ZONE NOT NULL) PARTITION BY RANGE (at)")
                .update();
        jdbc.sql("CREATE TABLE zz_test_log_default PARTITION OF zz_test_log DEFAULT")
                .update();
        YearMonth start = YearMonth.of(2041, 1);
        TimePartitions.addMonthsAhead(dataSource, Clock.fixed(TimePartitions.start(start), ZoneOffset.UTC));
        for (int month = 0; month < 3; month++) {
            jdbc.sql("INSERT INTO zz_test_log (at) VALUES (:at), (:at)")
                    .param(
                            "at",
                            Timestamp.from(TimePartitions.start(start.plusMonths(month))
                                    .plusSeconds(5)))
                    .update();
        }
        // February ends at the cutoff; March has not ended.
        var cutoff = TimePartitions.start(start.plusMonths(2)).plusSeconds(1);
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        long dropped = transaction.execute(status -> {
            List<TimePartitions.Month> months = partitions.wholeMonthsBefore("zz_test_log", cutoff);
            assertThat(months)
                    .extracting(TimePartitions.Month::partition)
                    .containsExactly("zz_test_log_p204101", "zz_test_log_p204102");
            return months.stream()
                    .mapToLong(month -> partitions.drop("zz_test_log", month))
                    .sum();
        });
        assertThat(dropped).isEqualTo(4);
        // Only a month of the table named is dropped, whatever a caller hands in.
        YearMonth march = start.plusMonths(2);
        TimePartitions.Month notAMonth = new TimePartitions.Month(
                "identity_account", march, TimePartitions.start(march), TimePartitions.start(march.plusMonths(1)));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> transaction.executeWithoutResult(status -> partitions.drop("zz_test_log", notAMonth)));
        TimePartitions.Month otherTables = new TimePartitions.Month(
                "shared_audit_entry_p204103",
                march,
                TimePartitions.start(march),
                TimePartitions.start(march.plusMonths(1)));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> transaction.executeWithoutResult(status -> partitions.drop("zz_test_log", otherTables)));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> partitions.wholeMonthsBefore("zz_test_log; DROP TABLE x", cutoff));
        assertThat(jdbc.sql("SELECT count(*) FROM zz_test_log")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(partitionsOf("zz_test_log")).doesNotContain("zz_test_log_p204101", "zz_test_log_p204102");

        // Rolled back with the caller's transaction, the month is there again with its rows.
        transaction.executeWithoutResult(status -> {
            status.setRollbackOnly();
            partitions
                    .wholeMonthsBefore("zz_test_log", TimePartitions.start(start.plusMonths(4)))
                    .forEach(month -> partitions.drop("zz_test_log", month));
        });
        assertThat(jdbc.sql("SELECT count(*) FROM zz_test_log")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }
}
