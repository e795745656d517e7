package org.zhengwu.identity.account;

import java.io.Serializable;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhengwu.identity.RealNameLevel;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;
import org.zhengwu.shared.crypto.PlatformKeys;
import org.zhengwu.shared.crypto.Sm3;
import tools.jackson.databind.json.JsonMapper;

/**
 * 个人注册 in two steps, so that the public form never says whether an identity number or a mobile number already has
 * an account. The form's answer is always the same — "enter the code we sent to 139****5678" — and the same work is
 * done whichever is the case: the registration is kept (encrypted) waiting for its code, and one message goes to the
 * mobile typed (by e-mail where no SMS can be sent). What differs is only that message: a code when both numbers are
 * free; otherwise "this mobile already has an account" or "this identity number already has an account", which only
 * the holder of that mobile reads. A number registered by someone else is thus learnt only by holding a mobile, and at
 * most {@link RateLimits.Settings#messagesPerDay()} times a day per mobile. The owner of an identity number used in
 * such an attempt is told too, and the attempt is in the accountability log.
 *
 * <p>The account is created when the code comes back: the mobile is then proved (L3 once the population library
 * matches). A username is checked on the form ({@link CitizenAccounts#validate}) and again when the account is
 * created, since another registration may have taken it meanwhile.
 */
@Service
public class RegistrationRequests {

    static final String DETAILS_CONTEXT = "identity_pending_registration.details";

    /** A registration waiting for its code: what the code page shows, kept in the person's session. */
    public record Pending(UUID reference, Notifications.Channel channel, String maskedRecipient)
            implements Serializable {}

    /** How a code that was typed ended. */
    public enum Outcome {
        /** The account exists now. */
        REGISTERED,
        /** Wrong, expired, used, too many guesses, or never sent: the same answer for each. */
        CODE_REFUSED,
        /** Someone else's account took the username meanwhile: the form again, with everything else typed. */
        USERNAME_TAKEN,
        /** The identity number or the mobile was registered meanwhile (by someone else's registration completing). */
        ALREADY_REGISTERED
    }

    /** The outcome, the level reached when registered, and what was typed when the form must be shown again. */
    public record Confirmation(Outcome outcome, RealNameLevel level, CitizenAccounts.Registration typed) {}

    private record Proved(CitizenAccounts.Registration typed, String passwordHash, boolean provesMobile) {}

    private final JdbcClient jdbc;
    private final AccountRepository accounts;
    private final AccountDirectory directory;
    private final ContactDetails contacts;
    private final CitizenAccounts citizens;
    private final Notifications notifications;
    private final RateLimits limits;
    private final PlatformKeys keys;
    private final PasswordEncoder encoder;
    private final JsonMapper json;
    private final MessageSource messages;
    private final AccountabilityLog audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    RegistrationRequests(
            JdbcClient jdbc,
            AccountRepository accounts,
            AccountDirectory directory,
            ContactDetails contacts,
            CitizenAccounts citizens,
            Notifications notifications,
            RateLimits limits,
            PlatformKeys keys,
            PasswordEncoder encoder,
            JsonMapper json,
            MessageSource messages,
            AccountabilityLog audit,
            TransactionTemplate transaction,
            Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.directory = directory;
        this.contacts = contacts;
        this.citizens = citizens;
        this.notifications = notifications;
        this.limits = limits;
        this.keys = keys;
        this.encoder = encoder;
        this.json = json;
        this.messages = messages;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Where the code of a (validated) registration goes: its mobile, or its e-mail where no SMS can be sent. */
    public String recipient(CitizenAccounts.Registration r) {
        return channel() == Notifications.Channel.MOBILE
                ? r.mobile().strip()
                : r.email().strip();
    }

    private Notifications.Channel channel() {
        return notifications.canReach(Notifications.Channel.MOBILE)
                ? Notifications.Channel.MOBILE
                : Notifications.Channel.EMAIL;
    }

    /** Keeps a validated registration waiting for its code and sends the one message; the same answer every time. */
    @Transactional
    public Pending request(CitizenAccounts.Registration r, Locale locale) {
        Instant now = clock.instant();
        String idNumber = r.idNumber().strip().toUpperCase(Locale.ROOT);
        String mobile = r.mobile().strip();
        Optional<Account> mobileHolder = accounts.findByMobileIndex(contacts.mobileIndex(mobile));
        Optional<Account> idNumberHolder = accounts.findByIdNumberIndex(directory.idNumberIndex(idNumber));
        Notifications.Channel channel = channel();
        String recipient = recipient(r);
        UUID reference = UUID.randomUUID();
        String code = OneTimeCodes.newCode();
        CitizenAccounts.Registration typed = new CitizenAccounts.Registration(
                r.username().strip(), r.realName().strip(), idNumber, mobile, trim(r.email()), null, null);
        // Hashed whether or not the registration can succeed: the answer takes as long either way.
        jdbc.sql("""
                        INSERT INTO identity_pending_registration (reference, details_cipher, password_hash, code_hash,
                            proves_mobile, expires_at, created_at)
                        VALUES (:reference, :details, :password, :code, :provesMobile, :expires, :now)""")
                .param("reference", reference)
                .param("details", keys.encrypt(json.writeValueAsString(typed), DETAILS_CONTEXT))
                .param("password", encoder.encode(r.password()))
                .param("code", hash(reference, code))
                .param("provesMobile", channel == Notifications.Channel.MOBILE)
                .param("expires", Timestamp.from(now.plus(OneTimeCodes.VALIDITY)))
                .param("now", Timestamp.from(now))
                .update();
        String subject = messages.getMessage("register.message.subject", null, locale);
        String body;
        if (mobileHolder.isPresent()) {
            body = messages.getMessage("register.message.mobile-taken", null, locale);
            attempted(mobileHolder.get(), "a registration named this account's mobile number");
        } else if (idNumberHolder.isPresent()) {
            body = messages.getMessage("register.message.id-number-taken", null, locale);
            attempted(idNumberHolder.get(), "a registration named this account's identity number");
            tellOwner(idNumberHolder.get(), recipient, locale);
        } else {
            body = messages.getMessage("register.message.code", new Object[] {code}, locale);
        }
        notifications.send(channel, recipient, subject, body);
        return new Pending(reference, channel, ContactDetails.masked(channel, recipient));
    }

    /**
     * Checks the code of a pending registration and, when right, creates the account. A wrong guess counts against
     * the code (five, as for every one-time code) even when the rest fails.
     */
    public Confirmation confirm(UUID reference, String code) {
        Optional<Proved> proved =
                reference == null ? Optional.empty() : transaction.execute(status -> check(reference, code));
        if (proved == null || proved.isEmpty()) {
            return new Confirmation(Outcome.CODE_REFUSED, null, null);
        }
        CitizenAccounts.Registration typed = proved.get().typed();
        try {
            RealNameLevel level = citizens.register(
                    typed, proved.get().passwordHash(), proved.get().provesMobile());
            return new Confirmation(Outcome.REGISTERED, level, typed);
        } catch (DuplicateKeyException e) {
            return new Confirmation(
                    accounts.usernameTaken(typed.username()) ? Outcome.USERNAME_TAKEN : Outcome.ALREADY_REGISTERED,
                    null,
                    typed);
        }
    }

    private Optional<Proved> check(UUID reference, String code) {
        Map<String, Object> pending = jdbc.sql("""
                        SELECT details_cipher, password_hash, code_hash, proves_mobile, attempts, expires_at, used_at
                        FROM identity_pending_registration WHERE reference = :reference FOR UPDATE""").param("reference", reference).query().listOfRows().stream()
                .findFirst()
                .orElse(null);
        Instant now = clock.instant();
        if (pending == null
                || pending.get("used_at") != null
                || ((Timestamp) pending.get("expires_at")).toInstant().isBefore(now)
                || ((Number) pending.get("attempts")).intValue() >= OneTimeCodes.MAX_ATTEMPTS) {
            return Optional.empty();
        }
        if (code == null || !hash(reference, code.strip()).equals(((String) pending.get("code_hash")).strip())) {
            jdbc.sql("UPDATE identity_pending_registration SET attempts = attempts + 1 WHERE reference = :reference")
                    .param("reference", reference)
                    .update();
            return Optional.empty();
        }
        jdbc.sql("UPDATE identity_pending_registration SET used_at = :now WHERE reference = :reference")
                .param("now", Timestamp.from(now))
                .param("reference", reference)
                .update();
        CitizenAccounts.Registration typed = json.readValue(
                keys.decrypt((byte[]) pending.get("details_cipher"), DETAILS_CONTEXT),
                CitizenAccounts.Registration.class);
        return Optional.of(new Proved(
                typed, (String) pending.get("password_hash"), Boolean.TRUE.equals(pending.get("proves_mobile"))));
    }

    /** Someone tried to register with this account's number: the log says so, against the account. */
    private void attempted(Account holder, String what) {
        audit.record(new AuditEvent(
                "anonymous", null, "identity.register", "account", holder.username(), AuditEvent.Outcome.DENIED, what));
    }

    /**
     * Tells the owner of an identity number that someone tried to register with it — within the limits on messages
     * to that account, silently skipped beyond them, so that nobody can flood an owner by trying their number.
     */
    private void tellOwner(Account owner, String attemptRecipient, Locale locale) {
        Notifications.Channel channel =
                owner.mobileCipher() != null && notifications.canReach(Notifications.Channel.MOBILE)
                        ? Notifications.Channel.MOBILE
                        : Notifications.Channel.EMAIL;
        String ownerRecipient =
                channel == Notifications.Channel.MOBILE ? contacts.mobile(owner) : contacts.email(owner);
        if (ownerRecipient == null || ownerRecipient.equalsIgnoreCase(attemptRecipient)) {
            return;
        }
        if (limits.take(RateLimits.all(limits.messagesFor(owner), limits.messagesTo(ownerRecipient)))
                .isPresent()) {
            return;
        }
        notifications.send(
                channel,
                ownerRecipient,
                messages.getMessage("register.message.subject", null, locale),
                messages.getMessage("register.message.owner-notice", null, locale));
    }

    private static String hash(UUID reference, String code) {
        return Sm3.hashHex("registration:" + reference + ":" + code);
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
