package org.zhengwu.identity;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zhengwu.basedata.BaseDataAccess;
import org.zhengwu.shared.access.ModuleAccess;
import org.zhengwu.shared.access.Reach;
import org.zhengwu.shared.calendar.CalendarAccess;

/**
 * The permissions identity checks and the roles it suggests, declared the way every module declares its own.
 *
 * <p>Separation of duties (等保 三员分立): platform administration is split between the 系统管理员 (accounts, clients,
 * reference data), the 安全管理员 (who holds which role, unlocks, second-factor resets) and the 安全审计员 (reads and
 * verifies the log, nothing else); nobody holds two of them ({@link org.zhengwu.identity.account.AdministratorDuties}).
 * The old combined {@link #ADMIN} stays for the demo only. Drafting, reviewing and counter checks belong to the
 * business roles.
 *
 * @see ModuleAccess how a module declares its permissions and roles
 */
@Configuration(proxyBeanMethods = false)
public class IdentityAccess {

    public static final String ACCOUNT_MANAGE = "account.manage";
    public static final String ACCOUNT_GRANT = "account.grant";
    public static final String ACCOUNT_SECURE = "account.secure";
    public static final String CLIENT_MANAGE = "client.manage";
    public static final String AUDIT_READ = "audit.read";

    /** Key operations: the field key's re-encryption (密钥管理), the 安全管理员's. */
    public static final String KEYS_MANAGE = "crypto.keys";

    public static final String VERIFY_IN_PERSON = "identity.verify-in-person";

    /** 系统管理员: creates, changes, enables and disables accounts; clients; reference data and the working-day calendar. */
    public static final String SYSTEM_ADMIN = "SYSTEM_ADMIN";

    /** 安全管理员: grants and removes roles, unlocks accounts, resets second factors, manages the data keys. */
    public static final String SECURITY_ADMIN = "SECURITY_ADMIN";

    /** 安全审计员: reads and verifies the accountability log, nothing else. */
    public static final String AUDITOR = "AUDITOR";

    /**
     * The three administrators in one (三员合一), for the demo only: it cannot be granted while
     * {@code zhengwu.identity.separate-administrators} is on.
     */
    public static final String ADMIN = "ADMIN";

    /** The three administrators, of whom nobody may hold two. */
    public static final Set<String> SEPARATED_ROLES = Set.of(SYSTEM_ADMIN, SECURITY_ADMIN, AUDITOR);

    /** The platform's own roles, which reach the whole platform without an organisation. */
    public static final Set<String> PLATFORM_ROLES = Set.of(SYSTEM_ADMIN, SECURITY_ADMIN, AUDITOR, ADMIN);

    /** Confirms a citizen's identity at a service counter (实名等级 L4). */
    public static final String IDENTITY_CLERK = "IDENTITY_CLERK";

    @Bean
    ModuleAccess identityModuleAccess() {
        return ModuleAccess.of("identity", "统一身份认证", "Identity")
                .permission(
                        ACCOUNT_MANAGE,
                        "创建、修改、启用和停用账号",
                        "Create, change, enable and disable accounts",
                        Reach.ORGANISATION)
                .permission(ACCOUNT_GRANT, "授予和取消角色", "Grant and remove roles", Reach.ORGANISATION)
                .permission(
                        ACCOUNT_SECURE,
                        "解除锁定、重置双因素认证等安全设置",
                        "Unlock accounts, reset second factors and other security settings",
                        Reach.ORGANISATION)
                .permission(CLIENT_MANAGE, "管理接入系统和签名密钥", "Manage client systems and signing keys", Reach.ORGANISATION)
                .permission(
                        KEYS_MANAGE,
                        "管理数据加密密钥（重新加密）",
                        "Manage the data encryption keys (re-encryption)",
                        Reach.ORGANISATION)
                .permission(AUDIT_READ, "查阅和核验操作日志", "Read and verify the accountability log", Reach.ORGANISATION)
                .permission(
                        VERIFY_IN_PERSON, "窗口现场核验身份", "Verify a person's identity at the counter", Reach.ORGANISATION)
                .staffRole(
                        SYSTEM_ADMIN,
                        "系统管理员",
                        "System administrator",
                        ACCOUNT_MANAGE,
                        CLIENT_MANAGE,
                        BaseDataAccess.MANAGE,
                        CalendarAccess.MANAGE)
                .staffRole(
                        SECURITY_ADMIN, "安全管理员", "Security administrator", ACCOUNT_GRANT, ACCOUNT_SECURE, KEYS_MANAGE)
                .staffRole(AUDITOR, "安全审计员", "Security auditor", AUDIT_READ)
                .staffRole(
                        ADMIN,
                        "三员合一（仅演示）",
                        "All three administrators (demo only)",
                        ACCOUNT_MANAGE,
                        ACCOUNT_GRANT,
                        ACCOUNT_SECURE,
                        KEYS_MANAGE,
                        CLIENT_MANAGE,
                        AUDIT_READ,
                        BaseDataAccess.MANAGE,
                        CalendarAccess.MANAGE)
                .staffRole(IDENTITY_CLERK, "窗口实名核验人员", "Counter identity clerk", VERIFY_IN_PERSON);
    }
}
