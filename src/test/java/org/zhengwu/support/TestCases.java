package org.zhengwu.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.zhengwu.cases.CaseNumber;
import org.zhengwu.cases.lifecycle.CaseRecords;

/**
 * A submitted case put straight into the tables, for tests of who may see it (authorisation, forms): no process
 * instance runs behind it, so a step taken on it fails; tests of the lifecycle submit through {@code CaseLifecycle}.
 */
public final class TestCases {

    private TestCases() {}

    public record Submitted(long id, CaseNumber number) {}

    public static Submitted submitted(
            CaseRecords records, String organisationUscc, String divisionCode, long applicantAccountId) {
        Instant now = Instant.now();
        long id = records.insertDraft(
                new CaseRecords.NewDraft(
                        "2",
                        applicantAccountId,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "11340100662167280R2000000000000",
                        1,
                        "测试事项",
                        "01",
                        organisationUscc,
                        divisionCode,
                        "2",
                        20,
                        10),
                now);
        LocalDate today = LocalDate.now(org.zhengwu.shared.time.BusinessTime.ZONE);
        CaseNumber number = CaseNumber.of(divisionCode, today, records.nextSequence(divisionCode, today));
        records.markSubmitted(id, number.value(), UUID.randomUUID(), today, today.plusDays(14), "none", now);
        return new Submitted(id, number);
    }
}
