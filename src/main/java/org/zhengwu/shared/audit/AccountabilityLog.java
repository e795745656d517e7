package org.zhengwu.shared.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.zhengwu.shared.crypto.Sm3;

/**
 * The accountability log. {@link #record} appends in the caller's transaction (so an entry exists exactly when the
 * change it describes was committed); the chain head row is locked until that transaction ends, which keeps sequence
 * numbers without gaps — callers record last, just before they commit.
 */
@Service
public class AccountabilityLog {

    private static final int PAGE = 1000;

    private final JdbcClient jdbc;
    private final Clock clock;

    AccountabilityLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public AuditEntry record(AuditEvent event) {
        Map<String, Object> head = jdbc.sql("SELECT last_seq, last_hash FROM shared_audit_head WHERE id = 1 FOR UPDATE")
                .query()
                .singleRow();
        long seq = ((Number) head.get("last_seq")).longValue() + 1;
        String prevHash = ((String) head.get("last_hash")).strip();
        HttpServletRequest request = currentRequest();
        String clientIp = request == null ? null : request.getRemoteAddr();
        String requestId = MDC.get("requestId");
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        AuditEntry unsealed = new AuditEntry(
                seq,
                now,
                limit(event.actor(), 100),
                limit(event.actingFor(), 100),
                event.action(),
                event.objectType(),
                limit(event.objectId(), 100),
                event.outcome(),
                clientIp,
                requestId,
                limit(event.details(), 1000),
                prevHash,
                null);
        String hash = hash(unsealed);
        jdbc.sql("""
                        INSERT INTO shared_audit_entry (seq, occurred_at, actor, acting_for, action, object_type, object_id,
                            outcome, client_ip, request_id, details, prev_hash, hash)
                        VALUES (:seq, :at, :actor, :actingFor, :action, :objectType, :objectId, :outcome, :ip, :requestId,
                            :details, :prev, :hash)""")
                .param("seq", seq)
                .param("at", Timestamp.from(now))
                .param("actor", unsealed.actor())
                .param("actingFor", unsealed.actingFor())
                .param("action", unsealed.action())
                .param("objectType", unsealed.objectType())
                .param("objectId", unsealed.objectId())
                .param("outcome", unsealed.outcome().name())
                .param("ip", clientIp)
                .param("requestId", requestId)
                .param("details", unsealed.details())
                .param("prev", prevHash)
                .param("hash", hash)
                .update();
        jdbc.sql("UPDATE shared_audit_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
                .param("seq", seq)
                .param("hash", hash)
                .update();
        return new AuditEntry(
                seq,
                now,
                unsealed.actor(),
                unsealed.actingFor(),
                unsealed.action(),
                unsealed.objectType(),
                unsealed.objectId(),
                unsealed.outcome(),
                clientIp,
                requestId,
                unsealed.details(),
                prevHash,
                hash);
    }

    /**
     * Walks the chain from where retention last cut it (older entries are removed after their retention period, and
     * the first kept entry must follow the last removed one) to the head, and names the first entry that was altered
     * or is missing. The walk reads one snapshot, bounded by the head it read first: entries appended meanwhile are
     * left for the next walk instead of looking like a broken end.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public ChainVerification verify() {
        Map<String, Object> start = jdbc.sql("""
                        SELECT h.last_seq, h.last_hash, r.removed_through_seq, r.removed_through_hash
                        FROM shared_audit_head h CROSS JOIN shared_audit_retention r
                        WHERE h.id = 1 AND r.id = 1""").query().singleRow();
        long lastSeq = ((Number) start.get("last_seq")).longValue();
        long expectedSeq = ((Number) start.get("removed_through_seq")).longValue() + 1;
        String expectedPrev = ((String) start.get("removed_through_hash")).strip();
        long checked = 0;
        long after = expectedSeq - 1;
        while (after < lastSeq) {
            List<AuditEntry> page = jdbc.sql("""
                            SELECT * FROM shared_audit_entry WHERE seq > :after AND seq <= :last ORDER BY seq LIMIT :limit""")
                    .param("after", after)
                    .param("last", lastSeq)
                    .param("limit", PAGE)
                    .query(AccountabilityLog::map)
                    .list();
            if (page.isEmpty()) {
                break;
            }
            for (AuditEntry entry : page) {
                if (entry.seq() != expectedSeq) {
                    return new ChainVerification(checked, expectedSeq, ChainVerification.Problem.MISSING);
                }
                if (!entry.prevHash().equals(expectedPrev) || !entry.hash().equals(hash(entry))) {
                    return new ChainVerification(checked, entry.seq(), ChainVerification.Problem.ALTERED);
                }
                checked++;
                expectedSeq = entry.seq() + 1;
                expectedPrev = entry.hash();
                after = entry.seq();
            }
        }
        if (expectedSeq - 1 != lastSeq) {
            return new ChainVerification(checked, expectedSeq, ChainVerification.Problem.TRUNCATED);
        }
        if (!((String) start.get("last_hash")).strip().equals(expectedPrev)) {
            return new ChainVerification(checked, lastSeq, ChainVerification.Problem.ALTERED);
        }
        return new ChainVerification(checked, null, null);
    }

    /** Search criteria; every one is optional. */
    public record Query(String actor, String objectType, String objectId, String action, Instant from, Instant to) {}

    /** Newest first. */
    @Transactional(readOnly = true)
    public List<AuditEntry> search(Query query, int limit, long offset) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> p = new java.util.HashMap<>();
        if (query.actor() != null) {
            where.append(" AND (actor = :actor OR acting_for = :actor)");
            p.put("actor", query.actor());
        }
        if (query.objectType() != null) {
            where.append(" AND object_type = :objectType");
            p.put("objectType", query.objectType());
        }
        if (query.objectId() != null) {
            where.append(" AND object_id = :objectId");
            p.put("objectId", query.objectId());
        }
        if (query.action() != null) {
            where.append(" AND action = :action");
            p.put("action", query.action());
        }
        if (query.from() != null) {
            where.append(" AND occurred_at >= :from");
            p.put("from", Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            where.append(" AND occurred_at < :to");
            p.put("to", Timestamp.from(query.to()));
        }
        p.put("limit", limit);
        p.put("offset", offset);
        return jdbc.sql("SELECT * FROM shared_audit_entry" + where + " ORDER BY seq DESC LIMIT :limit OFFSET :offset")
                .params(p)
                .query(AccountabilityLog::map)
                .list();
    }

    /** The SM3 chain hash of an entry: its predecessor's hash and every field, each length-prefixed. */
    static String hash(AuditEntry e) {
        List<byte[]> parts = new ArrayList<>();
        parts.add(HexFormat.of().parseHex(e.prevHash()));
        for (String field : new String[] {
            Long.toString(e.seq()),
            Long.toString(micros(e.occurredAt())),
            e.actor(),
            e.actingFor(),
            e.action(),
            e.objectType(),
            e.objectId(),
            e.outcome().name(),
            e.clientIp(),
            e.requestId(),
            e.details()
        }) {
            byte[] bytes = field == null ? new byte[0] : field.getBytes(StandardCharsets.UTF_8);
            parts.add(ByteBuffer.allocate(5)
                    .put((byte) (field == null ? 0 : 1))
                    .putInt(bytes.length)
                    .array());
            parts.add(bytes);
        }
        return HexFormat.of().formatHex(Sm3.hash(parts.toArray(byte[][]::new)));
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
    }

    private static String limit(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest()
                : null;
    }

    private static AuditEntry map(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(
                rs.getLong("seq"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("actor"),
                rs.getString("acting_for"),
                rs.getString("action"),
                rs.getString("object_type"),
                rs.getString("object_id"),
                AuditEvent.Outcome.valueOf(rs.getString("outcome")),
                rs.getString("client_ip"),
                rs.getString("request_id"),
                rs.getString("details"),
                rs.getString("prev_hash").strip(),
                rs.getString("hash").strip());
    }
}
