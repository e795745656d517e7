package org.zhengwu.identity.oidc;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.zhengwu.identity.account.Account;
import org.zhengwu.identity.account.AccountDirectory;
import org.zhengwu.identity.account.AccountRepository;
import org.zhengwu.identity.account.Enterprises;
import org.zhengwu.shared.crypto.Sm3;

/**
 * What tokens say about a person: a stable subject that is not the username (pairwise per client where the client
 * asks for it), the name, the real-name level, the account type and the enterprise they currently act for.
 */
@Component
class Claims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    /** Client setting: give this client its own subject for each person (pairwise identifiers). */
    static final String PAIRWISE = "zhengwu.pairwise-subject";

    private final AccountDirectory directory;
    private final AccountRepository accounts;
    private final Enterprises enterprises;

    Claims(AccountDirectory directory, AccountRepository accounts, Enterprises enterprises) {
        this.directory = directory;
        this.accounts = accounts;
        this.enterprises = enterprises;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            context.getClaims().claim("account_type", "CLIENT");
            return;
        }
        Optional<Account> account = directory.find(context.getPrincipal().getName());
        if (account.isEmpty()) {
            return;
        }
        if (!account.get().enabled()) {
            // Disabling revokes the account's authorizations; this refuses a token to one that was disabled otherwise.
            throw new OAuth2AuthenticationException(
                    new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, "the account is disabled", null));
        }
        boolean pairwise = Boolean.TRUE.equals(
                context.getRegisteredClient().getClientSettings().getSetting(PAIRWISE));
        String subject = subject(account.get(), context.getRegisteredClient().getClientId(), pairwise);
        context.getClaims().subject(subject);
        if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())
                || OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            personClaims(account.get()).forEach((k, v) -> context.getClaims().claim(k, v));
        }
    }

    /**
     * The user-info endpoint's answer: the same claims, under the subject the access token carries. A disabled (or
     * removed) account's token is answered as invalid, like a revoked one.
     */
    OidcUserInfo userInfo(OidcUserInfoAuthenticationContext context) {
        Account account = directory
                .find(context.getAuthorization().getPrincipalName())
                .filter(Account::enabled)
                .orElseThrow(() -> new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_TOKEN));
        Map<String, Object> claims = new HashMap<>(personClaims(account));
        JwtAuthenticationToken token =
                (JwtAuthenticationToken) context.getAuthentication().getPrincipal();
        claims.put("sub", token.getToken().getSubject());
        return new OidcUserInfo(claims);
    }

    private Map<String, Object> personClaims(Account account) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("name", account.displayName());
        claims.put("real_name_level", account.realNameLevel().level());
        claims.put("account_type", account.type().name());
        accounts.actingEnterprise(account.id())
                .flatMap(enterprises::find)
                .filter(e -> enterprises.capacity(account, e.id()).isPresent())
                .ifPresent(e -> claims.put("acting_enterprise", Map.of("uscc", e.uscc(), "name", e.name())));
        return claims;
    }

    static String subject(Account account, String clientId, boolean pairwise) {
        return pairwise
                ? Sm3.hashHex(clientId + "|" + account.subjectId()).substring(0, 32)
                : account.subjectId().toString();
    }
}
