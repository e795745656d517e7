package org.zhengwu.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.zhengwu.cases.CaseNumber;
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
        records.markSubmitted(id, number.value(), UUID.randomUUID(), today, today.plusDays(14), "none", now);
        return new Submitted(id, number);
    }
}
