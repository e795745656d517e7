package org.zhengwu.identity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.zhengwu.basedata.Organisation;
import org.zhengwu.basedata.Organisations;
import org.zhengwu.identity.account.Account;
import org.zhengwu.identity.account.AccountRepository;
import org.zhengwu.identity.account.SignInFactors;
import org.zhengwu.shared.access.Reach;

/**
 * Who is acting in the current request, for modules that must decide whether the caller may see or change an
 * object: {@code actors.current()} gives the {@link Actor} with its data scope.
 */
@Service
public class Actors {

    private final AccountRepository accounts;
    private final Organisations organisations;
    private final AccessRegistry registry;

    Actors(AccountRepository accounts, Organisations organisations, AccessRegistry registry) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.registry = registry;
    }

    /** The signed-in account, if any, when it has given every factor it needs (a password; staff a second one too). */
    public Optional<Actor> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!SignInFactors.complete(authentication)
                || ConnectedSystems.of(authentication).isPresent()) {
            // A department system's token names a client, never an account (whatever its client id).
            return Optional.empty();
        }
        // A disabled account acts no more, even in a request that began before it was disabled.
        return accounts.findByUsername(authentication.getName())
                .filter(Account::enabled)
                .map(this::actor);
    }

    public Actor require() {
        return current().orElseThrow(() -> new IllegalStateException("no signed-in actor"));
    }

    Actor actor(Account account) {
        DataScope scope;
        if (account.type() != AccountType.STAFF) {
            scope = DataScope.NONE;
        } else if (account.organisationUscc() == null) {
            // Fail closed: without an organisation only the platform's own roles reach the platform.
            boolean platformRole = account.roles().stream().anyMatch(IdentityAccess.PLATFORM_ROLES::contains);
            scope = platformRole ? DataScope.PLATFORM : DataScope.NONE;
        } else {
            Optional<Organisation> organisation = organisations.find(account.organisationUscc());
            scope = organisation
                    .map(o -> DataScope.of(o.uscc(), o.divisionCode()))
                    .orElse(DataScope.NONE);
        }
        Map<String, Reach> permissions = new LinkedHashMap<>();
        accounts.permissionsOf(account.roles()).forEach(p -> permissions.put(p, registry.reachOf(p)));
        return new Actor(
                account.id(),
                account.subjectId(),
                account.username(),
                account.displayName(),
                account.type(),
                account.realNameLevel(),
                account.roles(),
                permissions,
                scope);
    }
}
