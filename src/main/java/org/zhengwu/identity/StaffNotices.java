package org.zhengwu.identity;

import java.util.List;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.zhengwu.identity.account.AccountRepository;
import org.zhengwu.identity.account.ContactDetails;
import org.zhengwu.identity.account.Notifications;

/**
 * Notices to members of staff by their duty rather than by name, for what another module must bring to someone's
 * attention (a request of the exchange left undecided past its due date). Contact details leave identity only to the
 * notification senders.
 */
@Service
public class StaffNotices {

    /** Who administers the platform: the 系统管理员, or the demo's three administrators in one. */
    static final List<String> PLATFORM_ADMINISTRATORS = List.of(IdentityAccess.SYSTEM_ADMIN, IdentityAccess.ADMIN);

    private final AccountRepository accounts;
    private final ContactDetails contacts;
    private final Notifications notifications;

    StaffNotices(AccountRepository accounts, ContactDetails contacts, Notifications notifications) {
        this.accounts = accounts;
        this.contacts = contacts;
        this.notifications = notifications;
    }

    /**
     * Tells every enabled platform administrator, each by e-mail or else mobile; answers how many were reached (none
     * when no administrator has contact details or no sender is configured: the caller keeps its own record).
     */
    public int tellPlatformAdministrators(String subject, String body) {
        TreeSet<String> usernames = new TreeSet<>();
        PLATFORM_ADMINISTRATORS.forEach(role -> usernames.addAll(accounts.enabledHolders(role)));
        int reached = 0;
        for (String username : usernames) {
            var account = accounts.findByUsername(username).filter(a -> a.type() == AccountType.STAFF);
            if (account.isPresent()
                    && notifications.tell(
                            contacts.email(account.get()), contacts.mobile(account.get()), subject, body)) {
                reached++;
            }
        }
        return reached;
    }
}
