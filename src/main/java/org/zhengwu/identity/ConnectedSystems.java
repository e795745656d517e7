package org.zhengwu.identity;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Which connected system is calling, in a request authenticated by a department system's bearer token on the paths
 * a module's {@link org.zhengwu.shared.access.ApiScope} opens: {@code systems.current()}. Such a request has no
 * {@link Actor} ({@link Actors#current()} is empty), so that a system never passes for a person or a member of staff.
 */
@Service
public class ConnectedSystems {

    public Optional<ConnectedSystem> current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    static Optional<ConnectedSystem> of(Authentication authentication) {
        return authentication != null
                        && authentication.isAuthenticated()
                        && authentication.getPrincipal() instanceof ConnectedSystem system
                ? Optional.of(system)
                : Optional.empty();
    }
}
