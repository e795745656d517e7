package org.zhengwu.cases.lifecycle;

import org.zhengwu.cases.CaseAccess;
import org.zhengwu.cases.CaseStatus;

/**
 * What a member of staff can do to a case, the process task it completes, the status it must be in and the
 * permission it needs. One table, so that the workbench shows exactly the actions the service allows.
 */
public enum HandlingAction {
    ACCEPT("accept", CaseStatus.SUBMITTED, CaseAccess.ACCEPT),
    REFUSE("accept", CaseStatus.SUBMITTED, CaseAccess.ACCEPT),
    REQUEST_CORRECTION("accept", CaseStatus.SUBMITTED, CaseAccess.ACCEPT),
    /** 即办件: accepted and decided in one step. */
    APPROVE_AT_COUNTER("accept", CaseStatus.SUBMITTED, CaseAccess.ACCEPT),
    DENY_AT_COUNTER("accept", CaseStatus.SUBMITTED, CaseAccess.ACCEPT),
    UNDERTAKE("undertake", CaseStatus.UNDER_REVIEW, CaseAccess.REVIEW),
    AUDIT("audit", CaseStatus.UNDER_REVIEW, CaseAccess.REVIEW),
    APPROVE("approve", CaseStatus.UNDER_REVIEW, CaseAccess.APPROVE),
    DENY("approve", CaseStatus.UNDER_REVIEW, CaseAccess.APPROVE),
    DELIVER("deliver", CaseStatus.COMPLETED, CaseAccess.ACCEPT);

    private final String task;
    private final CaseStatus from;
    private final String permission;

    HandlingAction(String task, CaseStatus from, String permission) {
        this.task = task;
        this.from = from;
        this.permission = permission;
    }

    public String task() {
        return task;
    }

    public CaseStatus from() {
        return from;
    }

    public String permission() {
        return permission;
    }

    /** Whether this action fits a case in that status, at that process step, of that kind. */
    public boolean fits(CaseStatus status, String stage, boolean immediate) {
        if (status != from || !task.equals(stage)) {
            return false;
        }
        return switch (this) {
            case ACCEPT -> !immediate;
            case APPROVE_AT_COUNTER, DENY_AT_COUNTER -> immediate;
            default -> true;
        };
    }

    /** Actions that end with a reason the applicant must be given (行政许可法 §38: 不予 needs its reasons). */
    public boolean needsReason() {
        return this == REFUSE || this == DENY || this == DENY_AT_COUNTER || this == REQUEST_CORRECTION;
    }
}
