package org.zhengwu.shared.database;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The optional streaming replica that serves {@link ReplicaRead} transactions ({@code zhengwu.database.replica.*}).
 * Without a URL every read goes to the primary, as before.
 *
 * @param url the replica's JDBC URL ({@code ZHENGWU_DB_REPLICA_URL}); empty: no replica
 * @param username its user ({@code ZHENGWU_DB_REPLICA_USER}); empty: the primary's
 * @param password its password ({@code ZHENGWU_DB_REPLICA_PASSWORD}); empty with an empty user: the primary's
 * @param poolSize the read pool's size ({@code ZHENGWU_DB_REPLICA_POOL_SIZE}, default in application.yml)
 * @param connectTimeout how long a read waits for a replica connection before it goes to the primary
 * @param retryAfter how long the replica, once it did not answer, is left alone: reads go straight to the primary
 * @param replayWait the longest a cache eviction waits for the replica to replay the change that caused it
 * @param maxLag how far behind the primary the replica may be and still serve reads ({@code ZHENGWU_DB_REPLICA_MAX_LAG},
 *     default in application.yml)
 */
@ConfigurationProperties("zhengwu.database.replica")
record ReplicaProperties(
        String url,
        String username,
        String password,
        int poolSize,
        @DefaultValue("500ms") Duration connectTimeout,
        @DefaultValue("5s") Duration retryAfter,
        @DefaultValue("60s") Duration replayWait,
        Duration maxLag) {

    static final String PREFIX = "zhengwu.database.replica";

    /** The URL as logs and the health endpoint show it: host, port and database, no parameters (a password). */
    static String withoutCredentials(String jdbcUrl) {
        if (jdbcUrl == null) {
            return "";
        }
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }
}
