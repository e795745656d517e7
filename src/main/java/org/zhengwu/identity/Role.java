package org.zhengwu.identity;

/**
 * The staff roles. They mirror table {@code identity_role}, which also lists the permissions each grants; Spring
 * Security sees a role as authority {@code ROLE_<name>} and each permission as an authority of its own.
 */
public enum Role {
    /** Platform administrator: accounts, clients, reference data, the accountability log. */
    ADMIN,
    /** Drafts and edits catalogue entries of the organisations in scope (事项编制). */
    CATALOG_EDITOR,
    /** Reviews, publishes and withdraws catalogue entries in scope (事项审核发布). */
    CATALOG_REVIEWER,
    /** Confirms a citizen's identity at a service counter (实名等级 L4). */
    IDENTITY_CLERK;

    public String authority() {
        return "ROLE_" + name();
    }
}
