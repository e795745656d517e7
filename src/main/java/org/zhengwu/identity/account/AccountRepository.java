package org.zhengwu.identity.account;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhengwu.identity.Role;
import org.zhengwu.identity.StaffAccount;

@Repository
public class AccountRepository {

    /** The stored form of an account, with its password hash, for sign-in only. */
    public record Credentials(StaffAccount account, String passwordHash) {
    }

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Credentials> findCredentials(String username) {
        return jdbc.sql("""
                        SELECT id, username, display_name, organisation_uscc, enabled, password_hash
                        FROM identity_account WHERE username = :username""")
                .param("username", username)
                .query((rs, n) -> new Credentials(new StaffAccount(rs.getLong("id"), rs.getString("username"),
                        rs.getString("display_name"), rs.getString("organisation_uscc"), rs.getBoolean("enabled"),
                        Set.of()), rs.getString("password_hash")))
                .optional()
                .map(c -> new Credentials(withRoles(c.account()), c.passwordHash()));
    }

    public boolean existsWithRole(Role role) {
        return jdbc.sql("SELECT count(*) FROM identity_account_role WHERE role = :role").param("role", role.name())
                .query(Long.class).single() > 0;
    }

    public boolean usernameTaken(String username) {
        return jdbc.sql("SELECT count(*) FROM identity_account WHERE username = :username").param("username", username)
                .query(Long.class).single() > 0;
    }

    public long insert(String username, String displayName, String passwordHash, String organisationUscc,
                       Collection<Role> roles, Instant now) {
        long id = jdbc.sql("""
                        INSERT INTO identity_account (username, display_name, password_hash, account_type, organisation_uscc,
                                                      password_changed_at)
                        VALUES (:username, :displayName, :hash, 'STAFF', :organisation, :now)
                        RETURNING id""")
                .param("username", username).param("displayName", displayName).param("hash", passwordHash)
                .param("organisation", organisationUscc).param("now", java.sql.Timestamp.from(now))
                .query(Long.class).single();
        for (Role role : roles) {
            jdbc.sql("INSERT INTO identity_account_role (account_id, role) VALUES (:id, :role)")
                    .param("id", id).param("role", role.name()).update();
        }
        return id;
    }

    private StaffAccount withRoles(StaffAccount account) {
        List<String> names = jdbc.sql("SELECT role FROM identity_account_role WHERE account_id = :id")
                .param("id", account.id()).query(String.class).list();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        names.forEach(name -> roles.add(Role.valueOf(name)));
        return new StaffAccount(account.id(), account.username(), account.displayName(), account.organisationUscc(),
                account.enabled(), roles);
    }
}
