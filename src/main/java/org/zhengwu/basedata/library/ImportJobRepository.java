package org.zhengwu.basedata.library;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhengwu.shared.csv.ImportReport;

@Repository
class ImportJobRepository {

    private static final char SEPARATOR = '\u001F';

    private final JdbcClient jdbc;

    ImportJobRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long create(String library, String mode, String fileName, String kind, String actor) {
        return jdbc.sql("""
                        INSERT INTO basedata_import_job (library, mode, status, file_name, file_kind, actor)
                        VALUES (:library, :mode, 'queued', :fileName, :kind, :actor) RETURNING id""")
                .param("library", library)
                .param("mode", mode)
                .param("fileName", fileName)
                .param("kind", kind)
                .param("actor", actor)
                .query(Long.class)
                .single();
    }

    void progress(long id, String status, int read, int imported, int refused) {
        jdbc.sql("""
                        UPDATE basedata_import_job SET status = :status, rows_read = :read, rows_imported = :imported,
                               rows_refused = :refused WHERE id = :id""")
                .param("status", status)
                .param("read", read)
                .param("imported", imported)
                .param("refused", refused)
                .param("id", id)
                .update();
    }

    void finish(long id, String status, int read, int imported, int refused, List<ImportReport.Problem> problems) {
        jdbc.sql("""
                        UPDATE basedata_import_job SET status = :status, rows_read = :read, rows_imported = :imported,
                               rows_refused = :refused, finished_at = CURRENT_TIMESTAMP WHERE id = :id""")
                .param("status", status)
                .param("read", read)
                .param("imported", imported)
                .param("refused", refused)
                .param("id", id)
                .update();
        int seq = 0;
        for (ImportReport.Problem p : problems) {
            StringBuilder arguments = new StringBuilder();
            for (Object a : p.arguments()) {
                arguments.append(a).append(SEPARATOR);
            }
            jdbc.sql("""
                            INSERT INTO basedata_import_problem (job_id, seq, line, column_name, message_key, arguments)
                            VALUES (:job, :seq, :line, :column, :key, :arguments)""")
                    .param("job", id)
                    .param("seq", seq++)
                    .param("line", p.line())
                    .param("column", p.column())
                    .param("key", p.messageKey())
                    .param("arguments", arguments.toString())
                    .update();
        }
    }

    /** The jobs not finished: queued or running, here or on another node, or left so by a process that stopped. */
    List<Long> unfinished() {
        return jdbc.sql("SELECT id FROM basedata_import_job WHERE status IN ('queued', 'running') ORDER BY id")
                .query(Long.class)
                .list();
    }

    /**
     * Marks an unfinished job failed with one problem naming why, its counts as far as it got; false when it finished
     * meanwhile.
     */
    boolean interrupt(long id, String reason) {
        int changed = jdbc.sql("""
                        UPDATE basedata_import_job SET status = 'failed', finished_at = CURRENT_TIMESTAMP
                        WHERE id = :id AND status IN ('queued', 'running')""").param("id", id).update();
        if (changed == 0) {
            return false;
        }
        jdbc.sql("""
                        INSERT INTO basedata_import_problem (job_id, seq, line, column_name, message_key, arguments)
                        VALUES (:id, (SELECT COALESCE(MAX(seq) + 1, 0) FROM basedata_import_problem WHERE job_id = :id),
                            0, '', :reason, '')""").param("id", id).param("reason", reason).update();
        return true;
    }

    /** The job, if {@code actor} ran it. */
    Optional<ImportJob> find(long id, String actor) {
        return jdbc.sql("SELECT * FROM basedata_import_job WHERE id = :id AND actor = :actor")
                .param("id", id)
                .param("actor", actor)
                .query(ImportJobRepository::job)
                .optional();
    }

    List<ImportJob> recent(String actor, int limit) {
        return jdbc.sql("SELECT * FROM basedata_import_job WHERE actor = :actor ORDER BY id DESC LIMIT :limit")
                .param("actor", actor)
                .param("limit", limit)
                .query(ImportJobRepository::job)
                .list();
    }

    List<ImportReport.Problem> problems(long id, int limit) {
        return jdbc.sql("""
                        SELECT line, column_name, message_key, arguments FROM basedata_import_problem
                        WHERE job_id = :id ORDER BY seq LIMIT :limit""")
                .param("id", id)
                .param("limit", limit)
                .query((rs, n) -> new ImportReport.Problem(
                        rs.getInt("line"),
                        rs.getString("column_name"),
                        rs.getString("message_key"),
                        arguments(rs.getString("arguments"))))
                .list();
    }

    private static List<Object> arguments(String joined) {
        List<Object> list = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < joined.length(); i++) {
            if (joined.charAt(i) == SEPARATOR) {
                list.add(joined.substring(start, i));
                start = i + 1;
            }
        }
        return list;
    }

    private static ImportJob job(ResultSet rs, int row) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new ImportJob(
                rs.getLong("id"),
                rs.getString("library"),
                rs.getString("mode"),
                rs.getString("status"),
                rs.getString("file_name"),
                rs.getString("file_kind"),
                rs.getString("actor"),
                rs.getInt("rows_read"),
                rs.getInt("rows_imported"),
                rs.getInt("rows_refused"),
                rs.getTimestamp("created_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }
}
