package org.zhengwu.shared.access;

/** Who a role is for. */
public enum Audience {
    /** Members of staff, who sign in with a password and a second factor and belong to an organisation (or to the platform). */
    STAFF
}
