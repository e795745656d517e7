package org.zhengwu.identity;

import java.util.Set;
import org.zhengwu.shared.access.Reach;

/**
 * A connected department system calling an API with its own token (OAuth 2 client credentials), as modules see it:
 * which system, the organisation the system administrator linked it to, and the scopes granted to it that its token
 * carries ({@link org.zhengwu.shared.access.ApiScope}). It is no person and holds no permission: it reads, with a
 * scope, the objects of its organisation only ({@link Reach#ORGANISATION}), asked the same two ways as of an
 * {@link Actor} — one object with {@link #mayReach}, a list with {@link #reachCondition}.
 *
 * @param clientId         the system's client id: the actor of the accountability log's entries for its reads
 * @param organisationUscc the organisation it speaks for, or null when it is linked to none (it then reaches nothing)
 * @param scopes           the scopes both granted to it and carried by its token
 */
public record ConnectedSystem(String clientId, String organisationUscc, Set<String> scopes) {

    public ConnectedSystem {
        scopes = Set.copyOf(scopes);
    }

    public boolean may(String scope) {
        return organisationUscc != null && scopes.contains(scope);
    }

    /** May this system, with {@code scope}, read an object owned by {@code ownerUscc}? Its own organisation's only. */
    public boolean mayReach(String scope, String ownerUscc, String divisionCode) {
        return may(scope) && dataScope().covers(ownerUscc, divisionCode, Reach.ORGANISATION);
    }

    /** The SQL condition keeping exactly the rows {@link #mayReach} allows, with bound parameters. */
    public ScopeCondition reachCondition(ScopeColumns columns, String scope) {
        return may(scope) ? dataScope().condition(columns, Reach.ORGANISATION) : ScopeCondition.NOTHING;
    }

    private DataScope dataScope() {
        return organisationUscc == null ? DataScope.NONE : DataScope.of(organisationUscc, null);
    }
}
