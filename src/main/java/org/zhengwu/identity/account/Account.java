package org.zhengwu.identity.account;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.zhengwu.identity.AccountType;
import org.zhengwu.identity.RealNameLevel;
import org.zhengwu.identity.Role;

/** An account as stored, personal fields still encrypted. */
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
        String mobile,
        String email,
        byte[] idNumberCipher,
        RealNameLevel realNameLevel,
        Instant mobileVerifiedAt,
        byte[] mfaSecretCipher,
        Instant mfaEnrolledAt,
        Instant lockedUntil,
        Set<Role> roles) {

    public Account {
        roles = Set.copyOf(roles);
    }

    public boolean mfaEnrolled() {
        return mfaEnrolledAt != null;
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
