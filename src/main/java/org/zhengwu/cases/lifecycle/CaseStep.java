package org.zhengwu.cases.lifecycle;

import java.time.Instant;
import org.zhengwu.cases.CaseStatus;

/** One line of a case's timeline. */
public record CaseStep(
        Instant at,
        String step,
        CaseStatus statusAfter,
        String actorKind,
        Long actorAccount,
        String actorName,
        String opinion,
        boolean opinionPublic) {}
