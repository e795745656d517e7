package org.zhengwu.cases.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The bundle tables: one row per application for a 一件事 and the files of its merged material list. */
@Repository
public class BundleRecords {

    private static final String COLUMNS = """
            id, bundle_number, status, lock_version, bundle_code, bundle_name, division_code, applicant_account_id,
            applicant_name, form_values, submission_key, created_at, updated_at, submitted_at, completed_at""";

    private final JdbcClient jdbc;

    BundleRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<BundleRow> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM cases_bundle WHERE id = :id")
                .param("id", id)
                .query(BundleRecords::row)
                .optional();
    }

    public Optional<BundleRow> findBySubmissionKey(UUID key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM cases_bundle WHERE submission_key = :key")
                .param("key", key)
                .query(BundleRecords::row)
                .optional();
    }

    /** Locks the row for the rest of the transaction: submissions of one draft, and the join, are serialised here. */
    public Optional<BundleRow> lock(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM cases_bundle WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(BundleRecords::row)
                .optional();
    }

    long insertDraft(
            String bundleCode,
            String bundleName,
            String divisionCode,
            long applicantAccountId,
            byte[] applicantName,
            byte[] formValues,
            Instant now) {
        return jdbc.sql("""
                        INSERT INTO cases_bundle (status, bundle_code, bundle_name, division_code, applicant_account_id,
                            applicant_name, form_values, created_at, updated_at)
                        VALUES ('DRAFT', :code, :name, :division, :applicant, :applicantName, :values, :now, :now)
                        RETURNING id""")
                .param("code", bundleCode)
                .param("name", bundleName)
                .param("division", divisionCode)
                .param("applicant", applicantAccountId)
                .param("applicantName", applicantName)
                .param("values", formValues)
                .param("now", java.sql.Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    boolean saveDraftValues(long id, byte[] values, Instant now) {
        return jdbc.sql("""
                                UPDATE cases_bundle SET form_values = :values, updated_at = :now,
                                    lock_version = lock_version + 1
                                WHERE id = :id AND status = 'DRAFT'""")
                        .param("values", values)
                        .param("now", java.sql.Timestamp.from(now))
                        .param("id", id)
                        .update()
                == 1;
    }

    void markSubmitted(long id, String number, UUID submissionKey, Instant now) {
        int changed = jdbc.sql("""
                        UPDATE cases_bundle SET status = 'SUBMITTED', bundle_number = :number, submission_key = :key,
                            submitted_at = :now, updated_at = :now, lock_version = lock_version + 1
                        WHERE id = :id AND status = 'DRAFT'""")
                .param("number", number)
                .param("key", submissionKey)
                .param("now", java.sql.Timestamp.from(now))
                .param("id", id)
                .update();
        if (changed != 1) {
            throw new IllegalStateException("bundle draft " + id + " changed under a row lock");
        }
    }

    /** The join: a submitted bundle completes; false when it was not waiting (completed already). */
    boolean complete(long id, Instant now) {
        return jdbc.sql("""
                                UPDATE cases_bundle SET status = 'COMPLETED', completed_at = :now, updated_at = :now,
                                    lock_version = lock_version + 1
                                WHERE id = :id AND status = 'SUBMITTED'""")
                        .param("now", java.sql.Timestamp.from(now))
                        .param("id", id)
                        .update()
                == 1;
    }

    void touch(long id, Instant now) {
        jdbc.sql("UPDATE cases_bundle SET updated_at = :now WHERE id = :id")
                .param("now", java.sql.Timestamp.from(now))
                .param("id", id)
                .update();
    }

    public void addMaterial(
            long bundleId, int materialNo, String materialName, CaseRecords.StoredUpload file, Instant now) {
        jdbc.sql("""
                        INSERT INTO cases_bundle_material (bundle_id, material_no, material_name, file_key, file_name,
                            file_kind, size_bytes, sm3, uploaded_at)
                        VALUES (:bundle, :no, :name, :key, :fileName, :kind, :size, :sm3, :now)""")
                .param("bundle", bundleId)
                .param("no", materialNo)
                .param("name", materialName)
                .param("key", file.key())
                .param("fileName", file.fileName())
                .param("kind", file.kind())
                .param("size", file.sizeBytes())
                .param("sm3", file.sm3())
                .param("now", java.sql.Timestamp.from(now))
                .update();
    }

    /** The files given for the merged list, as case materials of round 0. */
    public List<CaseMaterial> materials(long bundleId) {
        return jdbc.sql("""
                        SELECT id, material_no, material_name, file_key, file_name, file_kind, size_bytes, sm3,
                            uploaded_at
                        FROM cases_bundle_material WHERE bundle_id = :bundle ORDER BY material_no, id""")
                .param("bundle", bundleId)
                .query((rs, n) -> new CaseMaterial(
                        rs.getLong("id"),
                        rs.getInt("material_no"),
                        rs.getString("material_name"),
                        rs.getString("file_key"),
                        rs.getString("file_name"),
                        rs.getString("file_kind"),
                        rs.getLong("size_bytes"),
                        rs.getString("sm3"),
                        0,
                        false,
                        rs.getTimestamp("uploaded_at").toInstant()))
                .list();
    }

    public void removeMaterial(long bundleId, long materialId) {
        jdbc.sql("DELETE FROM cases_bundle_material WHERE id = :id AND bundle_id = :bundle")
                .param("id", materialId)
                .param("bundle", bundleId)
                .update();
    }

    /** One of an applicant's bundles as their list shows it, with how many of its branches are still open. */
    public record OwnBundle(
            long id,
            String bundleNumber,
            String status,
            String bundleName,
            int branches,
            int open,
            Instant updatedAt) {}

    public List<OwnBundle> ofApplicant(long accountId) {
        return jdbc.sql("""
                        SELECT b.id, b.bundle_number, b.status, b.bundle_name, b.updated_at,
                            (SELECT count(*) FROM cases_case c WHERE c.bundle_id = b.id) AS branches,
                            (SELECT count(*) FROM cases_case c WHERE c.bundle_id = b.id
                                AND c.status IN ('SUBMITTED', 'CORRECTION_REQUESTED', 'UNDER_REVIEW')) AS open
                        FROM cases_bundle b WHERE b.applicant_account_id = :me
                        ORDER BY b.updated_at DESC LIMIT 100""")
                .param("me", accountId)
                .query((rs, n) -> new OwnBundle(
                        rs.getLong("id"),
                        rs.getString("bundle_number"),
                        rs.getString("status"),
                        rs.getString("bundle_name"),
                        rs.getInt("branches"),
                        rs.getInt("open"),
                        rs.getTimestamp("updated_at").toInstant()))
                .list();
    }

    static BundleRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new BundleRow(
                rs.getLong("id"),
                rs.getString("bundle_number"),
                rs.getString("status"),
                rs.getInt("lock_version"),
                rs.getString("bundle_code"),
                rs.getString("bundle_name"),
                rs.getString("division_code"),
                rs.getLong("applicant_account_id"),
                rs.getBytes("applicant_name"),
                rs.getBytes("form_values"),
                (UUID) rs.getObject("submission_key"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                instant(rs, "submitted_at"),
                instant(rs, "completed_at"));
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
