package org.zhengwu.identity.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The account settings of {@code zhengwu.identity.*}.
 *
 * @param initialAdminPassword the password of {@code admin} on a new database ({@code ZHENGWU_INITIAL_ADMIN_PASSWORD});
 *     blank: generated and printed once
 */
@ConfigurationProperties("zhengwu.identity")
record IdentityProperties(String initialAdminPassword) {

    IdentityProperties {
        initialAdminPassword = initialAdminPassword == null ? "" : initialAdminPassword;
    }
}
