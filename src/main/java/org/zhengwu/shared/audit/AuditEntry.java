package org.zhengwu.shared.audit;

import java.time.Instant;

/** A stored entry of the accountability log, with its place in the chain. */
public record AuditEntry(
        long seq,
        Instant occurredAt,
        String actor,
        String actingFor,
        String action,
        String objectType,
        String objectId,
        AuditEvent.Outcome outcome,
        String clientIp,
        String requestId,
        String details,
        String prevHash,
        String hash) {}
