package org.zhengwu.identity.account;

import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.zhengwu.identity.AccessRegistry;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.shared.access.SuggestedRole;
import org.zhengwu.shared.database.OnceTasks;

/**
 * Creates the first administrator, {@code admin}, on a new database. Its password comes from
 * {@code zhengwu.identity.initial-admin-password} when a deployment supplies one (from its secret store), otherwise it
 * is generated here and printed once to the log — it is never stored in clear anywhere. It holds every staff role the
 * modules declare at that first start, so that a newcomer can try every screen; roles declared later are granted by
 * an administrator.
 */
@Component
@Order(5)
class InitialAdministrator implements ApplicationRunner {

    static final String USERNAME = "admin";
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

    InitialAdministrator(
            StaffAccounts accounts, OnceTasks onceTasks, AccessRegistry registry, IdentityProperties properties) {
        this.accounts = accounts;
        this.onceTasks = onceTasks;
        this.registry = registry;
        this.configuredPassword = properties.initialAdminPassword();
    }

    @Override
    public void run(ApplicationArguments args) {
        onceTasks.runOnce("identity.initial-administrator", () -> {
            boolean generated = !StringUtils.hasText(configuredPassword);
            String password = generated ? generate() : configuredPassword;
            accounts.create(
                    USERNAME,
                    "平台管理员",
                    password,
                    null,
                    registry.staffRoles().stream().map(SuggestedRole::code).toList(),
                    "system");
            if (generated) {
                log.warn(
                        "Created initial administrator '{}' with a generated password, shown once on the console",
                        USERNAME);
                console.warn("""

                        ================================================================
                          初始管理员 Initial administrator
                          用户名 username: {}
                          密码 password:   {}
                          This is shown once. Keep it in your password manager.
                        ================================================================""", USERNAME, password);
            } else {
                log.info("Created initial administrator '{}' with the configured password", USERNAME);
            }
        });
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
