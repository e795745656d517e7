package org.zhengwu.portal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The portal's settings ({@code zhengwu.portal.*}). The page cache is switched by
 * {@code zhengwu.portal.page-cache-enabled}, read as a condition by {@link AnonymousPageCache}.
 *
 * @param provinceCode the province this deployment serves (GB/T 2260), root of the region navigation
 *     ({@code ZHENGWU_PROVINCE}; its default is in application.yml)
 * @param pageCacheTtl how long a public page rendered for anonymous visitors is reused
 * @param pageCacheSize how much memory each node gives those pages, counted gzip-compressed as they are kept (a
 *     search page about 3–4 KB)
 */
@ConfigurationProperties("zhengwu.portal")
record PortalSettings(
        String provinceCode,
        @DefaultValue("30s") Duration pageCacheTtl,
        @DefaultValue("32MB") DataSize pageCacheSize) {}
