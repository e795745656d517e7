package org.zhengwu.cases.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.zhengwu.cases.CaseStatus;

/** One case as stored, personal data still sealed; {@code bundleId} names the 一件事 it is a branch of, if any. */
public record CaseRow(
        long id,
        String caseNumber,
        CaseStatus status,
        String stage,
        int lockVersion,
        String channel,
        Long applicantAccountId,
        Long agentAccountId,
        String actingForUscc,
        String registeredBy,
        byte[] applicantName,
        byte[] formValues,
        String implementationCode,
        int itemVersion,
        String itemName,
        String itemType,
        String organisationUscc,
        String divisionCode,
        String caseKind,
        Integer statutoryDays,
        Integer promisedDays,
        UUID submissionKey,
        LocalDate receivedOn,
        LocalDate dueOn,
        String decision,
        String decisionReason,
        String processInstanceId,
        Instant createdAt,
        Instant updatedAt,
        Instant submittedAt,
        Instant acceptedAt,
        Instant decidedAt,
        Instant completedAt,
        Long bundleId) {

    public boolean immediate() {
        return "1".equals(caseKind);
    }
}
