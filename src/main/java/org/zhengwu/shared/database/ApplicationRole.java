package org.zhengwu.shared.database;

import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where migrations run as the tables' owner and the application as a role of its own (production: {@code
 * ZHENGWU_DB_MIGRATION_USER} and {@code ZHENGWU_DB_USER}), the owner grants the application what it needs after each
 * migration and nothing more: reading and writing rows, never changing a table — so the application's credentials,
 * stolen or misused, cannot switch off the trigger that keeps the accountability log append-only, change an entry,
 * or touch the migration history.
 */
final class ApplicationRole {

    private static final Logger log = LoggerFactory.getLogger(ApplicationRole.class);

    private ApplicationRole() {}

    /**
     * Grants {@code role} row access to every table and sequence of the current schema (as the owner connected). A
     * partition gets nothing of its own: rows reach it through its table, whose grants and triggers apply.
     */
    static void grant(DataSource owner, String role) {
        JdbcClient jdbc = JdbcClient.create(owner);
        String ownerName = jdbc.sql("SELECT current_user").query(String.class).single();
        if (role == null || role.isBlank() || role.equals(ownerName)) {
            return;
        }
        // Statements are built by the server (format with %I quotes identifiers), never by concatenating the name.
        List<String> statements =
                jdbc.sql("""
                        SELECT format('GRANT USAGE ON SCHEMA %I TO %I', current_schema(), :role)
                        UNION ALL
                        SELECT format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I.%I TO %I', schemaname, tablename, :role)
                        FROM pg_tables
                        WHERE schemaname = current_schema() AND tablename NOT LIKE 'flyway\\_schema\\_history%'
                          AND NOT EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace ns ON ns.oid = c.relnamespace
                                          WHERE ns.nspname = schemaname AND c.relname = tablename AND c.relispartition)
                        UNION ALL
                        SELECT format('GRANT USAGE, SELECT, UPDATE ON SEQUENCE %I.%I TO %I', sequence_schema, sequence_name,
                            :role)
                        FROM information_schema.sequences WHERE sequence_schema = current_schema()
                        UNION ALL
                        SELECT format('REVOKE UPDATE, TRUNCATE ON %I.shared_audit_entry FROM %I', current_schema(), :role)
                        WHERE to_regclass('shared_audit_entry') IS NOT NULL""").param("role", role).query(String.class).list();
        statements.forEach(statement -> jdbc.sql(statement).update());
        log.info(
                "Granted the application's role {} row access to the tables migrated by {} (no change to any table)",
                role,
                ownerName);
    }
}
