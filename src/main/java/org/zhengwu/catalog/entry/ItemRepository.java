package org.zhengwu.catalog.entry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhengwu.basedata.ExerciseLevel;
import org.zhengwu.catalog.ItemType;
import org.zhengwu.identity.Actor;
import org.zhengwu.identity.ScopeColumns;
import org.zhengwu.identity.ScopeCondition;
import org.zhengwu.shared.codes.CodeTable;

/** Storage of base items, entries and versions. Status changes are conditional updates: a lost race changes nothing. */
@Repository
public class ItemRepository {

    private final JdbcClient jdbc;
    private final GuideJson guideJson;

    ItemRepository(JdbcClient jdbc, GuideJson guideJson) {
        this.jdbc = jdbc;
        this.guideJson = guideJson;
    }

    // ---- codes that moved ----

    /** The code that replaced {@code oldCode}, when a change of the code tables gave its item a new one. */
    public Optional<String> movedTo(String oldCode) {
        return jdbc.sql("SELECT new_code FROM catalog_code_change WHERE old_code = :code")
                .param("code", oldCode)
                .query(String.class)
                .optional();
    }

    // ---- base items ----

    public Optional<BaseItemRecord> findBaseItem(String baseCode) {
        return jdbc.sql(
                        "SELECT base_code, name, item_type, exercise_levels FROM catalog_base_item WHERE base_code = :code")
                .param("code", baseCode)
                .query(ItemRepository::mapBaseItem)
                .optional();
    }

    public List<BaseItemRecord> baseItems() {
        return jdbc.sql("SELECT base_code, name, item_type, exercise_levels FROM catalog_base_item ORDER BY base_code")
                .query(ItemRepository::mapBaseItem)
                .list();
    }

    /**
     * Makes adding base items one at a time until the caller's transaction ends: the next code is the highest plus
     * one, and two editors adding at once would otherwise both take it. Readers are not held up.
     */
    public void lockBaseItemsForAdding() {
        jdbc.sql("LOCK TABLE catalog_base_item IN SHARE ROW EXCLUSIVE MODE").update();
    }

    public boolean baseNameTaken(String name) {
        return jdbc.sql("SELECT count(*) FROM catalog_base_item WHERE name = :name")
                        .param("name", name)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The base codes of one type, to find the next free serial. */
    public List<String> baseCodesOfType(ItemType type) {
        return jdbc.sql("SELECT base_code FROM catalog_base_item WHERE item_type = :type ORDER BY base_code")
                .param("type", type.code())
                .query(String.class)
                .list();
    }

    public void insertBaseItem(BaseItemRecord item, String actor) {
        jdbc.sql(
                        "INSERT INTO catalog_base_item (base_code, name, item_type, exercise_levels, created_by) VALUES (:code, :name, :type, :levels, :by)")
                .param("code", item.baseCode())
                .param(
                        "levels",
                        item.exerciseLevels().stream().map(ExerciseLevel::code).toArray(String[]::new))
                .param("name", item.name())
                .param("type", item.itemType().code())
                .param("by", actor)
                .update();
    }

    // ---- entries ----

    public long insertItem(
            String implementationCode,
            String baseCode,
            String organisationUscc,
            ExerciseLevel level,
            String divisionCode,
            String actor) {
        return jdbc.sql("""
                        INSERT INTO catalog_item (implementation_code, base_code, organisation_uscc, exercise_level,
                                                  division_code, created_by)
                        VALUES (:code, :base, :uscc, :level, :division, :by) RETURNING id""")
                .param("code", implementationCode)
                .param("base", baseCode)
                .param("uscc", organisationUscc)
                .param("level", level.code())
                .param("division", divisionCode)
                .param("by", actor)
                .query(Long.class)
                .single();
    }

    public boolean implementationCodeTaken(String implementationCode) {
        return jdbc.sql("SELECT count(*) FROM catalog_item WHERE implementation_code = :code")
                        .param("code", implementationCode)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public Optional<ItemRecord> findItem(long id) {
        return jdbc.sql("""
                        SELECT id, implementation_code, base_code, organisation_uscc, exercise_level, division_code,
                               created_at, created_by
                        FROM catalog_item WHERE id = :id""").param("id", id).query(ItemRepository::mapItem).optional();
    }

    public Optional<ItemRecord> findItemByCode(String implementationCode) {
        return jdbc.sql("""
                        SELECT id, implementation_code, base_code, organisation_uscc, exercise_level, division_code,
                               created_at, created_by
                        FROM catalog_item WHERE implementation_code = :code""")
                .param("code", implementationCode)
                .query(ItemRepository::mapItem)
                .optional();
    }

    /** An entry as the administrators' list shows it: its newest version and the number of its published one. */
    public record EntryRow(
            long id,
            String implementationCode,
            String organisationUscc,
            String name,
            int versionNo,
            VersionStatus status,
            Instant updatedAt,
            Integer publishedVersionNo) {}

    public record EntryPage(long total, List<EntryRow> rows) {}

    /** Where an entry belongs, for the data scope: its organisation and the division it is implemented in. */
    public static final ScopeColumns SCOPE = new ScopeColumns("i.organisation_uscc", "i.division_code");

    /**
     * A page of entries for administrators, most recently changed first, only those the actor may reach with one
     * of the permissions it acts with.
     *
     * @param text   part of the name or implementation code, or null
     * @param status status of the newest version, or null
     * @param actor  who asks
     * @param acting the permissions it acts with: the entries it reaches with any of them
     */
    public EntryPage entries(
            String text, VersionStatus status, Actor actor, List<String> acting, int limit, long offset) {
        ScopeCondition scope = actor.reachCondition(SCOPE, acting.toArray(String[]::new));
        List<EntryRow> rows = new java.util.ArrayList<>();
        long[] total = {0};
        jdbc.sql("""
                        SELECT i.id, i.implementation_code, i.organisation_uscc, v.name, v.version_no, v.status, v.updated_at,
                               p.version_no AS published_no, count(*) OVER () AS total
                        FROM catalog_item i
                        JOIN catalog_item_version v ON v.item_id = i.id
                         AND v.version_no = (SELECT max(version_no) FROM catalog_item_version WHERE item_id = i.id)
                        LEFT JOIN catalog_item_version p ON p.item_id = i.id AND p.status = 'PUBLISHED'
                        WHERE (CAST(:text AS VARCHAR) IS NULL OR strpos(v.name, :text) > 0 OR i.implementation_code = :text)
                          AND (CAST(:status AS VARCHAR) IS NULL OR v.status = :status)
                          AND %s
                        ORDER BY v.updated_at DESC, i.id
                        LIMIT :limit OFFSET :offset""".formatted(scope.sql()))
                .param("text", text)
                .param("status", status == null ? null : status.name())
                .params(scope.parameters())
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, n) -> {
                    total[0] = rs.getLong("total");
                    int published = rs.getInt("published_no");
                    return new EntryRow(
                            rs.getLong("id"),
                            rs.getString("implementation_code"),
                            rs.getString("organisation_uscc"),
                            rs.getString("name"),
                            rs.getInt("version_no"),
                            VersionStatus.valueOf(rs.getString("status")),
                            instant(rs, "updated_at"),
                            rs.wasNull() ? null : published);
                })
                .list()
                .forEach(rows::add);
        return new EntryPage(total[0], rows);
    }

    /** How many entries implement each base item. */
    public java.util.Map<String, Long> entriesPerBaseItem() {
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        jdbc.sql("SELECT base_code, count(*) AS n FROM catalog_item GROUP BY base_code")
                .query((rs, n) -> counts.put(rs.getString("base_code"), rs.getLong("n")))
                .list();
        return counts;
    }

    // ---- versions ----

    public long insertVersion(
            long itemId,
            int versionNo,
            VersionStatus status,
            String name,
            String guideJsonText,
            String changeNote,
            String actor,
            Instant now) {
        return jdbc.sql("""
                        INSERT INTO catalog_item_version (item_id, version_no, status, name, guide, change_note,
                                                          created_by, created_at, updated_at)
                        VALUES (:item, :no, :status, :name, CAST(:guide AS jsonb), :note, :by, :now, :now)
                        RETURNING id""")
                .param("item", itemId)
                .param("no", versionNo)
                .param("status", status.name())
                .param("name", name)
                .param("guide", guideJsonText)
                .param("note", changeNote)
                .param("by", actor)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    public Optional<VersionRecord> findVersion(long id) {
        return jdbc.sql("SELECT * FROM catalog_item_version WHERE id = :id")
                .param("id", id)
                .query(this::mapVersion)
                .optional();
    }

    public List<VersionRecord> versionsOf(long itemId) {
        return jdbc.sql("SELECT * FROM catalog_item_version WHERE item_id = :item ORDER BY version_no DESC")
                .param("item", itemId)
                .query(this::mapVersion)
                .list();
    }

    public Optional<VersionRecord> versionInStatus(long itemId, VersionStatus status) {
        return jdbc.sql("SELECT * FROM catalog_item_version WHERE item_id = :item AND status = :status")
                .param("item", itemId)
                .param("status", status.name())
                .query(this::mapVersion)
                .optional();
    }

    /** Every entry with its published version, by implementation code. */
    public List<Map.Entry<ItemRecord, VersionRecord>> publishedEntries() {
        return publishedEntriesOf(null);
    }

    /** As {@link #publishedEntries()}, of one organisation only, or of all when {@code organisationUscc} is null. */
    public List<Map.Entry<ItemRecord, VersionRecord>> publishedEntriesOf(String organisationUscc) {
        return jdbc.sql("""
                        SELECT i.id AS i_id, i.implementation_code, i.base_code, i.organisation_uscc, i.exercise_level,
                               i.division_code, i.created_at AS i_created_at, i.created_by AS i_created_by, v.*
                        FROM catalog_item i JOIN catalog_item_version v ON v.item_id = i.id AND v.status = 'PUBLISHED'
                        WHERE CAST(:uscc AS VARCHAR) IS NULL OR i.organisation_uscc = :uscc
                        ORDER BY i.implementation_code""")
                .param("uscc", organisationUscc)
                .query((rs, n) -> Map.entry(
                        new ItemRecord(
                                rs.getLong("i_id"),
                                rs.getString("implementation_code"),
                                rs.getString("base_code"),
                                rs.getString("organisation_uscc"),
                                CodeTable.requireCode(ExerciseLevel.class, rs.getString("exercise_level")),
                                rs.getString("division_code"),
                                instant(rs, "i_created_at"),
                                rs.getString("i_created_by")),
                        mapVersion(rs, n)))
                .list();
    }

    public Optional<VersionRecord> workingVersion(long itemId) {
        return jdbc.sql("""
                        SELECT * FROM catalog_item_version
                        WHERE item_id = :item AND status IN ('DRAFT', 'IN_REVIEW', 'APPROVED')""").param("item", itemId).query(this::mapVersion).optional();
    }

    public int nextVersionNo(long itemId) {
        return jdbc.sql("SELECT COALESCE(MAX(version_no), 0) + 1 FROM catalog_item_version WHERE item_id = :item")
                .param("item", itemId)
                .query(Integer.class)
                .single();
    }

    /**
     * Replaces a draft's name and guide; returns false when the version is no longer a draft or, given
     * {@code expectedUpdatedAt}, was changed since then.
     */
    public boolean updateDraft(
            long versionId,
            Instant expectedUpdatedAt,
            String name,
            String guideJsonText,
            String changeNote,
            Instant now) {
        return jdbc.sql("""
                        UPDATE catalog_item_version SET name = :name, guide = CAST(:guide AS jsonb), change_note = :note,
                               updated_at = :now
                        WHERE id = :id AND status = 'DRAFT'
                          AND (CAST(:expected AS TIMESTAMPTZ) IS NULL OR updated_at = :expected)""")
                        .param("name", name)
                        .param("guide", guideJsonText)
                        .param("note", changeNote)
                        .param("now", Timestamp.from(now))
                        .param("id", versionId)
                        .param("expected", expectedUpdatedAt == null ? null : Timestamp.from(expectedUpdatedAt))
                        .update()
                == 1;
    }

    public boolean submit(long versionId, String actor, Instant now) {
        return jdbc.sql("""
                        UPDATE catalog_item_version SET status = 'IN_REVIEW', submitted_by = :by, submitted_at = :now,
                               reviewed_by = NULL, reviewed_at = NULL, updated_at = :now
                        WHERE id = :id AND status = 'DRAFT'""")
                        .param("by", actor)
                        .param("now", Timestamp.from(now))
                        .param("id", versionId)
                        .update()
                == 1;
    }

    /** Review outcome: APPROVED, or back to DRAFT with the reviewer's note. */
    public boolean review(long versionId, VersionStatus outcome, String note, String actor, Instant now) {
        return jdbc.sql("""
                        UPDATE catalog_item_version SET status = :outcome, reviewed_by = :by, reviewed_at = :now,
                               review_note = :note, updated_at = :now
                        WHERE id = :id AND status = 'IN_REVIEW'""")
                        .param("outcome", outcome.name())
                        .param("by", actor)
                        .param("now", Timestamp.from(now))
                        .param("note", note)
                        .param("id", versionId)
                        .update()
                == 1;
    }

    public boolean markPublished(long versionId, String actor, Instant now) {
        return jdbc.sql("""
                        UPDATE catalog_item_version SET status = 'PUBLISHED', published_by = :by, published_at = :now,
                               updated_at = :now
                        WHERE id = :id AND status = 'APPROVED'""")
                        .param("by", actor)
                        .param("now", Timestamp.from(now))
                        .param("id", versionId)
                        .update()
                == 1;
    }

    /** Ends the entry's published version: SUPERSEDED by a newer one, or WITHDRAWN. */
    public boolean endPublished(long itemId, VersionStatus end, String reason, String actor, Instant now) {
        return jdbc.sql("""
                        UPDATE catalog_item_version SET status = :end, ended_by = :by, ended_at = :now,
                               end_reason = :reason, updated_at = :now
                        WHERE item_id = :item AND status = 'PUBLISHED'""")
                        .param("end", end.name())
                        .param("by", actor)
                        .param("now", Timestamp.from(now))
                        .param("reason", reason)
                        .param("item", itemId)
                        .update()
                == 1;
    }

    /** Removes an unsubmitted draft (the database refuses any other). */
    public boolean deleteDraft(long versionId) {
        return jdbc.sql("DELETE FROM catalog_item_version WHERE id = :id AND status = 'DRAFT'")
                        .param("id", versionId)
                        .update()
                == 1;
    }

    /** Removes an entry that has no version left; returns false when it still has one. */
    public boolean deleteItemWithoutVersions(long itemId) {
        return jdbc.sql("""
                        DELETE FROM catalog_item i
                        WHERE i.id = :id AND NOT EXISTS (SELECT 1 FROM catalog_item_version v WHERE v.item_id = i.id)""").param("id", itemId).update() == 1;
    }

    private static BaseItemRecord mapBaseItem(ResultSet rs, int row) throws SQLException {
        return new BaseItemRecord(
                rs.getString("base_code"),
                rs.getString("name"),
                CodeTable.requireCode(ItemType.class, rs.getString("item_type")),
                Arrays.stream((String[]) rs.getArray("exercise_levels").getArray())
                        .map(code -> CodeTable.requireCode(ExerciseLevel.class, code))
                        .collect(Collectors.toSet()));
    }

    private static ItemRecord mapItem(ResultSet rs, int row) throws SQLException {
        return new ItemRecord(
                rs.getLong("id"),
                rs.getString("implementation_code"),
                rs.getString("base_code"),
                rs.getString("organisation_uscc"),
                CodeTable.requireCode(ExerciseLevel.class, rs.getString("exercise_level")),
                rs.getString("division_code"),
                instant(rs, "created_at"),
                rs.getString("created_by"));
    }

    private VersionRecord mapVersion(ResultSet rs, int row) throws SQLException {
        return new VersionRecord(
                rs.getLong("id"),
                rs.getLong("item_id"),
                rs.getInt("version_no"),
                VersionStatus.valueOf(rs.getString("status")),
                rs.getString("name"),
                guideJson.read(rs.getString("guide")),
                rs.getString("change_note"),
                rs.getString("created_by"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                rs.getString("submitted_by"),
                instant(rs, "submitted_at"),
                rs.getString("reviewed_by"),
                instant(rs, "reviewed_at"),
                rs.getString("review_note"),
                rs.getString("published_by"),
                instant(rs, "published_at"),
                rs.getString("ended_by"),
                instant(rs, "ended_at"),
                rs.getString("end_reason"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
