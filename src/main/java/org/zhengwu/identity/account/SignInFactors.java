package org.zhengwu.identity.account;

import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AllRequiredFactorsAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.DefaultAuthorizationManagerFactory;
import org.springframework.security.authorization.RequiredFactor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.zhengwu.identity.AccountType;

/**
 * Which factors a sign-in needs (Spring Security's multi-factor model): everyone a password; staff also an
 * authenticator code ({@link #TOTP}, a recovery code counts as one) or a passkey/security key
 * ({@link FactorGrantedAuthority#WEBAUTHN_AUTHORITY}). Every authorization rule of the platform — URL rules of both
 * security chains and method rules — goes through {@link #authorizationManagers()}, so a staff session that lacks its
 * second factor is refused everywhere but the few paths the second-factor pages name as open to it.
 */
public final class SignInFactors {

    /** The authority of a checked authenticator-app code (or recovery code). */
    public static final String TOTP = "FACTOR_TOTP";

    public static final String PASSWORD = FactorGrantedAuthority.PASSWORD_AUTHORITY;

    public static final String WEBAUTHN = FactorGrantedAuthority.WEBAUTHN_AUTHORITY;

    /** The second factors staff may choose between. */
    public static final Set<String> SECOND = Set.of(TOTP, WEBAUTHN);

    private SignInFactors() {}

    /** Whether {@code authentication} is a sign-in of a member of staff, complete or not. */
    public static boolean staff(Authentication authentication) {
        return authentication != null && has(authentication, AccountDirectory.typeAuthority(AccountType.STAFF));
    }

    /**
     * Whether {@code authentication} is a real sign-in with every factor its account needs: not anonymous, a password,
     * and for staff a second factor too.
     */
    public static boolean complete(Authentication authentication) {
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return false;
        }
        if (!staff(authentication)) {
            return true;
        }
        return has(authentication, PASSWORD) && SECOND.stream().anyMatch(f -> has(authentication, f));
    }

    private static boolean has(Authentication authentication, String authority) {
        for (GrantedAuthority granted : authentication.getAuthorities()) {
            if (authority.equals(granted.getAuthority())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The factory behind every rule ({@code authenticated()}, {@code hasRole(…)}, {@code @PreAuthorize}): the rule's
     * own check, and for staff the password plus one second factor. Its refusal names the missing factors, which sends
     * the browser to the second-factor page.
     */
    public static <T> DefaultAuthorizationManagerFactory<T> authorizationManagers() {
        DefaultAuthorizationManagerFactory<T> factory = new DefaultAuthorizationManagerFactory<>();
        factory.setAdditionalAuthorization(new StaffSecondFactor<>());
        return factory;
    }

    private static final class StaffSecondFactor<T> implements AuthorizationManager<T> {

        /** The public sign in with a password alone (the rule itself decides the rest). */
        private static final AuthorizationDecision PUBLIC = new AuthorizationDecision(true);

        private final AuthorizationManager<T> either =
                AllRequiredFactorsAuthorizationManager.anyOf(passwordAnd(TOTP), passwordAnd(WEBAUTHN));

        private static <T> AllRequiredFactorsAuthorizationManager<T> passwordAnd(String secondFactor) {
            return AllRequiredFactorsAuthorizationManager.<T>builder()
                    .requireFactor(RequiredFactor.withAuthority(PASSWORD).build())
                    .requireFactor(RequiredFactor.withAuthority(secondFactor).build())
                    .build();
        }

        @Override
        public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, T object) {
            Authentication current = authentication.get();
            if (!staff(current)) {
                return PUBLIC;
            }
            return either.authorize(() -> current, object);
        }
    }
}
