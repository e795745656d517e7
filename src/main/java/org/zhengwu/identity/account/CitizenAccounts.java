package org.zhengwu.identity.account;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;
import org.zhengwu.basedata.Population;
import org.zhengwu.identity.AccountType;
import org.zhengwu.identity.RealNameLevel;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;
import org.zhengwu.shared.codes.CitizenIdNumber;
import org.zhengwu.shared.codes.CodeCheck;
import org.zhengwu.shared.time.BusinessTime;

/**
 * Natural persons' accounts: registration (L1, or L2 at once when the name and 公民身份号码 match the population base
 * library, L3 when the mobile was also proved by the code that completed it — see {@link RegistrationRequests}),
 * raising the real-name level, and the checks of what they type.
 */
@Service
public class CitizenAccounts {

    public static final Pattern USERNAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{3,31}");
    public static final Pattern NAME = Pattern.compile("[\\p{IsHan}A-Za-z·• ]{2,50}");
    public static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{2,}");

    /** What a person types to register. */
    public record Registration(
            String username,
            String realName,
            String idNumber,
            String mobile,
            String email,
            String password,
            String confirmation) {}

    private final AccountRepository accounts;
    private final AccountDirectory directory;
    private final ContactDetails contacts;
    private final Population population;
    private final PasswordEncoder encoder;
    private final Notifications notifications;
    private final AccountabilityLog audit;
    private final Clock clock;

    CitizenAccounts(
            AccountRepository accounts,
            AccountDirectory directory,
            ContactDetails contacts,
            Population population,
            PasswordEncoder encoder,
            Notifications notifications,
            AccountabilityLog audit,
            Clock clock) {
        this.accounts = accounts;
        this.directory = directory;
        this.contacts = contacts;
        this.population = population;
        this.encoder = encoder;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(BusinessTime.ZONE));
    }

    /**
     * Field errors of a registration: every format, the password policy, and whether the username is free.
     *
     * <p>Whether the 公民身份号码 or the mobile number already has an account is not said here: the form would tell
     * anyone who types a number whether its owner is registered. The answer goes in the message sent to the mobile
     * typed ({@link RegistrationRequests}). A username is different: it is a name its owner chose to be known by,
     * says nothing about a person, and must be unique, so that a username taken is reported on the form as on most
     * sites — its only use to an attacker is a name to try passwords on, which lockout, the per-address limit and the
     * limit on registration attempts per address answer. An identity number and a mobile stay unenumerable.
     */
    public void validate(Registration r, Errors errors) {
        String username = trim(r.username());
        if (username == null) {
            errors.rejectValue("username", "validation.required");
        } else if (!USERNAME.matcher(username).matches()) {
            errors.rejectValue("username", "register.username.format");
        } else if (accounts.usernameTaken(username)) {
            errors.rejectValue("username", "register.username.taken");
        }
        String name = trim(r.realName());
        if (name == null) {
            errors.rejectValue("realName", "validation.required");
        } else if (!NAME.matcher(name).matches()) {
            errors.rejectValue("realName", "register.name.format");
        }
        CodeCheck id = CitizenIdNumber.check(r.idNumber(), today());
        if (!id.isValid()) {
            errors.rejectValue("idNumber", id.defect().messageKey(), id.argumentArray(), null);
        }
        String mobile = trim(r.mobile());
        if (mobile == null) {
            errors.rejectValue("mobile", "validation.required");
        } else if (!AccountDirectory.MOBILE.matcher(mobile).matches()) {
            errors.rejectValue("mobile", "register.mobile.format");
        }
        String email = trim(r.email());
        if (email != null && !EMAIL.matcher(email).matches()) {
            errors.rejectValue("email", "register.email.format");
        } else if (email == null && !notifications.canReach(Notifications.Channel.MOBILE)) {
            // The code that completes a registration must reach the person: without SMS, by e-mail.
            errors.rejectValue("email", "register.email.required");
        }
        PasswordPolicy.check(r.password(), username, id.isValid() ? id.normalised() : null)
                .forEach(key -> errors.rejectValue("password", key));
        if (r.password() != null && !r.password().equals(r.confirmation())) {
            errors.rejectValue("confirmation", "register.confirmation");
        }
    }

    /**
     * Creates a validated registration at once, its mobile not proved (L1, or L2 when the population library matches);
     * returns the level reached. The public form goes through {@link RegistrationRequests} instead.
     */
    @Transactional
    public RealNameLevel register(Registration r) {
        return register(r, encoder.encode(r.password()), false);
    }

    /**
     * Creates an account from a registration whose password is already hashed; with {@code mobileProved} the code
     * that completed it was sent to its mobile, which is then verified (L3 once the population library matches).
     */
    @Transactional
    RealNameLevel register(Registration r, String passwordHash, boolean mobileProved) {
        String idNumber = r.idNumber().strip().toUpperCase(Locale.ROOT);
        boolean matched = population.matches(r.realName().strip(), idNumber);
        RealNameLevel level = !matched
                ? RealNameLevel.SELF_REGISTERED
                : mobileProved ? RealNameLevel.MOBILE_VERIFIED : RealNameLevel.ID_MATCHED;
        long id = accounts.insert(
                new AccountRepository.NewAccount(
                        r.username().strip(),
                        r.realName().strip(),
                        passwordHash,
                        AccountType.PERSON,
                        null,
                        contacts.encryptMobile(r.mobile()),
                        contacts.mobileIndex(r.mobile()),
                        contacts.encryptEmail(trim(r.email())),
                        directory.encryptIdNumber(idNumber),
                        directory.idNumberIndex(idNumber),
                        level,
                        Set.of()),
                clock.instant());
        if (mobileProved) {
            accounts.markMobileVerified(id, clock.instant());
        }
        audit.record(AuditEvent.success(
                        r.username().strip(),
                        "identity.register",
                        "account",
                        r.username().strip())
                .withDetails("real-name level L" + level.level() + (mobileProved ? ", mobile proved by code" : "")));
        return level;
    }

    /**
     * Checks the account's name and number against the population base library: L1 → L2, or straight to L3 when the
     * mobile was proved already (by the code that completed the registration).
     */
    @Transactional
    public boolean matchIdentity(Account account) {
        String idNumber = directory.decryptIdNumber(account.idNumberCipher());
        boolean matched = population.matches(account.displayName(), idNumber);
        if (matched && !account.realNameLevel().atLeast(RealNameLevel.ID_MATCHED)) {
            accounts.setRealNameLevel(
                    account.id(),
                    account.mobileVerifiedAt() != null ? RealNameLevel.MOBILE_VERIFIED : RealNameLevel.ID_MATCHED);
        }
        audit.record(new AuditEvent(
                account.username(),
                null,
                "identity.real-name.match",
                "account",
                account.username(),
                matched ? AuditEvent.Outcome.SUCCESS : AuditEvent.Outcome.FAILURE,
                null));
        return matched;
    }

    /** The mobile proved by a one-time code: L2 becomes L3. */
    @Transactional
    public RealNameLevel mobileVerified(Account account) {
        accounts.markMobileVerified(account.id(), clock.instant());
        RealNameLevel level = account.realNameLevel();
        if (level == RealNameLevel.ID_MATCHED) {
            level = RealNameLevel.MOBILE_VERIFIED;
            accounts.setRealNameLevel(account.id(), level);
        }
        audit.record(AuditEvent.success(account.username(), "identity.mobile.verify", "account", account.username())
                .withDetails("L" + level.level()));
        return level;
    }

    /** A clerk has seen the person and their identity document at a counter: L4 (requires L3). */
    @Transactional
    public boolean seenInPerson(Account account, String clerk) {
        if (!account.realNameLevel().atLeast(RealNameLevel.MOBILE_VERIFIED)) {
            return false;
        }
        accounts.markSeenInPerson(account.id(), clerk, clock.instant());
        audit.record(AuditEvent.success(clerk, "identity.real-name.in-person", "account", account.username()));
        return true;
    }

    /** The account's 公民身份号码 with all but the first and last characters masked, for display. */
    public String maskedIdNumber(Account account) {
        if (account.idNumberCipher() == null) {
            return null;
        }
        String id = directory.decryptIdNumber(account.idNumberCipher());
        return id.charAt(0) + "*".repeat(id.length() - 2) + id.charAt(id.length() - 1);
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
