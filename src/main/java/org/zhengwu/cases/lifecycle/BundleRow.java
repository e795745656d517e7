package org.zhengwu.cases.lifecycle;

import java.time.Instant;
import java.util.UUID;

/**
 * One application for a 一件事 as stored, personal data still sealed: a draft until it is submitted, then SUBMITTED
 * while any branch is open and COMPLETED once none is.
 */
public record BundleRow(
        long id,
        String bundleNumber,
        String status,
        int lockVersion,
        String bundleCode,
        String bundleName,
        String divisionCode,
        long applicantAccountId,
        byte[] applicantName,
        byte[] formValues,
        UUID submissionKey,
        Instant createdAt,
        Instant updatedAt,
        Instant submittedAt,
        Instant completedAt) {

    public static final String DRAFT = "DRAFT";
    public static final String SUBMITTED = "SUBMITTED";
    public static final String COMPLETED = "COMPLETED";

    public boolean draft() {
        return DRAFT.equals(status);
    }
}
