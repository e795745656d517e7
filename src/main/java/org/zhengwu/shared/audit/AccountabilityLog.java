package org.zhengwu.shared.audit;

import jakarta.annotation.PostConstruct;
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
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.zhengwu.shared.crypto.PlatformKeys;
import org.zhengwu.shared.crypto.Sm3;

/**
 * The accountability log (责任认定). {@link #record} appends in the caller's transaction, so an entry exists exactly when
 * the change it describes was committed. Entries are spread over several independent chains: a writer locks one
 * chain's head row until its transaction ends (which keeps each chain without gaps) and takes a free chain when it can,
 * so audited writes of concurrent transactions do not wait for one another. Each entry is sealed with HMAC-SM3 over
 * its content and its predecessor's seal, under a key the database does not hold; {@link AuditAnchors} writes signed
 * checkpoints of the chain heads outside the database, and {@link #verify} checks both.
 */
@Service
public class AccountabilityLog implements SmartLifecycle {

    static final int MAX_CHAINS = 64;
    static final String GENESIS = "0".repeat(64);
    private static final int PAGE = 1000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PlatformKeys keys;
    private final AuditAnchors anchors;
    private final int chains;
    private final NamedParameterJdbcTemplate batch;
    private final GroupCommit group;

    AccountabilityLog(
            JdbcClient jdbc,
            NamedParameterJdbcTemplate batch,
            PlatformTransactionManager transactions,
            Clock clock,
            PlatformKeys keys,
            AuditAnchors anchors,
            AuditProperties properties) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.group = new GroupCommit(transactions, this::append);
        this.clock = clock;
        this.keys = keys;
        this.anchors = anchors;
        this.chains = properties.chains();
    }

    /** A chain's head as a writer holds it. */
    private record Head(int chain, long lastSeq, String lastHash, long keyedFrom) {}

    /**
     * Appends an entry and returns once it is committed. Inside a transaction it is appended in that transaction, so
     * that it exists exactly when the change it describes is committed. Outside one (a token issued, a sign-in
     * refused) it is committed together with the entries other requests append at the same moment ({@link
     * GroupCommit}).
     */
    public AuditEntry record(AuditEvent event) {
        Origin origin = Origin.now(clock);
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return append(List.of(new Appended(event, origin))).get(0);
        }
        return group.append(new Appended(event, origin));
    }

    /** When an entry was recorded and where the request that recorded it came from. */
    record Origin(Instant at, String clientIp, String requestId) {

        static Origin now(Clock clock) {
            HttpServletRequest request = currentRequest();
            return new Origin(
                    clock.instant().truncatedTo(ChronoUnit.MICROS),
                    request == null ? null : request.getRemoteAddr(),
                    MDC.get("requestId"));
        }
    }

    /** An event to append, with its origin. */
    record Appended(AuditEvent event, Origin origin) {}

    /**
     * Appends entries, in order, to the head this transaction holds (taking one if it holds none): their entry numbers
     * in one round trip, the rows in one batch, the head moved once.
     */
    private List<AuditEntry> append(List<Appended> appended) {
        HeldChain held = lockHead();
        Head head = held.head;
        List<Long> numbers = appended.size() == 1
                ? List.of(jdbc.sql("SELECT nextval('shared_audit_entry_seq')")
                        .query(Long.class)
                        .single())
                : jdbc.sql("SELECT nextval('shared_audit_entry_seq') FROM generate_series(1, :n)")
                        .param("n", appended.size())
                        .query(Long.class)
                        .list();
        List<AuditEntry> entries = new ArrayList<>(appended.size());
        String prev = head.lastHash();
        long chainSeq = head.lastSeq();
        for (int i = 0; i < appended.size(); i++) {
            AuditEvent event = appended.get(i).event();
            Origin origin = appended.get(i).origin();
            chainSeq++;
            AuditEntry unsealed = new AuditEntry(
                    numbers.get(i),
                    origin.at(),
                    limit(event.actor(), 100),
                    limit(event.actingFor(), 100),
                    event.action(),
                    event.objectType(),
                    limit(event.objectId(), 100),
                    event.outcome(),
                    origin.clientIp(),
                    origin.requestId(),
                    limit(event.details(), 1000),
                    prev,
                    null,
                    head.chain(),
                    chainSeq);
            String hash = seal(unsealed, keys);
            entries.add(withHash(unsealed, hash));
            prev = hash;
        }
        insert(entries);
        jdbc.sql("UPDATE shared_audit_head SET last_seq = :seq, last_hash = :hash WHERE id = :chain")
                .param("seq", chainSeq)
                .param("hash", prev)
                .param("chain", head.chain())
                .update();
        held.head = new Head(head.chain(), chainSeq, prev, head.keyedFrom());
        return entries;
    }

    private void insert(List<AuditEntry> entries) {
        String sql = """
                INSERT INTO shared_audit_entry (seq, occurred_at, actor, acting_for, action, object_type, object_id,
                    outcome, client_ip, request_id, details, prev_hash, hash, chain, chain_seq)
                VALUES (:seq, :at, :actor, :actingFor, :action, :objectType, :objectId, :outcome, :ip, :requestId,
                    :details, :prev, :hash, :chain, :chainSeq)""";
        SqlParameterSource[] rows = entries.stream()
                .map(e -> new MapSqlParameterSource()
                        .addValue("seq", e.seq())
                        .addValue("at", Timestamp.from(e.occurredAt()))
                        .addValue("actor", e.actor())
                        .addValue("actingFor", e.actingFor())
                        .addValue("action", e.action())
                        .addValue("objectType", e.objectType())
                        .addValue("objectId", e.objectId())
                        .addValue("outcome", e.outcome().name())
                        .addValue("ip", e.clientIp())
                        .addValue("requestId", e.requestId())
                        .addValue("details", e.details())
                        .addValue("prev", e.prevHash())
                        .addValue("hash", e.hash())
                        .addValue("chain", e.chain())
                        .addValue("chainSeq", e.chainSeq()))
                .toArray(SqlParameterSource[]::new);
        if (rows.length == 1) {
            batch.update(sql, rows[0]);
        } else {
            batch.batchUpdate(sql, rows);
        }
    }

    private static AuditEntry withHash(AuditEntry e, String hash) {
        return new AuditEntry(
                e.seq(),
                e.occurredAt(),
                e.actor(),
                e.actingFor(),
                e.action(),
                e.objectType(),
                e.objectId(),
                e.outcome(),
                e.clientIp(),
                e.requestId(),
                e.details(),
                e.prevHash(),
                hash,
                e.chain(),
                e.chainSeq());
    }

    @Override
    public void start() {
        group.start();
    }

    @Override
    public void stop() {
        group.stop();
    }

    @Override
    public boolean isRunning() {
        return group.isRunning();
    }

    /**
     * The group commit stops after the web server (whose requests append) has stopped taking requests, and before
     * the data source closes.
     */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }

    /**
     * The head this transaction appends to: the one it already holds (a second entry of the same transaction follows
     * its first, and a transaction never waits for a second head, so two writers cannot wait for each other), else any
     * head no other transaction holds, starting at a random one; only when every head is held does it wait.
     */
    private HeldChain lockHead() {
        // The current transaction's own synchronizations only: an inner REQUIRES_NEW transaction takes a head of its
        // own.
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof HeldChain held && held.log == this) {
                return held;
            }
        }
        int start = ThreadLocalRandom.current().nextInt(chains);
        Head head = jdbc.sql("""
                        SELECT id, last_seq, last_hash, keyed_from FROM shared_audit_head
                        WHERE id <= :chains ORDER BY mod(id + :start, :chains) LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .param("chains", chains)
                .param("start", start)
                .query(AccountabilityLog::head)
                .optional()
                .orElseGet(() -> jdbc.sql("""
                                SELECT id, last_seq, last_hash, keyed_from FROM shared_audit_head
                                WHERE id = :chain FOR UPDATE""")
                        .param("chain", start + 1)
                        .query(AccountabilityLog::head)
                        .single());
        HeldChain held = new HeldChain(this, head);
        TransactionSynchronizationManager.registerSynchronization(held);
        return held;
    }

    /** The head a transaction holds, kept with the transaction (and forgotten with it). */
    private static final class HeldChain implements TransactionSynchronization {
        final AccountabilityLog log;
        Head head;

        HeldChain(AccountabilityLog log, Head head) {
            this.log = log;
            this.head = head;
        }
    }

    private static Head head(ResultSet rs, int row) throws SQLException {
        return new Head(
                rs.getInt("id"),
                rs.getLong("last_seq"),
                rs.getString("last_hash").strip(),
                rs.getLong("keyed_from"));
    }

    /**
     * Makes sure chains 1…{@code chains} have their heads and retention marks (more chains after a setting change),
     * before anything is recorded. Nodes starting together may both try: the second finds the rows there.
     */
    @PostConstruct
    void prepareChains() {
        for (int chain = 1; chain <= chains; chain++) {
            try {
                prepareChain(chain);
            } catch (DuplicateKeyException startedTogether) {
                // Another node made them a moment ago.
            }
        }
    }

    private void prepareChain(int chain) {
        {
            jdbc.sql("""
                            INSERT INTO shared_audit_head (id, last_seq, last_hash, keyed_from)
                            SELECT :chain, 0, :genesis, 1
                            WHERE NOT EXISTS (SELECT 1 FROM shared_audit_head WHERE id = :chain)""").param("chain", chain).param("genesis", GENESIS).update();
            jdbc.sql("""
                            INSERT INTO shared_audit_retention (id, removed_through_seq, removed_through_hash)
                            SELECT :chain, 0, :genesis
                            WHERE NOT EXISTS (SELECT 1 FROM shared_audit_retention WHERE id = :chain)""").param("chain", chain).param("genesis", GENESIS).update();
        }
    }

    /**
     * Walks every chain from where retention last cut it to its head and names the first entry that was altered or is
     * missing; then checks the chains against the newest signed checkpoint outside the database, which a rewrite of the
     * database alone — entries and seals recomputed, key stolen or not — cannot follow. The walk reads one snapshot,
     * bounded by the heads it read first: entries appended meanwhile are left for the next walk.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public ChainVerification verify() {
        List<Map<String, Object>> starts = jdbc.sql("""
                        SELECT h.id, h.last_seq, h.last_hash, h.keyed_from, r.removed_through_seq, r.removed_through_hash
                        FROM shared_audit_head h JOIN shared_audit_retention r ON r.id = h.id
                        ORDER BY h.id""").query().listOfRows();
        AuditAnchors.Checkpoints checkpoints = anchors.read();
        if (checkpoints.forgedLine() != null) {
            return new ChainVerification(
                    0, (long) checkpoints.forgedLine(), ChainVerification.Problem.CHECKPOINT_FORGED, 0, null, null);
        }
        long checked = 0;
        for (Map<String, Object> start : starts) {
            int chain = ((Number) start.get("id")).intValue();
            long lastSeq = ((Number) start.get("last_seq")).longValue();
            long keyedFrom = ((Number) start.get("keyed_from")).longValue();
            long expectedSeq = ((Number) start.get("removed_through_seq")).longValue() + 1;
            String expectedPrev = ((String) start.get("removed_through_hash")).strip();
            long after = expectedSeq - 1;
            while (after < lastSeq) {
                List<AuditEntry> page = jdbc.sql("""
                                SELECT * FROM shared_audit_entry
                                WHERE chain = :chain AND chain_seq > :after AND chain_seq <= :last
                                ORDER BY chain_seq LIMIT :limit""")
                        .param("chain", chain)
                        .param("after", after)
                        .param("last", lastSeq)
                        .param("limit", PAGE)
                        .query(AccountabilityLog::map)
                        .list();
                if (page.isEmpty()) {
                    break;
                }
                for (AuditEntry entry : page) {
                    if (entry.chainSeq() != expectedSeq) {
                        return new ChainVerification(
                                checked,
                                seqNear(chain, expectedSeq),
                                ChainVerification.Problem.MISSING,
                                checkpoints.count(),
                                chain,
                                expectedSeq);
                    }
                    String expectedHash = entry.chainSeq() >= keyedFrom ? seal(entry, keys) : legacyHash(entry);
                    if (!entry.prevHash().equals(expectedPrev) || !entry.hash().equals(expectedHash)) {
                        return new ChainVerification(
                                checked,
                                entry.seq(),
                                ChainVerification.Problem.ALTERED,
                                checkpoints.count(),
                                chain,
                                entry.chainSeq());
                    }
                    checked++;
                    expectedSeq = entry.chainSeq() + 1;
                    expectedPrev = entry.hash();
                    after = entry.chainSeq();
                }
            }
            if (expectedSeq - 1 != lastSeq) {
                return new ChainVerification(
                        checked,
                        seqNear(chain, expectedSeq),
                        ChainVerification.Problem.TRUNCATED,
                        checkpoints.count(),
                        chain,
                        expectedSeq);
            }
            if (!((String) start.get("last_hash")).strip().equals(expectedPrev)) {
                return new ChainVerification(
                        checked,
                        seqNear(chain, lastSeq),
                        ChainVerification.Problem.ALTERED,
                        checkpoints.count(),
                        chain,
                        lastSeq);
            }
            ChainVerification againstCheckpoint = againstCheckpoint(
                    chain,
                    lastSeq,
                    keyedFrom,
                    ((Number) start.get("removed_through_seq")).longValue(),
                    checkpoints,
                    checked);
            if (againstCheckpoint != null) {
                return againstCheckpoint;
            }
        }
        return ChainVerification.intact(checked, checkpoints.count());
    }

    /**
     * The chain as the newest checkpoint saw it: the entry at the checkpoint's position must still carry the seal it
     * had (a hash chain, so this vouches for every entry before it), the chain must still reach that far, and the
     * keying must not have moved.
     */
    private ChainVerification againstCheckpoint(
            int chain,
            long lastSeq,
            long keyedFrom,
            long removedThrough,
            AuditAnchors.Checkpoints checkpoints,
            long checked) {
        AuditAnchors.ChainHead anchored = checkpoints.newest().get(chain);
        if (anchored == null) {
            return null;
        }
        if (anchored.keyedFrom() != keyedFrom) {
            long from = Math.min(anchored.keyedFrom(), keyedFrom);
            return new ChainVerification(
                    checked,
                    seqNear(chain, from),
                    ChainVerification.Problem.DIVERGES_FROM_CHECKPOINT,
                    checkpoints.count(),
                    chain,
                    from);
        }
        if (anchored.lastSeq() > lastSeq) {
            return new ChainVerification(
                    checked, null, ChainVerification.Problem.TRUNCATED, checkpoints.count(), chain, lastSeq + 1);
        }
        if (anchored.lastSeq() <= removedThrough || anchored.lastSeq() == 0) {
            return null;
        }
        Optional<Map<String, Object>> entry =
                jdbc.sql("""
                        SELECT seq, hash FROM shared_audit_entry WHERE chain = :chain AND chain_seq = :chainSeq""").param("chain", chain).param("chainSeq", anchored.lastSeq()).query().listOfRows().stream()
                        .findFirst();
        if (entry.isEmpty() || !((String) entry.get().get("hash")).strip().equals(anchored.lastHash())) {
            return new ChainVerification(
                    checked,
                    entry.map(e -> ((Number) e.get("seq")).longValue()).orElse(null),
                    ChainVerification.Problem.DIVERGES_FROM_CHECKPOINT,
                    checkpoints.count(),
                    chain,
                    anchored.lastSeq());
        }
        return null;
    }

    /** The entry number of a chain position, or of the nearest one after it, for naming what is missing. */
    private Long seqNear(int chain, long chainSeq) {
        return jdbc.sql("""
                        SELECT seq FROM shared_audit_entry WHERE chain = :chain AND chain_seq >= :chainSeq
                        ORDER BY chain_seq LIMIT 1""")
                .param("chain", chain)
                .param("chainSeq", chainSeq)
                .query(Long.class)
                .optional()
                .orElse(null);
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

    /**
     * The seal of an entry: HMAC-SM3 under the audit key over its predecessor's seal, its place (chain, position, entry
     * number) and every field, each length-prefixed.
     */
    static String seal(AuditEntry e, PlatformKeys keys) {
        List<byte[]> parts = canonical(e, true);
        return HexFormat.of().formatHex(keys.auditSeal(parts.toArray(byte[][]::new)));
    }

    /** The plain SM3 hash of entries written before the chains were keyed (their position is their entry number). */
    static String legacyHash(AuditEntry e) {
        List<byte[]> parts = canonical(e, false);
        return HexFormat.of().formatHex(Sm3.hash(parts.toArray(byte[][]::new)));
    }

    private static List<byte[]> canonical(AuditEntry e, boolean keyed) {
        List<byte[]> parts = new ArrayList<>();
        parts.add(HexFormat.of().parseHex(e.prevHash()));
        List<String> fields = new ArrayList<>();
        if (keyed) {
            fields.add(Integer.toString(e.chain()));
            fields.add(Long.toString(e.chainSeq()));
        }
        fields.addAll(java.util.Arrays.asList(
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
                e.details()));
        for (String field : fields) {
            byte[] bytes = field == null ? new byte[0] : field.getBytes(StandardCharsets.UTF_8);
            parts.add(ByteBuffer.allocate(5)
                    .put((byte) (field == null ? 0 : 1))
                    .putInt(bytes.length)
                    .array());
            parts.add(bytes);
        }
        return parts;
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
                rs.getString("hash").strip(),
                rs.getInt("chain"),
                rs.getLong("chain_seq"));
    }
}
