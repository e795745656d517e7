package org.zhengwu.identity.web;

import java.io.Serial;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.zhengwu.identity.Actor;

/**
 * A member of staff who has given the right password but not yet the second factor: they may reach only the
 * second-factor pages and sign-out. The full authentication replaces this once the code is checked.
 */
final class SecondFactorPending extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    private final User user;
    private final List<FactorGrantedAuthority> passedFactors;

    /** {@code password} is what the password step produced: its factor, with the time it was passed, is kept. */
    SecondFactorPending(User user, Authentication password) {
        super(List.of(new SimpleGrantedAuthority(Actor.MFA_PENDING)));
        this.user = user;
        this.passedFactors = password.getAuthorities().stream()
                .filter(FactorGrantedAuthority.class::isInstance)
                .map(FactorGrantedAuthority.class::cast)
                .toList();
        setAuthenticated(true);
    }

    /**
     * The factors passed so far, with the time of each: they go into the full authentication, where tokens read the
     * time of sign-in ({@code auth_time}) from them.
     */
    List<FactorGrantedAuthority> passedFactors() {
        return passedFactors;
    }

    /** The authentication to put in place once the second factor is checked. */
    User user() {
        return user;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return user;
    }

    @Override
    public String getName() {
        return user.getUsername();
    }
}
