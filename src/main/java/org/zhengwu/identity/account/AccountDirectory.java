package org.zhengwu.identity.account;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.zhengwu.identity.AccountType;
import org.zhengwu.shared.access.SuggestedRole;
import org.zhengwu.shared.codes.CitizenIdNumber;
import org.zhengwu.shared.crypto.PlatformKeys;

/**
 * Finds the account behind what someone types at sign-in: a username, a mobile number or a 公民身份号码 (the last two
 * looked up through their blind indexes, never in clear).
 */
@Service
public class AccountDirectory implements UserDetailsService {

    static final String ID_NUMBER_CONTEXT = "identity_account.id_number";
    public static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");

    private final AccountRepository accounts;
    private final ContactDetails contacts;
    private final PlatformKeys keys;
    private final Clock clock;

    AccountDirectory(AccountRepository accounts, ContactDetails contacts, PlatformKeys keys, Clock clock) {
        this.accounts = accounts;
        this.contacts = contacts;
        this.keys = keys;
        this.clock = clock;
    }

    public Optional<Account> find(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        String value = typed.strip();
        if (MOBILE.matcher(value).matches()) {
            return accounts.findByMobileIndex(contacts.mobileIndex(value));
        }
        if (value.length() == CitizenIdNumber.LENGTH
                && CitizenIdNumber.isValid(
                        value,
                        clock.instant()
                                .atZone(org.zhengwu.shared.time.BusinessTime.ZONE)
                                .toLocalDate())) {
            return accounts.findByIdNumberIndex(idNumberIndex(value));
        }
        return accounts.findByUsername(value);
    }

    /** A 公民身份号码 as it is kept and indexed. */
    static String normalisedIdNumber(String idNumber) {
        return idNumber.strip().toUpperCase(java.util.Locale.ROOT);
    }

    public String idNumberIndex(String idNumber) {
        return keys.blindIndex(normalisedIdNumber(idNumber), ID_NUMBER_CONTEXT);
    }

    public byte[] encryptIdNumber(String idNumber) {
        return keys.encrypt(normalisedIdNumber(idNumber), ID_NUMBER_CONTEXT);
    }

    public String decryptIdNumber(byte[] cipher) {
        return keys.decrypt(cipher, ID_NUMBER_CONTEXT);
    }

    /**
     * The account as Spring Security holds it: a plain {@link User} named by the username, with the roles, the
     * permissions they grant and the account type as authorities. Plain, so that sessions and the authorization
     * server can store it; everything else is read from the account when needed.
     */
    public User principal(Account account) {
        List<String> authorities = new ArrayList<>();
        account.roles().forEach(r -> authorities.add(SuggestedRole.authority(r)));
        authorities.addAll(accounts.permissionsOf(account.roles()));
        authorities.add(typeAuthority(account.type()));
        return (User) User.withUsername(account.username())
                .password(account.passwordHash())
                .disabled(!account.enabled())
                .accountLocked(account.lockedAt(clock.instant()))
                .authorities(authorities.toArray(String[]::new))
                .build();
    }

    public static String typeAuthority(AccountType type) {
        return "ACCOUNT_" + type.name();
    }

    @Override
    public User loadUserByUsername(String typed) {
        return find(typed).map(this::principal).orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }
}
