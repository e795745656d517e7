package org.zhengwu.exchange.query;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.zhengwu.exchange.grant.ActiveGrant;
import org.zhengwu.shared.crypto.PlatformKeys;

/**
 * The query API's access log: one row per subject served (a record by key, each record of a page or an export), with
 * the client, the consumer organisation, the grant and its purpose, the resource, the subject's key as a blind index
 * and the fields returned. Written in batches; the citizen's data tracker reads it by the blind index of their
 * 公民身份号码.
 */
@Component
public class AccessLog {

    /** The blind-index context of subject keys (公民身份号码, 统一社会信用代码). */
    public static final String SUBJECT_CONTEXT = "exchange.subject";

    public enum Kind {
        KEY,
        PAGE,
        EXPORT
    }

    /** Who read, under which grant and purpose, what kind of access. */
    record Reader(String clientId, String consumerUscc, ActiveGrant grant, String purpose, String library, Kind kind) {}

    private final JdbcTemplate jdbc;
    private final PlatformKeys keys;

    AccessLog(JdbcTemplate jdbc, PlatformKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    /** The blind index of a subject's key, as the log keeps it. */
    public String subjectIndex(String key) {
        return keys.blindIndex(key.strip().toUpperCase(Locale.ROOT), SUBJECT_CONTEXT);
    }

    void write(Reader reader, List<String> subjectKeys, List<String> fields, Instant at) {
        if (subjectKeys.isEmpty()) {
            return;
        }
        String fieldList = String.join(",", fields);
        Timestamp when = Timestamp.from(at);
        List<Object[]> rows = subjectKeys.stream()
                .map(key -> new Object[] {
                    when,
                    reader.clientId(),
                    reader.consumerUscc(),
                    reader.grant().grantId(),
                    reader.purpose(),
                    reader.grant().resourceCode(),
                    reader.library(),
                    subjectIndex(key),
                    fieldList,
                    reader.kind().name()
                })
                .toList();
        jdbc.batchUpdate("""
                        INSERT INTO exchange_access (accessed_at, client_id, consumer_uscc, grant_id, purpose,
                            resource_code, library, subject_index, fields, kind)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }
}
