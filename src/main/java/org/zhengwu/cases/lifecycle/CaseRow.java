package org.zhengwu.cases.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.zhengwu.cases.CaseStatus;
import org.zhengwu.catalog.CaseHandling;

/**
 * One case as stored, personal data still sealed; {@code bundleId} names the 一件事 it is a branch of, if any. {@code
 * processKey} and {@code processVersion} name the process definition it was started on, the {@code …Roles} the roles
 * its entry named for each review stage then (null: the stage's permission) — fixed at submission.
 */
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
        Long bundleId,
        String processKey,
        Integer processVersion,
        List<String> undertakeRoles,
        List<String> auditRoles,
        List<String> approveRoles) {

    public boolean immediate() {
        return "1".equals(caseKind);
    }

    /**
     * The roles the entry named for a review stage when the case was submitted; null when the stage is open to whoever
     * holds its case permission (the default, and every case submitted before stage roles existed).
     */
    public List<String> rolesOf(String stage) {
        return switch (stage) {
            case CaseHandling.UNDERTAKE -> undertakeRoles;
            case CaseHandling.AUDIT -> auditRoles;
            case CaseHandling.APPROVE -> approveRoles;
            default -> null;
        };
    }
}
