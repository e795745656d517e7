package org.zhengwu.cases.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.cases.CaseNumber;
import org.zhengwu.cases.lifecycle.CaseRecords;
import org.zhengwu.shared.time.BusinessTime;

/**
 * Cases put straight into the tables at a chosen point of their clock, for tests of warnings and special procedures on
 * known days of the calendar. No process instance runs behind them: a step of the lifecycle taken on one fails.
 */
final class ClockCases {

    /** 合肥市市场监督管理局 (340100). */
    static final String HEFEI_MARKET = "11340100662167280R";

    record Case(long id, String number) {}

    private final CaseRecords records;
    private final JdbcClient jdbc;

    ClockCases(CaseRecords records, JdbcClient jdbc) {
        this.records = records;
        this.jdbc = jdbc;
    }

    /** Received and accepted on {@code acceptedOn} (at ten in the morning), under review, due on {@code dueOn}. */
    Case underReview(String uscc, String division, LocalDate acceptedOn, int promisedDays, LocalDate dueOn) {
        Case c = submitted(uscc, division, acceptedOn, promisedDays, dueOn);
        jdbc.sql("""
                        UPDATE cases_case SET status = 'UNDER_REVIEW', stage = 'undertake', accepted_at = :accepted,
                            lock_version = lock_version + 1
                        WHERE id = :id""")
                .param("accepted", java.sql.Timestamp.from(at(acceptedOn)))
                .param("id", c.id())
                .update();
        return c;
    }

    /** Received on {@code receivedOn}, waiting at the counter, due on {@code dueOn}. */
    Case submitted(String uscc, String division, LocalDate receivedOn, int promisedDays, LocalDate dueOn) {
        Instant now = Instant.now();
        long id = records.insertDraft(
                new CaseRecords.NewDraft(
                        "1",
                        null,
                        null,
                        null,
                        "clock-test",
                        null,
                        null,
                        "11340100662167280R2000000000000",
                        1,
                        "时限测试事项",
                        "01",
                        uscc,
                        division,
                        "2",
                        promisedDays * 2,
                        promisedDays),
                now);
        CaseNumber number = CaseNumber.of(division, receivedOn, records.nextSequence(division, receivedOn));
        records.markSubmitted(
                id,
                number.value(),
                UUID.randomUUID(),
                receivedOn,
                dueOn,
                new CaseRecords.Handling("standardCase", 1, "none", null, null, null),
                now);
        return new Case(id, number.value());
    }

    void status(Case c, String status) {
        jdbc.sql("UPDATE cases_case SET status = :status, stage = NULL WHERE id = :id")
                .param("status", status)
                .param("id", c.id())
                .update();
    }

    LocalDate due(Case c) {
        return jdbc.sql("SELECT due_on FROM cases_case WHERE id = :id")
                .param("id", c.id())
                .query((rs, n) -> rs.getObject(1, LocalDate.class))
                .list()
                .get(0);
    }

    static Instant at(LocalDate day) {
        return day.atTime(LocalTime.of(10, 0)).atZone(BusinessTime.ZONE).toInstant();
    }
}
