package org.zhengwu.identity.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhengwu.identity.AccountType;
import org.zhengwu.identity.RealNameLevel;

@Repository
public class AccountRepository {

    private static final String COLUMNS = """
            id, subject_id, username, display_name, account_type, organisation_uscc, enabled, password_hash,
            password_changed_at, mobile_cipher, email_cipher, id_number_cipher, real_name_level, mobile_verified_at,
            mfa_secret_cipher, mfa_enrolled_at, locked_until,
            EXISTS (SELECT 1 FROM identity_webauthn_credential k WHERE k.account_id = identity_account.id) AS security_keys""";

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Account> findByUsername(String username) {
        return one("SELECT " + COLUMNS + " FROM identity_account WHERE username = :v", username);
    }

    public Optional<Account> findByMobileIndex(String index) {
        return one("SELECT " + COLUMNS + " FROM identity_account WHERE mobile_index = :v", index);
    }

    public Optional<Account> findByIdNumberIndex(String index) {
        return one("SELECT " + COLUMNS + " FROM identity_account WHERE id_number_index = :v", index);
    }

    public Optional<Account> findById(long id) {
        return one("SELECT " + COLUMNS + " FROM identity_account WHERE id = :v", id);
    }

    /**
     * Staff accounts and persons for the administrators' list, newest first: those whose username or name contains
     * {@code text}, or whose mobile has the blind index {@code mobileIndex} (a whole number typed in the search).
     */
    public List<Account> list(String text, String mobileIndex, int limit, long offset) {
        return jdbc
                .sql("SELECT " + COLUMNS + """
                         FROM identity_account
                        WHERE CAST(:text AS VARCHAR) IS NULL OR strpos(username, :text) > 0 OR strpos(display_name, :text) > 0
                           OR mobile_index = :mobileIndex
                        ORDER BY id DESC LIMIT :limit OFFSET :offset""")
                .param("text", text)
                .param("mobileIndex", mobileIndex)
                .param("limit", limit)
                .param("offset", offset)
                .query(this::map)
                .list()
                .stream()
                .map(this::withRoles)
                .toList();
    }

    public boolean usernameTaken(String username) {
        return jdbc.sql("SELECT count(*) FROM identity_account WHERE lower(username) = lower(:username)")
                        .param("username", username)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public boolean idNumberTaken(String index) {
        return jdbc.sql("SELECT count(*) FROM identity_account WHERE id_number_index = :index")
                        .param("index", index)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** A new account; personal fields arrive already encrypted and indexed. */
    public long insert(NewAccount a, Instant now) {
        long id = jdbc.sql("""
                        INSERT INTO identity_account (subject_id, username, display_name, password_hash, account_type,
                            organisation_uscc, password_changed_at, mobile_cipher, mobile_index, email_cipher,
                            id_number_cipher, id_number_index, real_name_level)
                        VALUES (:subject, :username, :displayName, :hash, :type, :organisation, :now, :mobileCipher,
                            :mobileIndex, :emailCipher, :idCipher, :idIndex, :level)
                        RETURNING id""")
                .param("subject", UUID.randomUUID())
                .param("username", a.username())
                .param("displayName", a.displayName())
                .param("hash", a.passwordHash())
                .param("type", a.type().name())
                .param("organisation", a.organisationUscc())
                .param("now", Timestamp.from(now))
                .param("mobileCipher", a.mobileCipher())
                .param("mobileIndex", a.mobileIndex())
                .param("emailCipher", a.emailCipher())
                .param("idCipher", a.idNumberCipher())
                .param("idIndex", a.idNumberIndex())
                .param("level", a.realNameLevel().level())
                .query(Long.class)
                .single();
        for (String role : a.roles()) {
            jdbc.sql("INSERT INTO identity_account_role (account_id, role) VALUES (:id, :role)")
                    .param("id", id)
                    .param("role", role)
                    .update();
        }
        addPasswordHistory(id, a.passwordHash(), now);
        return id;
    }

    /** The fields of a new account. */
    public record NewAccount(
            String username,
            String displayName,
            String passwordHash,
            AccountType type,
            String organisationUscc,
            byte[] mobileCipher,
            String mobileIndex,
            byte[] emailCipher,
            byte[] idNumberCipher,
            String idNumberIndex,
            RealNameLevel realNameLevel,
            Collection<String> roles) {}

    public void changePassword(long id, String hash, Instant now) {
        jdbc.sql("UPDATE identity_account SET password_hash = :hash, password_changed_at = :now WHERE id = :id")
                .param("hash", hash)
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update();
        addPasswordHistory(id, hash, now);
    }

    /** The hashes of the last {@code count} passwords, newest first. */
    public List<String> recentPasswordHashes(long id, int count) {
        return jdbc.sql("""
                        SELECT password_hash FROM identity_password_history WHERE account_id = :id
                        ORDER BY changed_at DESC LIMIT :count""")
                .param("id", id)
                .param("count", count)
                .query(String.class)
                .list();
    }

    private void addPasswordHistory(long id, String hash, Instant now) {
        jdbc.sql(
                        "INSERT INTO identity_password_history (account_id, password_hash, changed_at) VALUES (:id, :hash, :now)")
                .param("id", id)
                .param("hash", hash)
                .param("now", Timestamp.from(now))
                .update();
    }

    public void lockUntil(long id, Instant until) {
        jdbc.sql("UPDATE identity_account SET locked_until = :until WHERE id = :id")
                .param("until", until == null ? null : Timestamp.from(until))
                .param("id", id)
                .update();
    }

    public void setRealNameLevel(long id, RealNameLevel level) {
        jdbc.sql("UPDATE identity_account SET real_name_level = :level WHERE id = :id")
                .param("level", level.level())
                .param("id", id)
                .update();
    }

    /** Another mobile, already encrypted and indexed; verified or not is the caller's to say. */
    public void changeMobile(long id, byte[] mobileCipher, String mobileIndex) {
        jdbc.sql("UPDATE identity_account SET mobile_cipher = :cipher, mobile_index = :index WHERE id = :id")
                .param("cipher", mobileCipher)
                .param("index", mobileIndex)
                .param("id", id)
                .update();
    }

    public void markMobileVerified(long id, Instant now) {
        jdbc.sql("UPDATE identity_account SET mobile_verified_at = :now WHERE id = :id")
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update();
    }

    public void markSeenInPerson(long id, String clerk, Instant now) {
        jdbc.sql(
                        "UPDATE identity_account SET in_person_by = :clerk, in_person_at = :now, real_name_level = 4 WHERE id = :id")
                .param("clerk", clerk)
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update();
    }

    public void enrollMfa(long id, byte[] secretCipher, Instant now) {
        jdbc.sql("UPDATE identity_account SET mfa_secret_cipher = :secret, mfa_enrolled_at = :now WHERE id = :id")
                .param("secret", secretCipher)
                .param("now", now == null ? null : Timestamp.from(now))
                .param("id", id)
                .update();
    }

    public void setActingEnterprise(long id, Long enterpriseId) {
        jdbc.sql("UPDATE identity_account SET acting_enterprise_id = :enterprise WHERE id = :id")
                .param("enterprise", enterpriseId)
                .param("id", id)
                .update();
    }

    public Optional<Long> actingEnterprise(long id) {
        return jdbc.sql("SELECT acting_enterprise_id FROM identity_account WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> (Long) rs.getObject("acting_enterprise_id", Long.class))
                .optional()
                .flatMap(Optional::ofNullable);
    }

    /** Makes the account change its password at the next sign-in (a password set by an administrator). */
    public void expirePassword(long id) {
        jdbc.sql(
                        "UPDATE identity_account SET password_changed_at = TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00' WHERE id = :id")
                .param("id", id)
                .update();
    }

    public void setEnabled(long id, boolean enabled) {
        jdbc.sql("UPDATE identity_account SET enabled = :enabled WHERE id = :id")
                .param("enabled", enabled)
                .param("id", id)
                .update();
    }

    public void setRoles(long id, Set<String> roles) {
        jdbc.sql("DELETE FROM identity_account_role WHERE account_id = :id")
                .param("id", id)
                .update();
        for (String role : roles) {
            jdbc.sql("INSERT INTO identity_account_role (account_id, role) VALUES (:id, :role)")
                    .param("id", id)
                    .param("role", role)
                    .update();
        }
    }

    /** The usernames of the enabled accounts that hold a role. */
    public List<String> enabledHolders(String role) {
        return jdbc.sql("""
                        SELECT a.username FROM identity_account a JOIN identity_account_role ar ON ar.account_id = a.id
                        WHERE ar.role = :role AND a.enabled ORDER BY a.username""").param("role", role).query(String.class).list();
    }

    /** A role no module declares any longer, and how many accounts still hold it. */
    public record RetiredRole(String code, String module, String chineseName, String englishName, long holders) {

        public String name(Locale locale) {
            return locale != null && "en".equals(locale.getLanguage()) && englishName != null
                    ? englishName
                    : chineseName;
        }
    }

    /** The retired roles, those still held first. */
    public List<RetiredRole> retiredRoles() {
        return jdbc.sql("""
                        SELECT r.code, r.module, r.name, r.name_en, count(ar.account_id) AS holders
                        FROM identity_role r LEFT JOIN identity_account_role ar ON ar.role = r.code
                        WHERE r.retired_at IS NOT NULL
                        GROUP BY r.code ORDER BY holders DESC, r.code""")
                .query((rs, n) -> new RetiredRole(
                        rs.getString("code"),
                        rs.getString("module"),
                        rs.getString("name"),
                        rs.getString("name_en"),
                        rs.getLong("holders")))
                .list();
    }

    /** The permissions the roles grant; a retired role grants nothing, and a retired permission is granted by none. */
    public Set<String> permissionsOf(Collection<String> roles) {
        if (roles.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("""
                        SELECT DISTINCT rp.permission
                        FROM identity_role_permission rp
                        JOIN identity_role r ON r.code = rp.role AND r.retired_at IS NULL
                        JOIN identity_permission p ON p.code = rp.permission AND p.retired_at IS NULL
                        WHERE rp.role IN (:roles)""")
                .param("roles", List.copyOf(roles))
                .query(String.class)
                .list());
    }

    private Optional<Account> one(String sql, Object value) {
        return jdbc.sql(sql).param("v", value).query(this::map).optional().map(this::withRoles);
    }

    private Account withRoles(Account account) {
        Set<String> roles = new TreeSet<>();
        Set<String> retired = new TreeSet<>();
        jdbc.sql("""
                        SELECT ar.role, r.retired_at IS NOT NULL AS retired
                        FROM identity_account_role ar JOIN identity_role r ON r.code = ar.role
                        WHERE ar.account_id = :id""")
                .param("id", account.id())
                .query((rs, n) -> (rs.getBoolean("retired") ? retired : roles).add(rs.getString("role")))
                .list();
        return new Account(
                account.id(),
                account.subjectId(),
                account.username(),
                account.displayName(),
                account.type(),
                account.organisationUscc(),
                account.enabled(),
                account.passwordHash(),
                account.passwordChangedAt(),
                account.mobileCipher(),
                account.emailCipher(),
                account.idNumberCipher(),
                account.realNameLevel(),
                account.mobileVerifiedAt(),
                account.mfaSecretCipher(),
                account.mfaEnrolledAt(),
                account.securityKeys(),
                account.lockedUntil(),
                roles,
                retired);
    }

    private Account map(ResultSet rs, int row) throws SQLException {
        return new Account(
                rs.getLong("id"),
                rs.getObject("subject_id", UUID.class),
                rs.getString("username"),
                rs.getString("display_name"),
                AccountType.valueOf(rs.getString("account_type")),
                rs.getString("organisation_uscc"),
                rs.getBoolean("enabled"),
                rs.getString("password_hash"),
                instant(rs, "password_changed_at"),
                rs.getBytes("mobile_cipher"),
                rs.getBytes("email_cipher"),
                rs.getBytes("id_number_cipher"),
                RealNameLevel.of(rs.getInt("real_name_level")),
                instant(rs, "mobile_verified_at"),
                rs.getBytes("mfa_secret_cipher"),
                instant(rs, "mfa_enrolled_at"),
                rs.getBoolean("security_keys"),
                instant(rs, "locked_until"),
                Set.of(),
                Set.of());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
