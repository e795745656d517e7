package org.zhengwu.identity;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.zhengwu.identity.account.Account;
import org.zhengwu.identity.account.AccountDirectory;
import org.zhengwu.identity.account.AccountRepository;
import org.zhengwu.identity.account.ContactDetails;
import org.zhengwu.identity.account.Enterprises;
import org.zhengwu.identity.account.Notifications;

/**
 * What other modules may know of a person who applies for a service: the particulars a form is prefilled with, the
 * enterprises they may apply for, and a way to tell them something. Personal data leaves identity only through
 * here, decrypted for the one account asked about.
 */
@Service
public class Applicants {

    /** The particulars a form may be prefilled with; any may be null when the account does not hold it. */
    public record Particulars(String name, String idNumber, String mobile, String email) {}

    /** The person account that holds a 公民身份号码, as a counter clerk checks the person in front of them against it. */
    public record Holder(long accountId, String name) {}

    /** An enterprise the person may apply for, as representative or as an agent allowed to apply. */
    public record Represented(String uscc, String name, boolean representative) {}

    private final AccountRepository accounts;
    private final AccountDirectory directory;
    private final ContactDetails contacts;
    private final Enterprises enterprises;
    private final Notifications notifications;

    Applicants(
            AccountRepository accounts,
            AccountDirectory directory,
            ContactDetails contacts,
            Enterprises enterprises,
            Notifications notifications) {
        this.accounts = accounts;
        this.directory = directory;
        this.contacts = contacts;
        this.enterprises = enterprises;
        this.notifications = notifications;
    }

    public Optional<Particulars> particulars(long accountId) {
        return accounts.findById(accountId)
                .filter(a -> a.type() == AccountType.PERSON)
                .map(a -> new Particulars(
                        a.displayName(),
                        a.idNumberCipher() == null ? null : directory.decryptIdNumber(a.idNumberCipher()),
                        contacts.mobile(a),
                        contacts.email(a)));
    }

    /**
     * The enabled person account registered with this 公民身份号码 (looked up by its blind index), if any. For a
     * counter registration: a case of a person with an account is theirs to follow in 我的办件.
     */
    public Optional<Holder> holderOf(String idNumber) {
        if (idNumber == null || idNumber.isBlank()) {
            return Optional.empty();
        }
        return accounts.findByIdNumberIndex(directory.idNumberIndex(idNumber))
                .filter(a -> a.type() == AccountType.PERSON)
                .filter(Account::enabled)
                .map(a -> new Holder(a.id(), a.displayName()));
    }

    /**
     * The enterprises this person may apply for today: verified ones only (an unverified claim does not let anyone act
     * for an enterprise), and not as a query-only agent.
     */
    public List<Represented> mayApplyFor(long accountId) {
        Optional<Account> account = accounts.findById(accountId).filter(Account::enabled);
        if (account.isEmpty()) {
            return List.of();
        }
        return enterprises.capacities(account.get()).stream()
                .filter(c -> c.enterprise().verified())
                .filter(c -> c.representative() || c.grant().scope() != Enterprises.AgentScope.QUERY_ONLY)
                .map(c -> new Represented(c.enterprise().uscc(), c.enterprise().name(), c.representative()))
                .toList();
    }

    /**
     * Sends a notice to the account's e-mail address, else to its mobile. False when the account has neither or no
     * sender reaches them; the caller keeps its own record (a case's timeline) either way.
     */
    public boolean tell(long accountId, String subject, String body) {
        Optional<Account> account = accounts.findById(accountId).filter(Account::enabled);
        if (account.isEmpty()) {
            return false;
        }
        return notifications.tell(contacts.email(account.get()), contacts.mobile(account.get()), subject, body);
    }
}
