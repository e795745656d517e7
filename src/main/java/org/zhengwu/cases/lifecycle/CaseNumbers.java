package org.zhengwu.cases.lifecycle;

import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.zhengwu.cases.CaseNumber;

/**
 * Takes case numbers in a transaction of their own, before the submission that uses one begins. The sequence row of a
 * division and day is the one row every submission of that division and day writes: taken inside the submitting
 * transaction it stayed locked through the process start, the case, timeline, outbox and audit writes and the durable
 * commit, so that a division's submissions committed one at a time (docs/BENCHMARKS.md, issue 10). Here it is locked
 * for one statement and a commit that does not wait for the disk. No number is given twice even after a crash: a
 * submission that uses the number commits durably later, and its commit flushes the log up to its own record, past
 * the sequence's. A submission that fails after taking its number leaves a gap in the day's sequence, which the
 * number's format allows (docs/CASES.md).
 */
@Component
class CaseNumbers {

    private final CaseRecords records;
    private final JdbcClient jdbc;

    CaseNumbers(CaseRecords records, JdbcClient jdbc) {
        this.records = records;
        this.jdbc = jdbc;
    }

    /** The next number of a division and day, committed at once (without waiting for the disk). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public CaseNumber take(String divisionCode, LocalDate day) {
        jdbc.sql("SET LOCAL synchronous_commit TO OFF").update();
        return CaseNumber.of(divisionCode, day, records.nextSequence(divisionCode, day));
    }
}
