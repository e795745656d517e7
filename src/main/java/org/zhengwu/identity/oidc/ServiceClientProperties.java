package org.zhengwu.identity.oidc;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * A department system registered from the deployment's secret store ({@code zhengwu.identity.service-client.*}).
 *
 * @param id its client id ({@code ZHENGWU_SERVICE_CLIENT_ID}); blank: none
 * @param secret its client secret ({@code ZHENGWU_SERVICE_CLIENT_SECRET}), at least 32 characters
 */
@ConfigurationProperties("zhengwu.identity.service-client")
record ServiceClientProperties(String id, String secret) {

    ServiceClientProperties {
        id = id == null ? "" : id.strip();
        secret = secret == null ? "" : secret;
    }
}
