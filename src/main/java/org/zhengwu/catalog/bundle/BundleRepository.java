package org.zhengwu.catalog.bundle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhengwu.catalog.Bundle;
import tools.jackson.databind.json.JsonMapper;

/** The bundle table; a definition is stored as JSON and read only through here. */
@Repository
public class BundleRepository {

    /** A bundle as stored. */
    public record BundleRecord(Bundle bundle, boolean published, Instant publishedAt) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    BundleRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<BundleRecord> find(String code) {
        return jdbc.sql("""
                        SELECT definition::text AS definition, status, published_at FROM catalog_bundle
                        WHERE code = :code""")
                .param("code", code)
                .query((rs, n) -> new BundleRecord(
                        json.readValue(rs.getString("definition"), Bundle.class),
                        "PUBLISHED".equals(rs.getString("status")),
                        rs.getTimestamp("published_at").toInstant()))
                .optional();
    }

    public List<BundleRecord> published() {
        return jdbc.sql("""
                        SELECT definition::text AS definition, status, published_at FROM catalog_bundle
                        WHERE status = 'PUBLISHED' ORDER BY division_code, code""")
                .query((rs, n) -> new BundleRecord(
                        json.readValue(rs.getString("definition"), Bundle.class),
                        true,
                        rs.getTimestamp("published_at").toInstant()))
                .list();
    }

    /** Publishes a definition under its code, replacing an earlier one of that code. */
    void publish(Bundle bundle, String actor, Instant now) {
        jdbc.sql("""
                        INSERT INTO catalog_bundle (code, name, division_code, status, definition, published_at,
                            published_by)
                        VALUES (:code, :name, :division, 'PUBLISHED', CAST(:definition AS jsonb), :now, :by)
                        ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, division_code = EXCLUDED.division_code,
                            status = 'PUBLISHED', definition = EXCLUDED.definition, published_at = EXCLUDED.published_at,
                            published_by = EXCLUDED.published_by, withdrawn_at = NULL, withdrawn_by = NULL,
                            withdrawn_reason = NULL""")
                .param("code", bundle.code())
                .param("name", bundle.name())
                .param("division", bundle.divisionCode())
                .param("definition", json.writeValueAsString(bundle))
                .param("now", java.sql.Timestamp.from(now))
                .param("by", actor)
                .update();
    }

    boolean withdraw(String code, String reason, String actor, Instant now) {
        return jdbc.sql("""
                                UPDATE catalog_bundle SET status = 'WITHDRAWN', withdrawn_at = :now, withdrawn_by = :by,
                                    withdrawn_reason = :reason
                                WHERE code = :code AND status = 'PUBLISHED'""")
                        .param("now", java.sql.Timestamp.from(now))
                        .param("by", actor)
                        .param("reason", reason)
                        .param("code", code)
                        .update()
                == 1;
    }
}
