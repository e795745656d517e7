package org.zhengwu.cases.rating;

import java.time.Instant;
import java.time.LocalDate;

/**
 * 回访: one call or visit to the applicant after the rectification. {@code satisfactionAfter} uses the rating's scale
 * and is known only when the applicant was reached.
 */
public record FollowUp(
        long id,
        LocalDate visitedOn,
        Contact contact,
        Integer satisfactionAfter,
        String notes,
        String recordedByName,
        Instant recordedAt) {

    public enum Contact {
        /** 已联系上 */
        REACHED,
        /** 未能联系上 */
        NOT_REACHED,
        /** 申请人拒绝回访 */
        DECLINED
    }
}
