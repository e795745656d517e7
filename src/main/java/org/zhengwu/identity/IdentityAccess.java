package org.zhengwu.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zhengwu.basedata.BaseDataAccess;
import org.zhengwu.shared.access.ModuleAccess;
import org.zhengwu.shared.access.Reach;

/**
 * The permissions identity checks and the roles it suggests, declared the way every module declares its own.
 *
 * <p>Separation of duties (等保 三权分立 in spirit): the platform administrator manages accounts, clients and
 * reference data and reads the log, but drafting, reviewing and counter checks belong to the business roles.
 *
 * @see ModuleAccess how a module declares its permissions and roles
 */
@Configuration(proxyBeanMethods = false)
public class IdentityAccess {

    public static final String ACCOUNT_MANAGE = "account.manage";
    public static final String CLIENT_MANAGE = "client.manage";
    public static final String AUDIT_READ = "audit.read";
    public static final String VERIFY_IN_PERSON = "identity.verify-in-person";

    /** Platform administrator: accounts, clients, reference data, the accountability log. */
    public static final String ADMIN = "ADMIN";

    /** Confirms a citizen's identity at a service counter (实名等级 L4). */
    public static final String IDENTITY_CLERK = "IDENTITY_CLERK";

    @Bean
    ModuleAccess identityModuleAccess() {
        return ModuleAccess.of("identity", "统一身份认证", "Identity")
                .permission(ACCOUNT_MANAGE, "管理用户账号和角色", "Manage accounts and their roles", Reach.ORGANISATION)
                .permission(CLIENT_MANAGE, "管理接入系统和签名密钥", "Manage client systems and signing keys", Reach.ORGANISATION)
                .permission(AUDIT_READ, "查阅和核验操作日志", "Read and verify the accountability log", Reach.ORGANISATION)
                .permission(
                        VERIFY_IN_PERSON, "窗口现场核验身份", "Verify a person's identity at the counter", Reach.ORGANISATION)
                .staffRole(
                        ADMIN,
                        "平台管理员",
                        "Platform administrator",
                        ACCOUNT_MANAGE,
                        CLIENT_MANAGE,
                        AUDIT_READ,
                        BaseDataAccess.MANAGE)
                .staffRole(IDENTITY_CLERK, "窗口实名核验人员", "Counter identity clerk", VERIFY_IN_PERSON);
    }
}
