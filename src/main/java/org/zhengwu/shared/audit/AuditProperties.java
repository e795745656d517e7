package org.zhengwu.shared.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The accountability log's settings ({@code zhengwu.audit.*}).
 *
 * @param retention how long entries are kept ({@code ZHENGWU_AUDIT_RETENTION}); never less than 180 days
 */
@ConfigurationProperties("zhengwu.audit")
record AuditProperties(@DefaultValue("365d") Duration retention) {}
