package org.zhengwu.portal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param provinceCode the province this deployment serves (GB/T 2260), root of the region navigation
 * @param pageCacheTtl how long a public page rendered for anonymous visitors is reused
 */
@ConfigurationProperties("zhengwu.portal")
record PortalSettings(
        @DefaultValue("340000") String provinceCode,
        @DefaultValue("30s") Duration pageCacheTtl) {}
