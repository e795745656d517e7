package org.zhengwu.cases.rating;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhengwu.cases.CaseAccess;
import org.zhengwu.cases.lifecycle.CaseRecords;
import org.zhengwu.identity.Actor;
import org.zhengwu.identity.ScopeColumns;
import org.zhengwu.identity.ScopeCondition;

/**
 * The rating tables: ratings and their tags, rectification tasks and their follow-ups. Lists are filtered in SQL by
 * the data scope on the task's (the case's) organisation and division; the query texts are fixed, every value bound.
 */
@Repository
class RatingRecords {

    static final ScopeColumns TASK_SCOPE = new ScopeColumns("t.organisation_uscc", "t.division_code");
    static final int PAGE_SIZE = 50;

    private final JdbcClient jdbc;

    RatingRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---------------------------------------------------------------- ratings

    /**
     * Stores a case's rating unless it has one: empty when another rating of the case got there first (a second
     * attempt, or a double-clicked first one waiting on the unique index until the other committed).
     */
    OptionalLong insertRating(long caseId, int score, String comment, long ratedBy, Instant at) {
        List<Long> id = jdbc.sql("""
                        INSERT INTO cases_rating (case_id, score, comment, rated_by, rated_at)
                        VALUES (:case, :score, :comment, :by, :at)
                        ON CONFLICT (case_id) DO NOTHING
                        RETURNING id""")
                .param("case", caseId)
                .param("score", score)
                .param("comment", comment)
                .param("by", ratedBy)
                .param("at", Timestamp.from(at))
                .query(Long.class)
                .list();
        return id.isEmpty() ? OptionalLong.empty() : OptionalLong.of(id.get(0));
    }

    void insertTags(long ratingId, List<RatingTag> tags) {
        for (RatingTag tag : tags) {
            jdbc.sql("INSERT INTO cases_rating_tag (rating_id, tag) VALUES (:rating, :tag)")
                    .param("rating", ratingId)
                    .param("tag", tag.name())
                    .update();
        }
    }

    Optional<Rating> ratingOfCase(long caseId) {
        return jdbc.sql("""
                        SELECT r.id, r.case_id, r.score, r.comment, r.rated_at,
                               (SELECT string_agg(g.tag, ',' ORDER BY g.tag) FROM cases_rating_tag g
                                WHERE g.rating_id = r.id) AS tags
                        FROM cases_rating r WHERE r.case_id = :case""").param("case", caseId).query(RatingRecords::rating).optional();
    }

    Optional<Rating> rating(long ratingId) {
        return jdbc.sql("""
                        SELECT r.id, r.case_id, r.score, r.comment, r.rated_at,
                               (SELECT string_agg(g.tag, ',' ORDER BY g.tag) FROM cases_rating_tag g
                                WHERE g.rating_id = r.id) AS tags
                        FROM cases_rating r WHERE r.id = :id""").param("id", ratingId).query(RatingRecords::rating).optional();
    }

    // ---------------------------------------------------------------- rectification tasks

    long insertRectification(
            long ratingId,
            long caseId,
            String organisationUscc,
            String divisionCode,
            LocalDate openedOn,
            LocalDate dueOn) {
        return jdbc.sql("""
                        INSERT INTO cases_rectification (rating_id, case_id, organisation_uscc, division_code, opened_on,
                            due_on, status)
                        VALUES (:rating, :case, :uscc, :division, :opened, :due, 'OPEN')
                        RETURNING id""")
                .param("rating", ratingId)
                .param("case", caseId)
                .param("uscc", organisationUscc)
                .param("division", divisionCode)
                .param("opened", openedOn)
                .param("due", dueOn)
                .query(Long.class)
                .single();
    }

    Optional<Rectification> rectification(long id) {
        return jdbc.sql("SELECT " + TASK_COLUMNS + " FROM cases_rectification t WHERE t.id = :id")
                .param("id", id)
                .query(RatingRecords::rectification)
                .optional();
    }

    Optional<Rectification> rectificationOfRating(long ratingId) {
        return jdbc.sql("SELECT " + TASK_COLUMNS + " FROM cases_rectification t WHERE t.rating_id = :rating")
                .param("rating", ratingId)
                .query(RatingRecords::rectification)
                .optional();
    }

    /** Records what was done; false when the task was no longer open (someone recorded it first). */
    boolean recordRectification(long id, String measures, String by, String byName, Instant at) {
        return jdbc.sql("""
                        UPDATE cases_rectification SET status = 'RECTIFIED', measures = :measures, rectified_at = :at,
                            rectified_by = :by, rectified_by_name = :name
                        WHERE id = :id AND status = 'OPEN'""")
                        .param("measures", measures)
                        .param("at", Timestamp.from(at))
                        .param("by", by)
                        .param("name", byName)
                        .param("id", id)
                        .update()
                == 1;
    }

    record OpenTask(long id, LocalDate openedOn, LocalDate dueOn) {}

    List<OpenTask> openTasks() {
        return jdbc.sql("SELECT id, opened_on, due_on FROM cases_rectification WHERE status = 'OPEN'")
                .query((rs, n) -> new OpenTask(
                        rs.getLong("id"),
                        rs.getObject("opened_on", LocalDate.class),
                        rs.getObject("due_on", LocalDate.class)))
                .list();
    }

    void setDue(long id, LocalDate dueOn) {
        jdbc.sql("UPDATE cases_rectification SET due_on = :due WHERE id = :id AND status = 'OPEN'")
                .param("due", dueOn)
                .param("id", id)
                .update();
    }

    void insertFollowUp(
            long rectificationId,
            LocalDate visitedOn,
            FollowUp.Contact contact,
            Integer satisfactionAfter,
            String notes,
            String by,
            String byName,
            Instant at) {
        jdbc.sql("""
                        INSERT INTO cases_follow_up (rectification_id, visited_on, contact, satisfaction_after, notes,
                            recorded_by, recorded_by_name, recorded_at)
                        VALUES (:task, :visited, :contact, :satisfaction, :notes, :by, :name, :at)""")
                .param("task", rectificationId)
                .param("visited", visitedOn)
                .param("contact", contact.name())
                .param("satisfaction", satisfactionAfter)
                .param("notes", notes)
                .param("by", by)
                .param("name", byName)
                .param("at", Timestamp.from(at))
                .update();
    }

    List<FollowUp> followUps(long rectificationId) {
        return jdbc.sql("""
                        SELECT id, visited_on, contact, satisfaction_after, notes, recorded_by_name, recorded_at
                        FROM cases_follow_up WHERE rectification_id = :task ORDER BY visited_on, id""")
                .param("task", rectificationId)
                .query((rs, n) -> new FollowUp(
                        rs.getLong("id"),
                        rs.getObject("visited_on", LocalDate.class),
                        FollowUp.Contact.valueOf(rs.getString("contact")),
                        (Integer) rs.getObject("satisfaction_after"),
                        rs.getString("notes"),
                        rs.getString("recorded_by_name"),
                        rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    // ---------------------------------------------------------------- lists within a data scope

    /** One line of the task list. */
    record TaskLine(
            long id,
            long caseId,
            String caseNumber,
            String itemName,
            int score,
            LocalDate openedOn,
            LocalDate dueOn,
            Rectification.Status status,
            Instant rectifiedAt,
            int followUps) {

        public boolean overdue(LocalDate today) {
            return status == Rectification.Status.OPEN && dueOn != null && today.isAfter(dueOn);
        }
    }

    record Page<T>(List<T> rows, boolean more) {}

    /** The tasks of the departments the actor works for or supervises. */
    Page<TaskLine> tasks(Actor actor, Rectification.Status status, int page) {
        ScopeCondition scope =
                actor.reachCondition(TASK_SCOPE, CaseAccess.ACCEPT, CaseAccess.REVIEW, CaseAccess.SUPERVISE);
        StringBuilder sql = new StringBuilder("""
                SELECT t.id, t.case_id, c.case_number, c.item_name, r.score, t.opened_on, t.due_on, t.status,
                       t.rectified_at,
                       (SELECT count(*) FROM cases_follow_up f WHERE f.rectification_id = t.id) AS follow_ups
                FROM cases_rectification t
                JOIN cases_rating r ON r.id = t.rating_id
                JOIN cases_case c ON c.id = t.case_id
                WHERE\s""");
        sql.append(scope.sql());
        Map<String, Object> parameters = new LinkedHashMap<>(scope.parameters());
        if (status != null) {
            sql.append(" AND t.status = :status");
            parameters.put("status", status.name());
        }
        sql.append(" ORDER BY t.status, t.due_on NULLS LAST, t.id LIMIT :limit OFFSET :offset");
        parameters.put("limit", PAGE_SIZE + 1);
        parameters.put("offset", (long) (page - 1) * PAGE_SIZE);
        List<TaskLine> rows = jdbc.sql(sql.toString())
                .params(parameters)
                .query((rs, n) -> new TaskLine(
                        rs.getLong("id"),
                        rs.getLong("case_id"),
                        rs.getString("case_number"),
                        rs.getString("item_name"),
                        rs.getInt("score"),
                        rs.getObject("opened_on", LocalDate.class),
                        rs.getObject("due_on", LocalDate.class),
                        Rectification.Status.valueOf(rs.getString("status")),
                        instant(rs, "rectified_at"),
                        rs.getInt("follow_ups")))
                .list();
        return page(rows);
    }

    /** One rating as supervisors see it. */
    record RatingLine(
            long caseId,
            String caseNumber,
            String itemName,
            String organisationUscc,
            int score,
            List<RatingTag> tags,
            String comment,
            Instant ratedAt,
            Long taskId,
            Rectification.Status taskStatus) {}

    /** The ratings of the cases the supervisor reaches, newest first. */
    Page<RatingLine> ratings(Actor supervisor, Integer score, int page) {
        ScopeCondition scope = supervisor.reachCondition(CaseRecords.SCOPE, CaseAccess.SUPERVISE);
        StringBuilder sql = new StringBuilder("""
                SELECT c.id AS case_id, c.case_number, c.item_name, c.organisation_uscc, r.score, r.comment, r.rated_at,
                       (SELECT string_agg(g.tag, ',' ORDER BY g.tag) FROM cases_rating_tag g
                        WHERE g.rating_id = r.id) AS tags,
                       t.id AS task_id, t.status AS task_status
                FROM cases_rating r
                JOIN cases_case c ON c.id = r.case_id
                LEFT JOIN cases_rectification t ON t.rating_id = r.id
                WHERE\s""");
        sql.append(scope.sql());
        Map<String, Object> parameters = new LinkedHashMap<>(scope.parameters());
        if (score != null) {
            sql.append(" AND r.score = :score");
            parameters.put("score", score);
        }
        sql.append(" ORDER BY r.rated_at DESC, r.id DESC LIMIT :limit OFFSET :offset");
        parameters.put("limit", PAGE_SIZE + 1);
        parameters.put("offset", (long) (page - 1) * PAGE_SIZE);
        List<RatingLine> rows = jdbc.sql(sql.toString())
                .params(parameters)
                .query((rs, n) -> new RatingLine(
                        rs.getLong("case_id"),
                        rs.getString("case_number"),
                        rs.getString("item_name"),
                        rs.getString("organisation_uscc"),
                        rs.getInt("score"),
                        tags(rs.getString("tags")),
                        rs.getString("comment"),
                        rs.getTimestamp("rated_at").toInstant(),
                        (Long) rs.getObject("task_id"),
                        rs.getString("task_status") == null
                                ? null
                                : Rectification.Status.valueOf(rs.getString("task_status"))))
                .list();
        return page(rows);
    }

    /** 差评 and their rectification within a scope: how many, how many rectified, open, and open past due. */
    record RectificationFigures(long bad, long rectified, long open, long overdue) {

        /** 整改率: rectified ÷ 差评, or null without any 差评. */
        public Double rate() {
            return bad == 0 ? null : (double) rectified / bad;
        }
    }

    RectificationFigures rectificationFigures(Actor supervisor, LocalDate today) {
        ScopeCondition scope = supervisor.reachCondition(TASK_SCOPE, CaseAccess.SUPERVISE);
        Map<String, Object> parameters = new LinkedHashMap<>(scope.parameters());
        parameters.put("today", today);
        return jdbc.sql("""
                        SELECT count(*) AS bad,
                               coalesce(sum(CASE WHEN t.status = 'RECTIFIED' THEN 1 ELSE 0 END), 0) AS rectified,
                               coalesce(sum(CASE WHEN t.status = 'OPEN' THEN 1 ELSE 0 END), 0) AS open,
                               coalesce(sum(CASE WHEN t.status = 'OPEN' AND t.due_on < :today THEN 1 ELSE 0 END), 0)
                                   AS overdue
                        FROM cases_rectification t
                        WHERE\s""" + scope.sql())
                .params(parameters)
                .query((rs, n) -> new RectificationFigures(
                        rs.getLong("bad"), rs.getLong("rectified"), rs.getLong("open"), rs.getLong("overdue")))
                .single();
    }

    /** Ratings within a scope by score, 1 to 5, each present (0 where none). */
    long[] scoreCounts(Actor supervisor) {
        ScopeCondition scope = supervisor.reachCondition(CaseRecords.SCOPE, CaseAccess.SUPERVISE);
        long[] counts = new long[Rating.HIGHEST + 1];
        jdbc.sql("""
                        SELECT r.score, count(*) AS ratings
                        FROM cases_rating r JOIN cases_case c ON c.id = r.case_id
                        WHERE\s""" + scope.sql() + " GROUP BY r.score")
                .params(scope.parameters())
                .query((rs, n) -> counts[rs.getInt("score")] = rs.getLong("ratings"))
                .list();
        return counts;
    }

    // ---------------------------------------------------------------- mapping

    private static final String TASK_COLUMNS = """
            t.id, t.rating_id, t.case_id, t.organisation_uscc, t.division_code, t.opened_on, t.due_on, t.status,
            t.measures, t.rectified_at, t.rectified_by_name""";

    private static Rectification rectification(ResultSet rs, int n) throws SQLException {
        return new Rectification(
                rs.getLong("id"),
                rs.getLong("rating_id"),
                rs.getLong("case_id"),
                rs.getString("organisation_uscc"),
                rs.getString("division_code"),
                rs.getObject("opened_on", LocalDate.class),
                rs.getObject("due_on", LocalDate.class),
                Rectification.Status.valueOf(rs.getString("status")),
                rs.getString("measures"),
                instant(rs, "rectified_at"),
                rs.getString("rectified_by_name"));
    }

    private static Rating rating(ResultSet rs, int n) throws SQLException {
        return new Rating(
                rs.getLong("id"),
                rs.getLong("case_id"),
                rs.getInt("score"),
                rs.getString("comment"),
                tags(rs.getString("tags")),
                rs.getTimestamp("rated_at").toInstant());
    }

    private static List<RatingTag> tags(String joined) {
        if (joined == null || joined.isEmpty()) {
            return List.of();
        }
        List<RatingTag> tags = new ArrayList<>();
        Arrays.stream(joined.split(",")).map(RatingTag::valueOf).forEach(tags::add);
        tags.sort(null);
        return List.copyOf(tags);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static <T> Page<T> page(List<T> rows) {
        boolean more = rows.size() > PAGE_SIZE;
        return new Page<>(more ? rows.subList(0, PAGE_SIZE) : rows, more);
    }
}
