package org.zhengwu.identity.account;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.zhengwu.identity.AccountType;
import org.zhengwu.identity.RealNameLevel;

/**
 * An account as stored, personal fields still encrypted: the 公民身份号码 read by {@link AccountDirectory}, the
 * mobile and the e-mail address by {@link ContactDetails}.
 *
 * @param roles        the codes of the roles it holds that some module declares: these grant permissions
 * @param retiredRoles the codes of roles it still holds that no module declares any longer: they grant nothing,
 *                     and stay until an administrator removes them
 * @param securityKeys  whether it has registered a security key or passkey (WebAuthn), a second factor besides the
 *                      authenticator app
 */
public record Account(
        long id,
        UUID subjectId,
        String username,
        String displayName,
        AccountType type,
        String organisationUscc,
        boolean enabled,
        String passwordHash,
        Instant passwordChangedAt,
        byte[] mobileCipher,
        byte[] emailCipher,
        byte[] idNumberCipher,
        RealNameLevel realNameLevel,
        Instant mobileVerifiedAt,
        byte[] mfaSecretCipher,
        Instant mfaEnrolledAt,
        boolean securityKeys,
        Instant lockedUntil,
        Set<String> roles,
        Set<String> retiredRoles) {

    public Account {
        roles = Set.copyOf(roles);
        retiredRoles = Set.copyOf(retiredRoles);
    }

    /** Whether an authenticator app (TOTP) is enrolled. */
    public boolean authenticatorAppEnrolled() {
        return mfaEnrolledAt != null;
    }

    /**
     * Whether the account has a second factor of either kind: then a half-finished sign-in must prove one, and may not
     * enrol another — that is what a stolen password would try.
     */
    public boolean secondFactorEnrolled() {
        return authenticatorAppEnrolled() || securityKeys;
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
