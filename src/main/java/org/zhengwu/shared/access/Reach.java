package org.zhengwu.shared.access;

/**
 * Which objects a member of staff reaches with a permission. The platform's own staff (who belong to no
 * organisation) reach every object whatever the permission; the public reaches none through a permission.
 */
public enum Reach {
    /** The objects of the holder's own organisation, e.g. drafting that organisation's catalogue entries. */
    ORGANISATION,
    /**
     * Also the objects located in the holder's organisation's division and the divisions below it: a reviewer at a
     * city's 政务服务管理局 reviews every department of the city and of its districts and counties.
     */
    REGION
}
