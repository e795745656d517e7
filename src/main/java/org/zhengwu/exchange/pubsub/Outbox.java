package org.zhengwu.exchange.pubsub;

import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhengwu.shared.crypto.PlatformKeys;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox: change records written in the caller's transaction, each once per key and version, with a delivery row
 * for every active push subscription of the resource. Written in batches (one statement per table per batch), so that
 * bulk publishing costs a few round trips, not one per record.
 */
@Repository
class Outbox {

    /** A change's payload is sealed with this followed by its resource code. */
    static final String PAYLOAD_CONTEXT_PREFIX = "exchange_change.payload:";

    /** A record to write: its key (kept encrypted, and as a blind index), and where it first came from. */
    record Change(
            String key, String operation, long version, Map<String, Object> fields, String originNode, Long originId) {}

    /** A change record read back, decrypted. */
    record Stored(
            long id,
            String resourceCode,
            String operation,
            long version,
            String key,
            Map<String, Object> fields,
            String originNode,
            long originId,
            Instant publishedAt) {

        String idempotencyKey() {
            return originNode + ":" + originId;
        }
    }

    /**
     * A change record read back with its payload opened but not parsed, for writing out as it comes: a pull of
     * thousands of records builds no map per record.
     */
    record Opened(
            long id,
            String resourceCode,
            String operation,
            long version,
            String payload,
            String originNode,
            long originId,
            Instant publishedAt) {

        String idempotencyKey() {
            return originNode + ":" + originId;
        }
    }

    /** How many records took effect, and how many were replays of a version already accepted. */
    record Written(List<Long> ids, int replayed) {}

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final PlatformKeys keys;
    private final JsonMapper json;

    /** The most rows a pull reads in one statement ({@link #startReading}). */
    static final int PULL_CHUNK = 1000;

    /** The first chunk of a pull page; each next one twice the one before, up to {@link #PULL_CHUNK}. */
    static final int PULL_FIRST_CHUNK = 250;

    /** Chunks of one pull read ahead of the one written out. */
    static final int PULL_AHEAD = 3;

    private static final int PULL_READERS = 6;

    /** Reads pulls' next chunks: a few threads, each holding a connection for one statement at a time. */
    private final ExecutorService pullReader = Executors.newFixedThreadPool(PULL_READERS, new ThreadFactory() {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(runnable, "exchange-pull-reader-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    });

    Outbox(JdbcClient jdbc, NamedParameterJdbcTemplate batch, PlatformKeys keys, JsonMapper json) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.keys = keys;
        this.json = json;
    }

    String keyIndex(String resourceCode, String key) {
        return keys.blindIndex(key, "exchange_change.key:" + resourceCode);
    }

    private static String context(String resourceCode) {
        return PAYLOAD_CONTEXT_PREFIX + resourceCode;
    }

    /**
     * Writes the records, in order, in the caller's transaction: a version not above the key's last one is a replay
     * and writes nothing; the others go to the outbox and to each active push subscription's deliveries.
     */
    Written write(String resourceCode, List<Change> changes, String source, String node, Instant now) {
        if (changes.isEmpty()) {
            return new Written(List.of(), 0);
        }
        // The resource's writers one after another, each until it commits: ids are taken under this lock, so every
        // record of the resource with a lower id is committed before a higher one is, and a pull's cursor (an id)
        // never passes a record still to be committed. Taken before the keys' rows, in every writer.
        jdbc.sql("SELECT code FROM exchange_resource WHERE code = :resource FOR NO KEY UPDATE")
                .param("resource", resourceCode)
                .query(String.class)
                .list();
        List<String> indexes =
                changes.stream().map(c -> keyIndex(resourceCode, c.key())).toList();
        MapSqlParameterSource[] versions = new MapSqlParameterSource[changes.size()];
        for (int i = 0; i < changes.size(); i++) {
            versions[i] = new MapSqlParameterSource()
                    .addValue("resource", resourceCode)
                    .addValue("key", indexes.get(i))
                    .addValue("version", changes.get(i).version());
        }
        // Row-locked per key until commit: two batches of one key are applied one after the other.
        int[] counts = batch.batchUpdate("""
                INSERT INTO exchange_key_version (resource_code, key_index, last_version)
                VALUES (:resource, :key, :version)
                ON CONFLICT (resource_code, key_index) DO UPDATE SET last_version = EXCLUDED.last_version
                WHERE exchange_key_version.last_version < EXCLUDED.last_version""", versions);
        List<Integer> effective = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != 0) {
                effective.add(i);
            }
        }
        int replayed = changes.size() - effective.size();
        if (effective.isEmpty()) {
            return new Written(List.of(), replayed);
        }
        List<Long> ids = jdbc.sql(
                        "SELECT nextval(pg_get_serial_sequence('exchange_change', 'id')) FROM generate_series(1, :n)")
                .param("n", effective.size())
                .query(Long.class)
                .list();
        Timestamp at = Timestamp.from(now);
        MapSqlParameterSource[] rows = new MapSqlParameterSource[effective.size()];
        for (int j = 0; j < effective.size(); j++) {
            Change change = changes.get(effective.get(j));
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("key", change.key());
            payload.put("fields", change.fields() == null ? Map.of() : change.fields());
            rows[j] = new MapSqlParameterSource()
                    .addValue("id", ids.get(j))
                    .addValue("resource", resourceCode)
                    .addValue("key", indexes.get(effective.get(j)))
                    .addValue("operation", change.operation())
                    .addValue("version", change.version())
                    .addValue("payload", keys.encrypt(json.writeValueAsString(payload), context(resourceCode)))
                    .addValue("source", source)
                    .addValue("node", change.originNode() == null ? node : change.originNode())
                    .addValue("originId", change.originId() == null ? ids.get(j) : change.originId())
                    .addValue("at", at);
        }
        batch.batchUpdate("""
                INSERT INTO exchange_change (id, resource_code, key_index, operation, version, payload, source,
                    origin_node, origin_id, published_at)
                VALUES (:id, :resource, :key, :operation, :version, :payload, :source, :node, :originId, :at)""", rows);
        jdbc.sql("""
                        INSERT INTO exchange_delivery (subscription_id, change_id, key_index, status, next_attempt_at)
                        SELECT s.id, c.id, c.key_index, 'PENDING', :at
                        FROM exchange_change c JOIN exchange_subscription s
                          ON s.resource_code = c.resource_code AND s.mode = 'PUSH' AND s.status = 'ACTIVE'
                        WHERE c.id = ANY(:ids)
                          AND (s.peer_node IS NULL OR s.peer_node <> c.origin_node)""").param("at", at).param("ids", ids.toArray(Long[]::new)).update();
        jdbc.sql("UPDATE exchange_resource SET data_changed_at = :at WHERE code = :resource")
                .param("at", at)
                .param("resource", resourceCode)
                .update();
        return new Written(ids, replayed);
    }

    /** The change records of ids, decrypted, in id order. */
    List<Stored> read(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT id, resource_code, operation, version, payload, origin_node, origin_id, published_at
                        FROM exchange_change WHERE id = ANY(:ids) ORDER BY id""")
                .param("ids", ids.toArray(Long[]::new))
                .query((rs, n) -> stored(rs))
                .list();
    }

    /** A resource's change records after a cursor, in id order. */
    List<Stored> after(String resourceCode, long after, int limit) {
        return jdbc.sql("""
                        SELECT id, resource_code, operation, version, payload, origin_node, origin_id, published_at
                        FROM exchange_change WHERE resource_code = :resource AND id > :after ORDER BY id LIMIT :limit""")
                .param("resource", resourceCode)
                .param("after", after)
                .param("limit", limit)
                .query((rs, n) -> stored(rs))
                .list();
    }

    /** The ids of a resource's first {@code limit} change records after a cursor, in order: a pull page's bounds. */
    List<Long> idsAfter(String resourceCode, long after, int limit) {
        return jdbc.sql("""
                        SELECT id FROM exchange_change WHERE resource_code = :resource AND id > :after
                        ORDER BY id LIMIT :limit""")
                .param("resource", resourceCode)
                .param("after", after)
                .param("limit", limit)
                .query(Long.class)
                .list();
    }

    /**
     * Starts reading a pull page: the change records of {@code ids} (the page's ids in order, the first after
     * {@code after}), read and opened up to {@link #PULL_CHUNK} at a time on other threads, {@link #PULL_AHEAD} chunks
     * ahead of the one the caller writes out. Reading and opening a page, then writing it, kept one core busy and the
     * other idle; and the page's first chunks are read while the caller records the pull.
     */
    PageReading startReading(String resourceCode, long after, List<Long> ids) {
        return new PageReading(resourceCode, after, ids);
    }

    /** A pull page being read ahead; closing it stops the reads not yet taken. */
    final class PageReading implements AutoCloseable {

        private final String resourceCode;
        private final long after;
        private final List<Long> ids;
        private final Deque<Future<List<Opened>>> reading = new ArrayDeque<>();
        private int next;

        /** The first chunks small, so that the first records go out soon; then doubling up to PULL_CHUNK. */
        private int chunk = PULL_FIRST_CHUNK;

        private PageReading(String resourceCode, long after, List<Long> ids) {
            this.resourceCode = resourceCode;
            this.after = after;
            this.ids = ids;
            readAhead();
        }

        private void readAhead() {
            while (next < ids.size() && reading.size() < PULL_AHEAD) {
                long from = next == 0 ? after : ids.get(next - 1);
                long through = ids.get(Math.min(next + chunk, ids.size()) - 1);
                reading.add(pullReader.submit(() -> openedBetween(resourceCode, from, through)));
                next += chunk;
                chunk = Math.min(PULL_CHUNK, chunk * 2);
            }
        }

        /** Gives each record of the page, in id order, its payload opened (JSON text). */
        void each(Consumer<Opened> each) {
            while (!reading.isEmpty()) {
                List<Opened> records = result(reading.poll());
                readAhead();
                records.forEach(each);
            }
        }

        @Override
        public void close() {
            reading.forEach(read -> read.cancel(false));
            reading.clear();
        }
    }

    private List<Opened> openedBetween(String resourceCode, long after, long through) {
        String context = context(resourceCode);
        return jdbc.sql("""
                        SELECT id, operation, version, payload, origin_node, origin_id, published_at
                        FROM exchange_change WHERE resource_code = :resource AND id > :after AND id <= :through
                        ORDER BY id""")
                .param("resource", resourceCode)
                .param("after", after)
                .param("through", through)
                .query((rs, n) -> new Opened(
                        rs.getLong("id"),
                        resourceCode,
                        rs.getString("operation"),
                        rs.getLong("version"),
                        keys.decrypt(rs.getBytes("payload"), context),
                        rs.getString("origin_node"),
                        rs.getLong("origin_id"),
                        rs.getTimestamp("published_at").toInstant()))
                .list();
    }

    private static <T> T result(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading change records", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @PreDestroy
    void stopReading() {
        // Reads not yet started are cancelled, not only dropped: a pull waiting for one is woken and fails.
        for (Runnable waiting : pullReader.shutdownNow()) {
            if (waiting instanceof Future<?> read) {
                read.cancel(false);
            }
        }
    }

    private Stored stored(java.sql.ResultSet rs) throws java.sql.SQLException {
        String resource = rs.getString("resource_code");
        Map<String, Object> payload =
                json.readValue(keys.decrypt(rs.getBytes("payload"), context(resource)), new TypeReference<>() {});
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) payload.getOrDefault("fields", Map.of());
        return new Stored(
                rs.getLong("id"),
                resource,
                rs.getString("operation"),
                rs.getLong("version"),
                (String) payload.get("key"),
                fields,
                rs.getString("origin_node"),
                rs.getLong("origin_id"),
                rs.getTimestamp("published_at").toInstant());
    }
}
