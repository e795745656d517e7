package org.zhengwu.identity;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.zhengwu.shared.access.Reach;

/**
 * A signed-in account as other modules see it: who, what kind, how well identified, which roles, which permissions
 * (each with its declared reach), and which data it may reach.
 *
 * @param roles       the codes of the roles held (retired roles, which grant nothing, are not among them)
 * @param permissions the permissions the roles grant, each with how far it reaches
 */
public record Actor(
        long accountId,
        UUID subjectId,
        String username,
        String displayName,
        AccountType type,
        RealNameLevel realNameLevel,
        Set<String> roles,
        Map<String, Reach> permissions,
        DataScope scope) {

    public Actor {
        roles = Set.copyOf(roles);
        permissions = Map.copyOf(permissions);
    }

    public boolean may(String permission) {
        return permissions.containsKey(permission);
    }

    /**
     * May this actor, exercising {@code permission}, see or change an object owned by organisation
     * {@code ownerUscc} and located in division {@code divisionCode}? The question every module asks before it
     * shows or changes an object.
     */
    public boolean mayReach(String permission, String ownerUscc, String divisionCode) {
        return may(permission) && scope.covers(ownerUscc, divisionCode, permissions.get(permission));
    }

    /**
     * The SQL condition keeping exactly the rows this actor may reach with any of the given permissions — a row
     * is kept when {@link #mayReach} holds for one of them — on the table's owner and division columns. An actor
     * holding none of them reaches no row.
     */
    public ScopeCondition reachCondition(ScopeColumns columns, String... acting) {
        Reach widest = null;
        for (String permission : acting) {
            Reach reach = permissions.get(permission);
            if (reach == Reach.REGION || (reach != null && widest == null)) {
                widest = reach;
            }
        }
        return widest == null ? ScopeCondition.NOTHING : scope.condition(columns, widest);
    }

    /** Whether {@link #mayReach} holds for any of the given permissions: the one-object twin of {@link #reachCondition}. */
    public boolean mayReachAny(String ownerUscc, String divisionCode, String... acting) {
        return Arrays.stream(acting).anyMatch(p -> mayReach(p, ownerUscc, divisionCode));
    }
}
