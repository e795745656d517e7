package org.zhengwu.identity.account;

import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;

/**
 * 更换手机号码: a citizen replaces the account's mobile, proving the new number with a code sent to it and bound to it.
 * What the person is told is the same whether or not the new number already has an account: that number gets a notice
 * instead of a code, read only by whoever holds it — so that being signed in does not let anyone learn who is
 * registered. A number proved this way is verified (L2 becomes L3, as with {@link CitizenAccounts#mobileVerified}),
 * its blind index replaces the old one at once, and the old number is told of the change.
 */
@Service
public class MobileChanges {

    /** How a code that was typed ended. */
    public enum Outcome {
        CHANGED,
        /** Wrong, expired, used, too many guesses, sent to another number, or never sent: one answer for each. */
        CODE_REFUSED,
        /** The number, proved by its code, has become another account's since the code was sent. */
        TAKEN
    }

    private final AccountRepository accounts;
    private final ContactDetails contacts;
    private final CitizenAccounts citizens;
    private final OneTimeCodes codes;
    private final Notifications notifications;
    private final MessageSource messages;
    private final AccountabilityLog audit;

    MobileChanges(
            AccountRepository accounts,
            ContactDetails contacts,
            CitizenAccounts citizens,
            OneTimeCodes codes,
            Notifications notifications,
            MessageSource messages,
            AccountabilityLog audit) {
        this.accounts = accounts;
        this.contacts = contacts;
        this.citizens = citizens;
        this.codes = codes;
        this.notifications = notifications;
        this.messages = messages;
        this.audit = audit;
    }

    /** Sends the new number (a valid mobile, not the account's own) its one message: a code, or the notice. */
    @Transactional
    public void request(Account account, String newMobile, Locale locale) {
        String index = contacts.mobileIndex(newMobile);
        Optional<Account> holder = accounts.findByMobileIndex(index).filter(other -> other.id() != account.id());
        String body;
        if (holder.isPresent()) {
            body = messages.getMessage("account.mobile.change.message.taken", null, locale);
            audit.record(new AuditEvent(
                    account.username(),
                    null,
                    "identity.mobile.change",
                    "account",
                    holder.get().username(),
                    AuditEvent.Outcome.DENIED,
                    "another account asked for this account's mobile number"));
        } else {
            String code = codes.issue(account.id(), OneTimeCodes.Purpose.MOBILE_CHANGE, index);
            body = messages.getMessage("account.mobile.change.message.code", new Object[] {code}, locale);
        }
        notifications.send(
                Notifications.Channel.MOBILE,
                ContactDetails.normalisedMobile(newMobile),
                messages.getMessage("account.mobile.change.subject", null, locale),
                body);
    }

    /** Checks the code sent to {@code newMobile} and, when right, makes it the account's mobile. */
    @Transactional
    public Outcome confirm(Account account, String newMobile, String code, Locale locale) {
        String index = contacts.mobileIndex(newMobile);
        if (codes.check(account.id(), OneTimeCodes.Purpose.MOBILE_CHANGE, code, true, index)
                != OneTimeCodes.Check.ACCEPTED) {
            return Outcome.CODE_REFUSED;
        }
        if (accounts.findByMobileIndex(index)
                .filter(other -> other.id() != account.id())
                .isPresent()) {
            return Outcome.TAKEN;
        }
        String oldMobile = contacts.mobile(account);
        accounts.changeMobile(account.id(), contacts.encryptMobile(newMobile), index);
        audit.record(AuditEvent.success(account.username(), "identity.mobile.change", "account", account.username()));
        citizens.mobileVerified(account);
        if (oldMobile != null) {
            notifications.send(
                    Notifications.Channel.MOBILE,
                    oldMobile,
                    messages.getMessage("account.mobile.change.subject", null, locale),
                    messages.getMessage(
                            "account.mobile.change.message.old",
                            new Object[] {
                                ContactDetails.masked(
                                        Notifications.Channel.MOBILE, ContactDetails.normalisedMobile(newMobile))
                            },
                            locale));
        }
        return Outcome.CHANGED;
    }
}
