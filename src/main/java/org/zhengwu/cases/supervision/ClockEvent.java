package org.zhengwu.cases.supervision;

import java.time.Instant;
import java.time.LocalDate;

/** One special procedure recorded on a case: a pause (open while {@code endedOn} is null) or an extension. */
public record ClockEvent(
        long id,
        long caseId,
        ClockEventKind kind,
        String reason,
        LocalDate startedOn,
        LocalDate endedOn,
        Integer extensionDays,
        String startedBy,
        String endedBy,
        Instant recordedAt,
        Instant endedAt) {

    public boolean open() {
        return kind.pause() && endedOn == null;
    }
}
