package org.zhengwu.cases;

/**
 * Where a case stands in the national lifecycle (GB/T 39046 办件状态, grouped as applicants and supervisors follow
 * them). {@link #stage} within {@link #UNDER_REVIEW} says which review step (承办, 审核, 审批) holds it.
 */
public enum CaseStatus {
    /** Being filled in by the applicant; no case number yet. */
    DRAFT,
    /** 申请: waiting for the counter to accept it. */
    SUBMITTED,
    /** 补正告知: waiting for the applicant to supply what was asked. */
    CORRECTION_REQUESTED,
    /** 不予受理. */
    REFUSED,
    /** Withdrawn by the applicant before acceptance. */
    WITHDRAWN,
    /** 受理 and 审查: accepted and being examined. */
    UNDER_REVIEW,
    /** 办结: decided (准予 or 不予), waiting for 送达. */
    COMPLETED,
    /** 送达: the decision has reached the applicant. */
    DELIVERED;

    public boolean open() {
        return this == SUBMITTED || this == CORRECTION_REQUESTED || this == UNDER_REVIEW || this == COMPLETED;
    }
}
