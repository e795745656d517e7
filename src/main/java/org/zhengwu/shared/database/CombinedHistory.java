package org.zhengwu.shared.database;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Until issue 7 the scripts of all modules were versioned in one history table, {@code flyway_schema_history}, each row
 * naming its script with the module's folder ({@code identity/V12__token_lookups.sql}). This moves every module's rows
 * to that module's own history table, written as Flyway writes them there (script name without the folder, ranks
 * from 1), and drops the combined table once nothing is left in it. Scripts keep their names and contents, so their
 * checksums still match and Flyway goes on validating them.
 *
 * <p>All of it happens in one transaction under an advisory lock: nodes that start together split the table once, and
 * a split that fails leaves the table as it was. A history this cannot place — a failed migration, a folder that is
 * no module, a module that already has a table of its own — stops the start with the reason, before anything changed.
 */
final class CombinedHistory {

    private static final Logger log = LoggerFactory.getLogger(CombinedHistory.class);

    /** Any constant; only this step takes it. */
    private static final long LOCK = 7_100_423_180_007L;

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private CombinedHistory() {}

    /**
     * @param flyway  the configuration whose data source and history table name apply
     * @param modules the names of the application's modules, which are the folders scripts may live in
     */
    static void splitByModule(Configuration flyway, Set<String> modules) {
        String table = name(flyway.getTable());
        DataSource dataSource = flyway.getDataSource();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(transaction -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(:lock)")
                    .param("lock", LOCK)
                    .query()
                    .listOfRows();
            if (!exists(jdbc, table)) {
                return;
            }
            // Identifiers cannot be bound; every name below has been checked against NAME.
            List<Map<String, Object>> rows = jdbc.sql("SELECT installed_rank, script, success FROM " + table
                            + " WHERE strpos(script, '/') > 0 ORDER BY installed_rank")
                    .query()
                    .listOfRows();
            if (rows.isEmpty()) {
                return;
            }
            Map<String, Integer> moved = new TreeMap<>();
            for (String module : modulesOf(rows, modules, table)) {
                String moduleTable = name(table + "_" + module);
                if (exists(jdbc, moduleTable)) {
                    throw new IllegalStateException(table + " still holds migrations of module " + module
                            + ", which already has its own history " + moduleTable
                            + "; the database was changed by hand or by an older release after it was upgraded");
                }
                jdbc.sql("CREATE TABLE " + moduleTable + " (LIKE " + table + " INCLUDING DEFAULTS)")
                        .update();
                jdbc.sql("ALTER TABLE " + moduleTable + " ADD CONSTRAINT " + name(moduleTable + "_pk")
                                + " PRIMARY KEY (installed_rank)")
                        .update();
                jdbc.sql("CREATE INDEX " + name(moduleTable + "_s_idx") + " ON " + moduleTable + " (success)")
                        .update();
                String folder = module + "/";
                int count = jdbc.sql("INSERT INTO " + moduleTable + """
                                 (installed_rank, version, description, type, script, checksum, installed_by,
                                  installed_on, execution_time, success)
                                SELECT row_number() OVER (ORDER BY installed_rank), version, description, type,
                                       substr(script, :from), checksum, installed_by, installed_on, execution_time,
                                       success
                                FROM\s""" + table + " WHERE starts_with(script, :folder)")
                        .param("from", folder.length() + 1)
                        .param("folder", folder)
                        .update();
                jdbc.sql("DELETE FROM " + table + " WHERE starts_with(script, :folder)")
                        .param("folder", folder)
                        .update();
                moved.put(module, count);
            }
            boolean emptied =
                    jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single() == 0;
            if (emptied) {
                jdbc.sql("DROP TABLE " + table).update();
            }
            log.info(
                    "Split the migration history {} by module into {}_<module> (migrations per module: {}){}",
                    table,
                    table,
                    moved,
                    emptied ? "; the combined table is gone" : "");
        });
    }

    private static Set<String> modulesOf(List<Map<String, Object>> rows, Set<String> modules, String table) {
        Set<String> found = new TreeSet<>();
        for (Map<String, Object> row : rows) {
            String script = (String) row.get("script");
            String module = script.substring(0, script.indexOf('/'));
            if (!Boolean.TRUE.equals(row.get("success"))) {
                throw new IllegalStateException("Migration " + script + " failed in an earlier start (" + table
                        + ", rank " + row.get("installed_rank") + "); repair the database with the release that"
                        + " ran it before upgrading");
            }
            if (!modules.contains(module) || !NAME.matcher(module).matches()) {
                throw new IllegalStateException("Migration " + script + " in " + table + " belongs to no module of"
                        + " this application " + new TreeSet<>(modules) + "; cannot tell which history it goes to");
            }
            found.add(module);
        }
        return found;
    }

    private static boolean exists(JdbcClient jdbc, String table) {
        return Boolean.TRUE.equals(jdbc.sql("SELECT to_regclass(:table) IS NOT NULL")
                .param("table", table)
                .query(Boolean.class)
                .single());
    }

    private static String name(String identifier) {
        if (!NAME.matcher(identifier).matches() || identifier.length() > 63) {
            throw new IllegalArgumentException("Not a plain lower-case SQL name: " + identifier);
        }
        return identifier;
    }
}
