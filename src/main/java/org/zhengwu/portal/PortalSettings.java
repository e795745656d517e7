package org.zhengwu.portal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param provinceCode the province this deployment serves (GB/T 2260), root of the region navigation
 */
@ConfigurationProperties("zhengwu.portal")
record PortalSettings(@DefaultValue("340000") String provinceCode) {
}
