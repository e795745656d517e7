package org.zhengwu.identity;

import java.time.Clock;
import java.util.Collection;
import java.util.TreeSet;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengwu.identity.account.AccountRepository;
import org.zhengwu.identity.account.AdministratorDuties;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;

/** Creates staff accounts; passwords are stored only as Argon2id hashes. */
@Service
public class StaffAccounts {

    private final AccountRepository repository;
    private final PasswordEncoder passwordEncoder;
    private final AccountabilityLog audit;
    private final Clock clock;
    private final AccessRegistry registry;
    private final AdministratorDuties duties;

    StaffAccounts(
            AccountRepository repository,
            PasswordEncoder passwordEncoder,
            AccountabilityLog audit,
            Clock clock,
            AccessRegistry registry,
            AdministratorDuties duties) {
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.clock = clock;
        this.registry = registry;
        this.duties = duties;
    }

    /**
     * A new member of staff of an organisation (null: the platform itself) with roles, given by their codes; each
     * must be a staff role some module declares ({@link AccessRegistry#staffRole}), and together they must obey
     * {@link AdministratorDuties} (三员分立, an organisation for business roles).
     */
    @Transactional
    public long create(
            String username,
            String displayName,
            String rawPassword,
            String organisationUscc,
            Collection<String> roles,
            String createdBy) {
        for (String role : roles) {
            if (registry.staffRole(role).isEmpty()) {
                throw new IllegalArgumentException("no module declares a staff role " + role);
            }
        }
        duties.require(organisationUscc, roles);
        if (repository.usernameTaken(username)) {
            throw new IllegalArgumentException("username " + username + " is taken");
        }
        long id = repository.insert(
                new AccountRepository.NewAccount(
                        username,
                        displayName,
                        passwordEncoder.encode(rawPassword),
                        AccountType.STAFF,
                        organisationUscc,
                        null,
                        null,
                        null,
                        null,
                        null,
                        RealNameLevel.SELF_REGISTERED,
                        roles),
                clock.instant());
        audit.record(AuditEvent.success(createdBy, "identity.staff.create", "account", username)
                .withDetails(String.join(",", new TreeSet<>(roles))));
        return id;
    }

    /**
     * A password others may have seen (one generated and shown on a console): the member of staff replaces it at the
     * first sign-in, before enrolling an authenticator.
     */
    @Transactional
    public void requireNewPassword(long id) {
        repository.expirePassword(id);
    }
}
