package org.zhengwu.identity;

/** What a staff account may do. Spring Security sees each as authority {@code ROLE_<name>}. */
public enum Role {
    /** Platform administrator: accounts, reference data, monitoring. */
    ADMIN,
    /** Drafts and edits catalogue entries (事项编制). */
    CATALOG_EDITOR,
    /** Reviews, approves, publishes and withdraws catalogue entries (事项审核发布). */
    CATALOG_REVIEWER;

    public String authority() {
        return "ROLE_" + name();
    }
}
