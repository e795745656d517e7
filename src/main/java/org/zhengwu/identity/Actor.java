package org.zhengwu.identity;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A signed-in account as other modules see it: who, what kind, how well identified, which roles, and which data
 * it may reach.
 */
public record Actor(
        long accountId,
        UUID subjectId,
        String username,
        String displayName,
        AccountType type,
        RealNameLevel realNameLevel,
        Set<Role> roles,
        Set<String> permissions,
        DataScope scope) {

    /** The authority of a staff session that has passed the password but not yet the second factor. */
    public static final String MFA_PENDING = "MFA_PENDING";

    public Actor {
        roles = Set.copyOf(roles);
        permissions = Set.copyOf(permissions);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean may(String permission) {
        return permissions.contains(permission);
    }

    /**
     * May this actor, exercising {@code permission}, see or change an object owned by organisation
     * {@code ownerUscc} and located in division {@code divisionCode}? The question every module asks before it
     * shows or changes an object.
     */
    public boolean mayReach(String permission, String ownerUscc, String divisionCode) {
        return may(permission) && scope.covers(ownerUscc, divisionCode, Permission.worksAcrossRegion(permission));
    }

    /** The parameters of {@link DataScope}'s list condition for the widest of the given permissions held. */
    public Map<String, Object> scopeParameters(String... permissions) {
        boolean regionWide = Arrays.stream(permissions).anyMatch(p -> may(p) && Permission.worksAcrossRegion(p));
        return scope.sqlParameters(regionWide);
    }
}
