package org.zhengwu.cases.supervision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhengwu.cases.CaseAccess;
import org.zhengwu.identity.Actor;
import org.zhengwu.identity.ScopeColumns;
import org.zhengwu.identity.ScopeCondition;

/**
 * What supervisors see, filtered in SQL by the one data-scope rule for {@code cases.supervise} (their region): the open
 * warnings counted by organisation and by division, and the warnings themselves, newest first. The query texts are
 * fixed; every value is bound.
 */
@Repository
class SupervisionQueries {

    static final ScopeColumns SCOPE = new ScopeColumns("w.organisation_uscc", "w.division_code");
    static final int PAGE_SIZE = 50;

    enum State {
        OPEN,
        RESOLVED,
        ALL
    }

    record Filter(WarningLevel level, String organisationUscc, State state) {}

    /** Open warnings of one organisation or division. */
    record Count(String key, int yellow, int red) {}

    record Page(List<Warning> rows, boolean more) {}

    private final JdbcClient jdbc;

    SupervisionQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Count> openByOrganisation(Actor actor) {
        return counts(actor, "w.organisation_uscc");
    }

    List<Count> openByDivision(Actor actor) {
        return counts(actor, "w.division_code");
    }

    /** The organisations that have had warnings within reach, for the filter. */
    List<String> organisations(Actor actor) {
        ScopeCondition scope = actor.reachCondition(SCOPE, CaseAccess.SUPERVISE);
        return jdbc.sql("SELECT DISTINCT w.organisation_uscc FROM cases_warning w WHERE " + scope.sql()
                        + " ORDER BY w.organisation_uscc")
                .params(scope.parameters())
                .query(String.class)
                .list();
    }

    Page list(Actor actor, Filter filter, int page) {
        ScopeCondition scope = actor.reachCondition(SCOPE, CaseAccess.SUPERVISE);
        StringBuilder sql = new StringBuilder("SELECT " + WarningRecords.COLUMNS + """
                 FROM cases_warning w JOIN cases_case c ON c.id = w.case_id
                WHERE\s""").append(scope.sql());
        Map<String, Object> parameters = new LinkedHashMap<>(scope.parameters());
        List<String> conditions = new ArrayList<>();
        if (filter.level() != null) {
            conditions.add("w.level = :level");
            parameters.put("level", filter.level().name());
        }
        if (filter.organisationUscc() != null) {
            conditions.add("w.organisation_uscc = :organisation");
            parameters.put("organisation", filter.organisationUscc());
        }
        switch (filter.state()) {
            case OPEN -> conditions.add("w.resolved_at IS NULL");
            case RESOLVED -> conditions.add("w.resolved_at IS NOT NULL");
            case ALL -> {}
        }
        for (String condition : conditions) {
            sql.append("\n  AND ").append(condition);
        }
        sql.append("\nORDER BY w.raised_at DESC, w.id DESC LIMIT :limit OFFSET :offset");
        parameters.put("limit", PAGE_SIZE + 1);
        parameters.put("offset", (long) (page - 1) * PAGE_SIZE);
        List<Warning> rows = jdbc.sql(sql.toString())
                .params(parameters)
                .query(WarningRecords::warning)
                .list();
        boolean more = rows.size() > PAGE_SIZE;
        return new Page(more ? rows.subList(0, PAGE_SIZE) : rows, more);
    }

    /** {@code column} is one of this class's constants, never input. */
    private List<Count> counts(Actor actor, String column) {
        ScopeCondition scope = actor.reachCondition(SCOPE, CaseAccess.SUPERVISE);
        return jdbc.sql("SELECT " + column + " AS k, "
                        + "SUM(CASE WHEN w.level = 'YELLOW' THEN 1 ELSE 0 END) AS yellow, "
                        + "SUM(CASE WHEN w.level = 'RED' THEN 1 ELSE 0 END) AS red "
                        + "FROM cases_warning w WHERE w.resolved_at IS NULL AND " + scope.sql()
                        + " GROUP BY " + column + " ORDER BY red DESC, yellow DESC, " + column)
                .params(scope.parameters())
                .query((rs, n) -> new Count(rs.getString("k"), rs.getInt("yellow"), rs.getInt("red")))
                .list();
    }
}
