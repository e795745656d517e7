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
import org.zhengwu.shared.crypto.PlatformKeys;
import org.zhengwu.shared.crypto.Sm3;

/**
 * What tokens say about a person: a stable subject that is not the username (pairwise per client where the client
 * asks for it), the name, the real-name level, the account type and the enterprise they currently act for — only once
 * the representative's claim to it has been verified ({@code acting_enterprise} is left out, not marked, before).
 */
@Component
class Claims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    /** Client setting: give this client its own subject for each person (pairwise identifiers). */
    static final String PAIRWISE = "zhengwu.pairwise-subject";

    /**
     * Client setting, given to every client registered since pairwise subjects are salted: its subjects are HMAC-SM3 of
     * the client and the person under a key outside the database (OIDC Core §8.1), so that neither a colluding client
     * nor a reader of the database can link them. Clients registered before keep their plain-SM3 subjects, which their
     * systems have stored; registering them again moves them.
     */
    static final String PAIRWISE_SALTED = "zhengwu.pairwise-subject-salted";

    private static final String PAIRWISE_CONTEXT = "oidc.pairwise-subject";

    private final AccountDirectory directory;
    private final AccountRepository accounts;
    private final Enterprises enterprises;
    private final PlatformKeys keys;

    Claims(AccountDirectory directory, AccountRepository accounts, Enterprises enterprises, PlatformKeys keys) {
        this.directory = directory;
        this.accounts = accounts;
        this.enterprises = enterprises;
        this.keys = keys;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            context.getClaims().claim("account_type", ClientCredentialsTokens.CLIENT_ACCOUNT_TYPE);
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
        var settings = context.getRegisteredClient().getClientSettings();
        String subject = subject(
                account.get(),
                context.getRegisteredClient().getClientId(),
                Boolean.TRUE.equals(settings.getSetting(PAIRWISE)),
                Boolean.TRUE.equals(settings.getSetting(PAIRWISE_SALTED)) ? keys : null);
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
                // An unverified claim puts nothing in tokens: a connected system must not take it as a fact.
                .filter(Enterprises.Enterprise::verified)
                .ifPresent(e -> claims.put("acting_enterprise", actingEnterprise(e)));
        return claims;
    }

    /**
     * A plain LinkedHashMap: the provider stores the claims with the authorization and reads them back through an
     * allow-list of types, which has no place for {@code Map.of(…)}'s classes (a code exchange then failed with 500).
     */
    private static Map<String, Object> actingEnterprise(Enterprises.Enterprise enterprise) {
        Map<String, Object> claim = new java.util.LinkedHashMap<>();
        claim.put("uscc", enterprise.uscc());
        claim.put("name", enterprise.name());
        return claim;
    }

    /** {@code salt}: the platform's keys for a salted pairwise subject; null for the plain SM3 one of older clients. */
    static String subject(Account account, String clientId, boolean pairwise, PlatformKeys salt) {
        if (!pairwise) {
            return account.subjectId().toString();
        }
        String pair = clientId + "|" + account.subjectId();
        return (salt == null ? Sm3.hashHex(pair) : salt.blindIndex(pair, PAIRWISE_CONTEXT)).substring(0, 32);
    }
}
