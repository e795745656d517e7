package org.zhengwu.identity.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The account settings of {@code zhengwu.identity.*}.
 *
 * @param initialAdminPassword    the password of {@code admin} on a new database ({@code ZHENGWU_INITIAL_ADMIN_PASSWORD})
 *     when the administrators are not separated; blank: generated and printed once
 * @param separateAdministrators  三员分立 ({@code ZHENGWU_IDENTITY_SEPARATE_ADMINISTRATORS}, on unless the demo turns it off):
 *     nobody holds two of the system administrator, security administrator and auditor, the combined {@code ADMIN}
 *     cannot be granted, and a new database gets three initial administrators instead of {@code admin}
 */
@ConfigurationProperties("zhengwu.identity")
record IdentityProperties(
        String initialAdminPassword, @DefaultValue("true") boolean separateAdministrators) {

    IdentityProperties {
        initialAdminPassword = initialAdminPassword == null ? "" : initialAdminPassword;
    }
}
