package org.zhengwu.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.cases.CaseNumber;
import org.zhengwu.cases.CaseStatus;
import org.zhengwu.cases.lifecycle.CaseRecords;
import org.zhengwu.shared.files.FileStore;
import org.zhengwu.shared.files.StoredFile;

/**
 * A submitted case put straight into the tables, for tests of who may see it (authorisation, forms): no process
 * instance runs behind it, so a step taken on it fails; tests of the lifecycle submit through {@code CaseLifecycle}.
 */
public final class TestCases {

    private TestCases() {}

    public record Submitted(long id, CaseNumber number) {}

    /** A one-page PDF kept in the file store and recorded as the case's first material; its id. */
    public static long material(CaseRecords records, FileStore store, long caseId) {
        try {
            StoredFile stored = store.store(new java.io.ByteArrayInputStream(PDF));
            records.addMaterial(
                    caseId,
                    1,
                    "申请书",
                    new CaseRecords.StoredUpload(stored.key(), "申请书.pdf", "PDF", stored.size(), stored.sm3()),
                    0,
                    Instant.now());
            return records.materials(caseId).get(0).id();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static final byte[] PDF = ("""
            %PDF-1.4
            1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
            2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
            trailer << /Root 1 0 R >>
            %%EOF
            """).getBytes(java.nio.charset.StandardCharsets.US_ASCII);

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
        records.markSubmitted(
                id,
                number.value(),
                UUID.randomUUID(),
                today,
                today.plusDays(14),
                new CaseRecords.Handling("standardCase", 1, "none", null, null, null),
                now);
        return new Submitted(id, number);
    }

    /** A case decided (办结, 准予) straight in the tables, as its applicant may rate it. */
    public static Submitted completed(
            CaseRecords records, String organisationUscc, String divisionCode, long applicantAccountId) {
        Submitted submitted = submitted(records, organisationUscc, divisionCode, applicantAccountId);
        Instant now = Instant.now();
        boolean moved = records.transition(
                submitted.id(),
                1,
                CaseStatus.SUBMITTED,
                CaseRecords.Change.to(CaseStatus.COMPLETED, "deliver")
                        .accepted(now)
                        .decided("APPROVED", null, now),
                now);
        if (!moved) {
            throw new IllegalStateException("case " + submitted.id() + " was not completed");
        }
        return submitted;
    }

    /** A case rated 非常不满意 by its applicant, with its rectification task, straight in the tables. */
    public record PoorlyRated(long caseId, CaseNumber number, long taskId) {}

    /**
     * A completed case of the applicant's, rated 5 (非常不满意) today, whose rectification task is open or, with
     * {@code rectified}, already recorded.
     */
    public static PoorlyRated poorlyRated(
            CaseRecords records,
            JdbcClient jdbc,
            String organisationUscc,
            String divisionCode,
            long applicantAccountId,
            boolean rectified) {
        Submitted c = completed(records, organisationUscc, divisionCode, applicantAccountId);
        java.sql.Timestamp now = java.sql.Timestamp.from(Instant.now());
        long rating = jdbc.sql("""
                        INSERT INTO cases_rating (case_id, score, comment, rated_by, rated_at)
                        VALUES (:case, 5, '等了很久', :by, :now) RETURNING id""")
                .param("case", c.id())
                .param("by", applicantAccountId)
                .param("now", now)
                .query(Long.class)
                .single();
        LocalDate today = LocalDate.now(org.zhengwu.shared.time.BusinessTime.ZONE);
        long task = jdbc.sql("""
                        INSERT INTO cases_rectification (rating_id, case_id, organisation_uscc, division_code, opened_on,
                            due_on, status, measures, rectified_at, rectified_by, rectified_by_name)
                        VALUES (:rating, :case, :uscc, :division, :today, :due, :status, :measures, :at, :by, :by)
                        RETURNING id""")
                .param("rating", rating)
                .param("case", c.id())
                .param("uscc", organisationUscc)
                .param("division", divisionCode)
                .param("today", today)
                .param("due", today.plusDays(21))
                .param("status", rectified ? "RECTIFIED" : "OPEN")
                .param("measures", rectified ? "已向申请人说明并改进流程" : null)
                .param("at", rectified ? now : null)
                .param("by", rectified ? "test" : null)
                .query(Long.class)
                .single();
        return new PoorlyRated(c.id(), c.number(), task);
    }
}
