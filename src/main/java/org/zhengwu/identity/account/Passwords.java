package org.zhengwu.identity.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengwu.identity.AccountType;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;

/** Changing and resetting passwords under {@link PasswordPolicy}, with the last five kept out of reuse. */
@Service
public class Passwords {

    /** Staff change their password at least every 90 days. */
    public static final Duration STAFF_MAX_AGE = Duration.ofDays(90);

    private final AccountRepository accounts;
    private final AccountDirectory directory;
    private final PasswordEncoder encoder;
    private final AccountabilityLog audit;
    private final AccessWithdrawal withdrawal;
    private final Clock clock;

    Passwords(
            AccountRepository accounts,
            AccountDirectory directory,
            PasswordEncoder encoder,
            AccountabilityLog audit,
            AccessWithdrawal withdrawal,
            Clock clock) {
        this.accounts = accounts;
        this.directory = directory;
        this.encoder = encoder;
        this.audit = audit;
        this.withdrawal = withdrawal;
        this.clock = clock;
    }

    public boolean expired(AccountType type, Instant changedAt) {
        return type == AccountType.STAFF && changedAt.plus(STAFF_MAX_AGE).isBefore(clock.instant());
    }

    /** Message keys of every rule the new password breaks for this account, reuse included. */
    public List<String> problems(Account account, String candidate) {
        String idNumber = account.idNumberCipher() == null ? null : directory.decryptIdNumber(account.idNumberCipher());
        List<String> problems = new ArrayList<>(PasswordPolicy.check(candidate, account.username(), idNumber));
        if (problems.isEmpty()
                && accounts.recentPasswordHashes(account.id(), PasswordPolicy.HISTORY).stream()
                        .anyMatch(hash -> encoder.matches(candidate, hash))) {
            problems.add("password.rule.reused");
        }
        return problems;
    }

    /**
     * Sets a new password that has passed {@link #problems}, and ends every other session and authorization of the
     * account: whoever knew the old password has no access left.
     */
    @Transactional
    public void change(Account account, String newPassword, String action) {
        accounts.changePassword(account.id(), encoder.encode(newPassword), clock.instant());
        audit.record(AuditEvent.success(account.username(), action, "account", account.username()));
        withdrawal.withdraw(account, account.username(), AccessWithdrawal.Reason.PASSWORD);
    }

    public boolean matches(Account account, String password) {
        return password != null && encoder.matches(password, account.passwordHash());
    }
}
