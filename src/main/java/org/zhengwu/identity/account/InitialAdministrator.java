package org.zhengwu.identity.account;

import java.security.SecureRandom;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.zhengwu.identity.AccessRegistry;
import org.zhengwu.identity.IdentityAccess;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.shared.access.SuggestedRole;
import org.zhengwu.shared.database.OnceTasks;

/**
 * Creates the first administrators on a new database. With the administrators separated (三员分立, the default) they
 * are three — {@code sysadmin} (系统管理员), {@code secadmin} (安全管理员) and {@code auditor} (安全审计员) — each with a
 * password generated here and printed once to the console: one configured password for all three would put the three
 * duties in one hand again. In the demo ({@code zhengwu.identity.separate-administrators=false}) it is one,
 * {@code admin}, holding every staff role the modules declare at that first start so that a newcomer can try every
 * screen; its password comes from {@code zhengwu.identity.initial-admin-password} when a deployment supplies one,
 * otherwise it is generated. No password is stored in clear anywhere.
 *
 * <p>At every start with the administrators separated, an enabled account that still holds the combined role (a
 * database from before the separation) is named in a warning, for the security administrator to split its duties.
 */
@Component
@Order(5)
class InitialAdministrator implements ApplicationRunner {

    static final String USERNAME = "admin";

    /** The separated initial administrators: username, display name, role. */
    static final List<List<String>> SEPARATED = List.of(
            List.of("sysadmin", "系统管理员", IdentityAccess.SYSTEM_ADMIN),
            List.of("secadmin", "安全管理员", IdentityAccess.SECURITY_ADMIN),
            List.of("auditor", "安全审计员", IdentityAccess.AUDITOR));

    private static final Logger log = LoggerFactory.getLogger(InitialAdministrator.class);
    /**
     * The generated password goes to the console only (logback-spring.xml: logger {@value #CONSOLE_ONLY}), never to
     * the log file, which outlives the first start and is read by log collectors.
     */
    static final String CONSOLE_ONLY = "org.zhengwu.console-only";

    private static final Logger console = LoggerFactory.getLogger(CONSOLE_ONLY);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final StaffAccounts accounts;
    private final OnceTasks onceTasks;
    private final AccessRegistry registry;
    private final String configuredPassword;
    private final boolean separated;
    private final AccountRepository repository;

    InitialAdministrator(
            StaffAccounts accounts,
            OnceTasks onceTasks,
            AccessRegistry registry,
            IdentityProperties properties,
            AccountRepository repository) {
        this.accounts = accounts;
        this.onceTasks = onceTasks;
        this.registry = registry;
        this.configuredPassword = properties.initialAdminPassword();
        this.separated = properties.separateAdministrators();
        this.repository = repository;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (separated) {
            onceTasks.runOnce("identity.initial-administrator", this::createSeparated);
            List<String> combined = repository.enabledHolders(IdentityAccess.ADMIN);
            if (!combined.isEmpty()) {
                log.warn(
                        "三员分立: enabled accounts {} still hold the combined role {}; a security administrator should"
                                + " replace it with one of {}, {} or {}",
                        combined,
                        IdentityAccess.ADMIN,
                        IdentityAccess.SYSTEM_ADMIN,
                        IdentityAccess.SECURITY_ADMIN,
                        IdentityAccess.AUDITOR);
            }
            return;
        }
        onceTasks.runOnce("identity.initial-administrator", () -> {
            boolean generated = !StringUtils.hasText(configuredPassword);
            String password = generated ? generate() : configuredPassword;
            long id = accounts.create(
                    USERNAME,
                    "平台管理员",
                    password,
                    null,
                    registry.staffRoles().stream().map(SuggestedRole::code).toList(),
                    "system");
            if (generated) {
                accounts.requireNewPassword(id);
                log.warn(
                        "Created initial administrator '{}' with a generated password, shown once on the console",
                        USERNAME);
                console.warn("""

                        ================================================================
                          初始管理员 Initial administrator
                          用户名 username: {}
                          密码 password:   {}
                          This is shown once; it must be changed at the first sign-in.
                        ================================================================""", USERNAME, password);
            } else {
                log.info("Created initial administrator '{}' with the configured password", USERNAME);
            }
        });
    }

    private void createSeparated() {
        if (StringUtils.hasText(configuredPassword)) {
            log.warn("The initial administrator password is ignored: the three separated administrators each get a"
                    + " generated one");
        }
        for (List<String> administrator : SEPARATED) {
            String username = administrator.get(0);
            String password = generate();
            long id = accounts.create(
                    username, administrator.get(1), password, null, List.of(administrator.get(2)), "system");
            accounts.requireNewPassword(id);
            log.warn(
                    "Created initial {} '{}' with a generated password, shown once on the console",
                    administrator.get(2),
                    username);
            console.warn("""

                    ================================================================
                      初始{} Initial {}
                      用户名 username: {}
                      密码 password:   {}
                      This is shown once; it must be changed at the first sign-in.
                    ================================================================""", administrator.get(1), administrator.get(2), username, password);
        }
    }

    /** 20 characters from upper, lower case and digits: about 116 bits. */
    private static String generate() {
        SecureRandom random = new SecureRandom();
        while (true) {
            StringBuilder password = new StringBuilder();
            for (int i = 0; i < 20; i++) {
                password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String candidate = password.toString();
            if (candidate.chars().anyMatch(Character::isUpperCase)
                    && candidate.chars().anyMatch(Character::isLowerCase)
                    && candidate.chars().anyMatch(Character::isDigit)) {
                return candidate;
            }
        }
    }
}
