package org.zhengwu.licence;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zhengwu.shared.access.ModuleAccess;
import org.zhengwu.shared.access.Reach;
import org.zhengwu.shared.web.PersonalLink;
import org.zhengwu.shared.web.StaffLink;

/**
 * The permissions the licence module checks and the roles it suggests. Issuing itself needs none: it follows a case's
 * 准予 decision. Staff act on what was issued (注销, 加注, 换发) and the platform decides whose seals it trusts.
 *
 * @see ModuleAccess how a module declares its permissions and roles
 */
@Configuration(proxyBeanMethods = false)
public class LicenceAccess {

    /** See the licences the organisation issued, revoke, annotate and re-issue them. */
    public static final String MANAGE = "licence.manage";

    /** Keep the list of other platforms' issuer roots trusted for 互认, and import licences they issued. */
    public static final String TRUST = "licence.trust";

    /** Look at the licences holders have authorised the organisation to use (each look is recorded). */
    public static final String USE = "licence.use";

    public static final String LICENCE_OFFICER = "LICENCE_OFFICER";
    public static final String LICENCE_USER = "LICENCE_USER";
    public static final String LICENCE_TRUST_ADMIN = "LICENCE_TRUST_ADMIN";

    @Bean
    ModuleAccess licenceModuleAccess() {
        return ModuleAccess.of("licence", "电子证照", "Licences")
                .permission(
                        MANAGE,
                        "查看、注销、加注和换发本单位颁发的电子证照",
                        "See, revoke, annotate and re-issue the organisation's licences",
                        Reach.ORGANISATION)
                .permission(
                        TRUST,
                        "维护互认的证照签发机构根证书，导入其他平台的电子证照",
                        "Keep the trusted issuer roots for mutual recognition, import other platforms' licences",
                        Reach.REGION)
                .permission(
                        USE,
                        "查验持证人授权本单位使用的电子证照",
                        "Look at the licences holders have authorised the organisation to use",
                        Reach.ORGANISATION)
                .staffRole(LICENCE_OFFICER, "证照管理人员", "Licence officer", MANAGE)
                .staffRole(LICENCE_USER, "用证人员", "Licence user", USE)
                .staffRole(LICENCE_TRUST_ADMIN, "证照互认管理员", "Licence trust administrator", TRUST);
    }

    /** 个人中心 links here. */
    @Bean
    PersonalLink licencePersonalLink() {
        return new PersonalLink("/my/licences", "licence.mine.title", 20);
    }

    @Bean
    StaffLink licenceManageLink() {
        return new StaffLink(
                "/licences/manage", "licence.manage.title", "licence.link.manage.hint", Set.of(MANAGE), 20);
    }

    @Bean
    StaffLink licenceAuthorisedLink() {
        return new StaffLink(
                "/licences/authorised", "licence.authorised.title", "licence.link.authorised.hint", Set.of(USE), 21);
    }

    @Bean
    StaffLink licenceTrustLink() {
        return new StaffLink("/licences/trust", "licence.trust.title", "licence.link.trust.hint", Set.of(TRUST), 22);
    }
}
