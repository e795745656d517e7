package org.zhengwu.exchange.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhengwu.exchange.ExchangeFixture;
import org.zhengwu.shared.database.TimePartitions;
import org.zhengwu.support.ZhengwuTest;

/** The access log is kept for ever unless a retention is set, and then never less than 180 days. */
@ZhengwuTest
class AccessLogRetentionTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TimePartitions partitions;

    @Autowired
    AccessLogRetention retention;

    @Autowired
    PlatformTransactionManager transactions;

    private void access(long grant, String resource, String subject, Instant at) {
        jdbc.sql("""
                        INSERT INTO exchange_access (accessed_at, client_id, consumer_uscc, grant_id, purpose,
                            resource_code, subject_index, fields, kind)
                        SELECT :at, 'retention-test', consumer_uscc, id, '测试', :resource, :subject, 'name', 'KEY'
                        FROM exchange_grant WHERE id = :grant""")
                .param("at", Timestamp.from(at))
                .param("resource", resource)
                .param("subject", subject)
                .param("grant", grant)
                .update();
    }

    private long rowsOf(String subject) {
        return jdbc.sql("SELECT count(*) FROM exchange_access WHERE subject_index = :subject")
                .param("subject", subject)
                .query(Long.class)
                .single();
    }

    @Test
    void keptForEverByDefaultAndNeverLessThan180Days() {
        assertThat(retention.retention()).isZero();
        assertThat(retention.removeExpired()).isZero();
        assertThat(new AccessLogRetention(jdbc, Clock.systemUTC(), partitions, Duration.ofDays(7)).retention())
                .isEqualTo(AccessLogRetention.MINIMUM);
    }

    @Test
    void expiredMonthsAreDroppedAndExpiredRowsDeletedYoungerRowsKept() {
        ExchangeFixture fixture = new ExchangeFixture(jdbc);
        List<Map<String, Object>> organisations = fixture.organisations(2);
        String provider = (String) organisations.get(0).get("uscc");
        String consumer = (String) organisations.get(1).get("uscc");
        String resource = fixture.resource(
                provider,
                (String) organisations.get(0).get("division_code"),
                List.of(ExchangeFixture.Item.string("name", 20).key()));
        long grant =
                fixture.grant(resource, consumer, (String) organisations.get(1).get("division_code"), "name", "");
        Instant now = Instant.now();
        access(grant, resource, "retention-now", now);
        long everything = jdbc.sql("SELECT count(*) FROM exchange_access")
                .query(Long.class)
                .single();

        new TransactionTemplate(transactions).executeWithoutResult(transaction -> {
            transaction.setRollbackOnly();
            // A year on, with a year's retention: this month has just expired as a whole; a row of a day ago is kept.
            Clock later = Clock.fixed(now.plus(Duration.ofDays(400)), ZoneOffset.UTC);
            access(grant, resource, "retention-recent", later.instant().minus(Duration.ofDays(1)));
            long removed = new AccessLogRetention(jdbc, later, partitions, Duration.ofDays(365)).removeExpired();
            assertThat(removed).isEqualTo(everything);
            assertThat(rowsOf("retention-now")).isZero();
            assertThat(rowsOf("retention-recent")).isEqualTo(1);
            String month = "exchange_access_p"
                    + java.time.YearMonth.now(
                                    Clock.fixed(now, ZoneOffset.UTC).withZone(java.time.ZoneId.of("Asia/Shanghai")))
                            .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMM"));
            assertThat(jdbc.sql("SELECT to_regclass(:name) IS NULL")
                            .param("name", month)
                            .query(Boolean.class)
                            .single())
                    .as("this month's partition is dropped whole")
                    .isTrue();
        });
        assertThat(rowsOf("retention-now")).isEqualTo(1);
    }
}
