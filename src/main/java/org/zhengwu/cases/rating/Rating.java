package org.zhengwu.cases.rating;

import java.time.Instant;
import java.util.List;

/**
 * An applicant's rating of a case (GB/T 39046 A.8 好差评): 1 非常满意, 2 满意, 3 基本满意, 4 不满意, 5 非常不满意.
 */
public record Rating(long id, long caseId, int score, String comment, List<RatingTag> tags, Instant ratedAt) {

    /** 差评: 不满意 and 非常不满意, which open a rectification task. */
    public static final int FIRST_BAD_SCORE = 4;

    public static final int LOWEST = 1;
    public static final int HIGHEST = 5;

    public boolean bad() {
        return isBad(score);
    }

    public static boolean isBad(int score) {
        return score >= FIRST_BAD_SCORE;
    }
}
