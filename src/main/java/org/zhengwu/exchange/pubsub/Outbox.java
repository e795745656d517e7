package org.zhengwu.exchange.pubsub;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** A resource's change records after a cursor, in id order, their payloads opened (JSON text). */
    List<Opened> openedAfter(String resourceCode, long after, int limit) {
        String context = context(resourceCode);
        return jdbc.sql("""
                        SELECT id, operation, version, payload, origin_node, origin_id, published_at
                        FROM exchange_change WHERE resource_code = :resource AND id > :after ORDER BY id LIMIT :limit""")
                .param("resource", resourceCode)
                .param("after", after)
                .param("limit", limit)
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
