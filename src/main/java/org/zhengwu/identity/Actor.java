package org.zhengwu.identity;

import java.util.Set;
import java.util.UUID;

/**
 * A signed-in account as other modules see it: who, what kind, how well identified, which roles, and which data
 * it may reach.
 */
public record Actor(long accountId, UUID subjectId, String username, String displayName, AccountType type,
                    RealNameLevel realNameLevel, Set<Role> roles, DataScope scope) {

    /** The authority of a staff session that has passed the password but not yet the second factor. */
    public static final String MFA_PENDING = "MFA_PENDING";

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
