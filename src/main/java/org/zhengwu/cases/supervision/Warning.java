package org.zhengwu.cases.supervision;

import java.time.Instant;
import java.time.LocalDate;

/** One 电子监察 warning with the case it was raised on. */
public record Warning(
        long id,
        long caseId,
        String caseNumber,
        String itemName,
        WarningLevel level,
        LocalDate dueOn,
        String organisationUscc,
        String divisionCode,
        Instant raisedAt,
        Instant resolvedAt,
        Resolution resolution,
        String resolutionNote,
        String resolvedBy) {

    public boolean open() {
        return resolvedAt == null;
    }
}
