package org.zhengwu.shared.audit;

import java.time.Instant;

/**
 * A stored entry of the accountability log, with its place in its chain: {@code seq} numbers entries across all chains,
 * {@code chainSeq} within chain {@code chain}, where {@code prevHash} is its predecessor's seal.
 */
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
        String hash,
        int chain,
        long chainSeq) {}
