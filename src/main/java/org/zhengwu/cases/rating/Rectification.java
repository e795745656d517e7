package org.zhengwu.cases.rating;

import java.time.Instant;
import java.time.LocalDate;

/**
 * 差评整改: the task a bad rating opens for the case's department, due {@link #dueOn} (null when the working days
 * of that year are not known yet), and what the department did about it.
 */
public record Rectification(
        long id,
        long ratingId,
        long caseId,
        String organisationUscc,
        String divisionCode,
        LocalDate openedOn,
        LocalDate dueOn,
        Status status,
        String measures,
        Instant rectifiedAt,
        String rectifiedByName) {

    public enum Status {
        OPEN,
        RECTIFIED
    }

    public boolean open() {
        return status == Status.OPEN;
    }

    /** Open past its due date, or rectified after it. */
    public boolean late(LocalDate today, LocalDate rectifiedOn) {
        if (dueOn == null) {
            return false;
        }
        return open() ? today.isAfter(dueOn) : rectifiedOn != null && rectifiedOn.isAfter(dueOn);
    }
}
