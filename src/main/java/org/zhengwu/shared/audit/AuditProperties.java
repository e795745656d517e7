package org.zhengwu.shared.audit;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The accountability log's settings ({@code zhengwu.audit.*}).
 *
 * @param retention how long entries are kept ({@code ZHENGWU_AUDIT_RETENTION}); never less than 180 days
 * @param chains how many independent chains audited writes are spread over ({@code ZHENGWU_AUDIT_CHAINS}, 1–64)
 * @param anchorFile the append-only file outside the database that receives the signed checkpoints
 *     ({@code ZHENGWU_AUDIT_ANCHOR_FILE})
 * @param anchorEvery how often a checkpoint of the chain heads is written when the log has grown
 *     ({@code ZHENGWU_AUDIT_ANCHOR_EVERY}); zero: only at start and stop
 */
@ConfigurationProperties("zhengwu.audit")
record AuditProperties(
        @DefaultValue("365d") Duration retention,
        @DefaultValue("8") int chains,
        Path anchorFile,
        @DefaultValue("5m") Duration anchorEvery) {

    AuditProperties {
        if (chains < 1 || chains > AccountabilityLog.MAX_CHAINS) {
            throw new IllegalArgumentException(
                    "zhengwu.audit.chains must be between 1 and " + AccountabilityLog.MAX_CHAINS + ", not " + chains);
        }
    }

    /** Retention alone, with the other settings at their defaults (tests). */
    static AuditProperties retainingFor(Duration retention) {
        return new AuditProperties(retention, 8, null, Duration.ofMinutes(5));
    }
}
