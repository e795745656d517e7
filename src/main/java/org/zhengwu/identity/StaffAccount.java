package org.zhengwu.identity;

import java.util.Set;

/** A staff member who signs in with a username and password. */
public record StaffAccount(
        long id, String username, String displayName, String organisationUscc, boolean enabled, Set<Role> roles) {

    public StaffAccount {
        roles = Set.copyOf(roles);
    }
}
