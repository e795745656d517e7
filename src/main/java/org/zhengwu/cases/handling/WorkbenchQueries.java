package org.zhengwu.cases.handling;

import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhengwu.cases.CaseAccess;
import org.zhengwu.cases.CaseStatus;
import org.zhengwu.cases.lifecycle.CaseRecords;
import org.zhengwu.identity.Actor;
import org.zhengwu.identity.ScopeCondition;

/**
 * The lists of the clerk workbench, filtered in SQL by the one data-scope rule: 待办 (the cases waiting at a step the
 * actor may take, within the reach of that step's permission), 已办 (cases the actor acted on), 全部 (every case
 * within reach, for supervisors too) and 预警 (those of them with an open 电子监察 warning, whose level every row
 * carries). Sorted by due date, earliest first; the query's text is fixed, every value bound.
 */
@Repository
class WorkbenchQueries {

    static final int PAGE_SIZE = 50;

    enum Tab {
        TODO,
        DONE,
        ALL,
        /** 预警: cases in reach with an open 电子监察 warning. */
        WARNINGS
    }

    record Filter(CaseStatus status, String implementationCode, LocalDate dueBy, String channel, String caseNumber) {}

    record Row(
            long id,
            String caseNumber,
            CaseStatus status,
            String stage,
            String itemName,
            String implementationCode,
            String channel,
            LocalDate receivedOn,
            LocalDate dueOn,
            String warning) {}

    record Page(List<Row> rows, boolean more) {}

    private final JdbcClient jdbc;

    WorkbenchQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Page list(Actor actor, Tab tab, Filter filter, int page) {
        StringBuilder sql = new StringBuilder("""
                SELECT c.id, c.case_number, c.status, c.stage, c.item_name, c.implementation_code, c.channel,
                       c.received_on, c.due_on,
                       (SELECT w.level FROM cases_warning w WHERE w.case_id = c.id AND w.resolved_at IS NULL
                        ORDER BY CASE w.level WHEN 'RED' THEN 0 ELSE 1 END LIMIT 1) AS warning
                FROM cases_case c
                WHERE c.status <> 'DRAFT'""");
        Map<String, Object> parameters = new LinkedHashMap<>();
        List<String> conditions = new ArrayList<>();
        switch (tab) {
            case TODO -> conditions.add(todo(actor, parameters));
            case DONE -> {
                conditions.add(reach(actor, parameters, CaseAccess.ACCEPT, CaseAccess.REVIEW, CaseAccess.APPROVE));
                conditions.add("EXISTS (SELECT 1 FROM cases_step s WHERE s.case_id = c.id AND s.actor_account = :me)");
                parameters.put("me", actor.accountId());
            }
            case ALL ->
                conditions.add(reach(
                        actor,
                        parameters,
                        CaseAccess.ACCEPT,
                        CaseAccess.REVIEW,
                        CaseAccess.APPROVE,
                        CaseAccess.SUPERVISE));
            case WARNINGS -> {
                conditions.add(reach(
                        actor,
                        parameters,
                        CaseAccess.ACCEPT,
                        CaseAccess.REVIEW,
                        CaseAccess.APPROVE,
                        CaseAccess.SUPERVISE));
                conditions.add(
                        "EXISTS (SELECT 1 FROM cases_warning w WHERE w.case_id = c.id AND w.resolved_at IS NULL)");
            }
        }
        if (filter.status() != null) {
            conditions.add("c.status = :status");
            parameters.put("status", filter.status().name());
        }
        if (filter.implementationCode() != null) {
            conditions.add("c.implementation_code = :code");
            parameters.put("code", filter.implementationCode());
        }
        if (filter.dueBy() != null) {
            conditions.add("c.due_on <= :dueBy");
            parameters.put("dueBy", filter.dueBy());
        }
        if (filter.channel() != null) {
            conditions.add("c.channel = :channel");
            parameters.put("channel", filter.channel());
        }
        if (filter.caseNumber() != null) {
            conditions.add("c.case_number = :number");
            parameters.put("number", filter.caseNumber());
        }
        for (String condition : conditions) {
            sql.append("\n  AND ").append(condition);
        }
        sql.append("\nORDER BY c.due_on NULLS LAST, c.id LIMIT :limit OFFSET :offset");
        parameters.put("limit", PAGE_SIZE + 1);
        parameters.put("offset", (long) (page - 1) * PAGE_SIZE);
        List<Row> rows = jdbc.sql(sql.toString())
                .params(parameters)
                .query((rs, n) -> new Row(
                        rs.getLong("id"),
                        rs.getString("case_number"),
                        CaseStatus.valueOf(rs.getString("status")),
                        rs.getString("stage"),
                        rs.getString("item_name"),
                        rs.getString("implementation_code"),
                        rs.getString("channel"),
                        rs.getObject("received_on", LocalDate.class),
                        rs.getObject("due_on", LocalDate.class),
                        rs.getString("warning")))
                .list();
        boolean more = rows.size() > PAGE_SIZE;
        return new Page(more ? rows.subList(0, PAGE_SIZE) : rows, more);
    }

    /**
     * Each step's cases within the reach of the permission that step needs — or, for a review stage whose case keeps
     * the roles its entry named ({@code undertake_roles}, {@code audit_roles}, {@code approve_roles}), of the actor's
     * case-handling reach when they hold one of those roles: the list's twin of {@code CaseLifecycle.mayTake}.
     */
    private static String todo(Actor actor, Map<String, Object> parameters) {
        String accept = reach(actor, parameters, CaseAccess.ACCEPT);
        String review = reach(actor, parameters, CaseAccess.REVIEW);
        String approve = reach(actor, parameters, CaseAccess.APPROVE);
        String handle = reach(actor, parameters, CaseAccess.ACCEPT, CaseAccess.REVIEW, CaseAccess.APPROVE);
        parameters.put(
                "myRoles", new SqlParameterValue(Types.ARRAY, actor.roles().toArray(String[]::new)));
        if (accept.equals(review) && review.equals(approve) && approve.equals(handle)) {
            // One reach for every step, as for a department's staff holding all three: the scope and the open
            // statuses stand apart from the steps, so that the index in the list's order (cases_case_todo) serves
            // the first page without sorting every open case of the department (bench/cases.sh, 1 M cases).
            return accept + " AND c.status IN ('SUBMITTED', 'COMPLETED', 'UNDER_REVIEW')"
                    + " AND ((c.status IN ('SUBMITTED', 'COMPLETED') AND c.stage IN ('accept', 'deliver'))"
                    + " OR (c.status = 'UNDER_REVIEW' AND ("
                    + stage("undertake", "TRUE", "TRUE") + " OR " + stage("audit", "TRUE", "TRUE") + " OR "
                    + stage("approve", "TRUE", "TRUE") + ")))";
        }
        return "((c.status IN ('SUBMITTED', 'COMPLETED') AND c.stage IN ('accept', 'deliver') AND " + accept + ")"
                + " OR (c.status = 'UNDER_REVIEW' AND (" + stage("undertake", review, handle) + " OR "
                + stage("audit", review, handle) + " OR " + stage("approve", approve, handle) + ")))";
    }

    /** A review stage: open to its permission's reach, or to the holders of the roles the case keeps for it. */
    private static String stage(String stage, String byPermission, String byRole) {
        String roles = "c." + stage + "_roles";
        return "(c.stage = '" + stage + "' AND ((" + roles + " IS NULL AND " + byPermission + ") OR (" + roles
                + " && CAST(:myRoles AS text[]) AND " + byRole + ")))";
    }

    private static String reach(Actor actor, Map<String, Object> parameters, String... permissions) {
        ScopeCondition condition = actor.reachCondition(CaseRecords.SCOPE, permissions);
        // Every condition of one actor binds the same values under the same names, so they can share the map.
        parameters.putAll(condition.parameters());
        return "(" + condition.sql() + ")";
    }
}
