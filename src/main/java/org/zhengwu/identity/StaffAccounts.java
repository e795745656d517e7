package org.zhengwu.identity;

import java.time.Clock;
import java.util.Collection;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengwu.identity.account.AccountRepository;

/** Creates staff accounts; passwords are stored only as Argon2id hashes. */
@Service
public class StaffAccounts {

    private final AccountRepository repository;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    StaffAccounts(AccountRepository repository, PasswordEncoder passwordEncoder, Clock clock) {
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    @Transactional
    public long create(String username, String displayName, String rawPassword, String organisationUscc,
                       Collection<Role> roles) {
        if (repository.usernameTaken(username)) {
            throw new IllegalArgumentException("username " + username + " is taken");
        }
        return repository.insert(username, displayName, passwordEncoder.encode(rawPassword), organisationUscc, roles,
                clock.instant());
    }
}
