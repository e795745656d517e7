package org.zhengwu.shared.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.support.ZhengwuTest;

/** The chained accountability log: append-only, and any alteration or removal is found and named. */
@ZhengwuTest
class AccountabilityLogTests {

    @Autowired
    AccountabilityLog log;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditRetention retention;

    private AuditEntry record(String objectId) {
        return log.record(AuditEvent.success("tester", "test.action", "thing", objectId).withDetails("详情"));
    }

    @Test
    void entriesAreChainedAndTheChainVerifies() {
        AuditEntry first = record("1");
        AuditEntry second = record("2");
        assertThat(second.seq()).isEqualTo(first.seq() + 1);
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(log.verify().intact()).isTrue();
        assertThat(log.search(new AccountabilityLog.Query("tester", "thing", "2", null, null, null), 10, 0))
                .extracting(AuditEntry::seq).containsExactly(second.seq());
    }

    @Test
    void theApplicationCannotChangeOrDeleteAnEntry() {
        AuditEntry entry = record("immutable");
        assertThatThrownBy(() -> jdbc.sql("UPDATE shared_audit_entry SET actor = 'x' WHERE seq = :seq")
                .param("seq", entry.seq()).update()).isInstanceOf(DataAccessException.class).hasMessageContaining("cannot be changed");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM shared_audit_entry WHERE seq = :seq")
                .param("seq", entry.seq()).update()).isInstanceOf(DataAccessException.class).hasMessageContaining("younger than 180 days");
    }

    @Test
    void anEntryAlteredDirectlyInTheDatabaseIsNamed() {
        record("before");
        AuditEntry victim = record("victim");
        record("after");
        Map<String, Object> original = jdbc.sql("SELECT actor FROM shared_audit_entry WHERE seq = :seq")
                .param("seq", victim.seq()).query().singleRow();
        try {
            tamper("UPDATE shared_audit_entry SET actor = 'someone-else' WHERE seq = " + victim.seq());
            ChainVerification result = log.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBad()).isEqualTo(victim.seq());
            assertThat(result.problem()).isEqualTo(ChainVerification.Problem.ALTERED);
        } finally {
            tamper("UPDATE shared_audit_entry SET actor = '" + original.get("actor") + "' WHERE seq = " + victim.seq());
        }
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void aRemovedEntryIsNamed() {
        record("before");
        AuditEntry victim = record("victim");
        record("after");
        Map<String, Object> row = jdbc.sql("SELECT * FROM shared_audit_entry WHERE seq = :seq").param("seq", victim.seq())
                .query().singleRow();
        try {
            tamper("DELETE FROM shared_audit_entry WHERE seq = " + victim.seq());
            ChainVerification result = log.verify();
            assertThat(result.firstBad()).isEqualTo(victim.seq());
            assertThat(result.problem()).isEqualTo(ChainVerification.Problem.MISSING);
        } finally {
            jdbc.sql("""
                            INSERT INTO shared_audit_entry (seq, occurred_at, actor, acting_for, action, object_type, object_id,
                                outcome, client_ip, request_id, details, prev_hash, hash)
                            VALUES (:seq, :occurred_at, :actor, :acting_for, :action, :object_type, :object_id, :outcome,
                                :client_ip, :request_id, :details, :prev_hash, :hash)""").params(row).update();
        }
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void retentionIsNeverShorterThan180DaysAndKeepsYoungEntries() {
        assertThat(new AuditRetention(jdbc, java.time.Clock.systemUTC(), java.time.Duration.ofDays(30)).retention())
                .isEqualTo(AuditRetention.MINIMUM);
        AuditEntry young = record("young");
        retention.removeExpired();
        assertThat(jdbc.sql("SELECT count(*) FROM shared_audit_entry WHERE seq = :seq").param("seq", young.seq())
                .query(Long.class).single()).isEqualTo(1);
    }

    /** What an intruder with database-owner rights could do: switch the guard off, change the table, switch it on. */
    private void tamper(String sql) {
        jdbc.sql("ALTER TABLE shared_audit_entry DISABLE TRIGGER shared_audit_append_only").update();
        try {
            jdbc.sql(sql).update();
        } finally {
            jdbc.sql("ALTER TABLE shared_audit_entry ENABLE TRIGGER shared_audit_append_only").update();
        }
    }
}
