package org.zhengwu.cases.rating;

/** The fixed tags an applicant may add to a rating, named by {@code cases.rating.tag.<name>}. */
public enum RatingTag {
    /** 办事效率 */
    EFFICIENCY,
    /** 服务态度 */
    ATTITUDE,
    /** 材料要求 */
    MATERIALS,
    /** 网上办理体验 */
    ONLINE,
    /** 收费 */
    FEES,
    /** 其他 */
    OTHER
}
