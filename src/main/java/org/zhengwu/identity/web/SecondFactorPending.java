package org.zhengwu.identity.web;

import java.io.Serial;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.zhengwu.identity.AccountType;
import org.zhengwu.identity.account.AccountDirectory;

/**
 * A member of staff who has given the right password but not yet the second factor. It carries the password factor
 * and the staff mark, so that every rule asks for the missing factor, and no role or permission: should any rule
 * forget the factor, it still grants nothing. The full authentication replaces it once a second factor is proven.
 */
final class SecondFactorPending extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 2L;

    private final User user;
    private final List<FactorGrantedAuthority> passedFactors;

    /** {@code password} is what the password step produced: its factor, with the time it was passed, is kept. */
    SecondFactorPending(User user, Authentication password) {
        this(user, passed(password));
    }

    private SecondFactorPending(User user, List<FactorGrantedAuthority> passedFactors) {
        super(authorities(passedFactors));
        this.user = user;
        this.passedFactors = passedFactors;
        setAuthenticated(true);
    }

    private static List<FactorGrantedAuthority> passed(Authentication password) {
        return password.getAuthorities().stream()
                .filter(FactorGrantedAuthority.class::isInstance)
                .map(FactorGrantedAuthority.class::cast)
                .toList();
    }

    private static List<GrantedAuthority> authorities(List<FactorGrantedAuthority> passedFactors) {
        List<GrantedAuthority> authorities = new ArrayList<>(passedFactors);
        authorities.add(new SimpleGrantedAuthority(AccountDirectory.typeAuthority(AccountType.STAFF)));
        return authorities;
    }

    /**
     * The factors passed so far, with the time of each: they go into the full authentication, where tokens read the
     * time of sign-in ({@code auth_time}) from them.
     */
    List<FactorGrantedAuthority> passedFactors() {
        return passedFactors;
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
