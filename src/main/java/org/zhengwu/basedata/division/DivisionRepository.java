package org.zhengwu.basedata.division;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhengwu.basedata.Division;
import org.zhengwu.shared.codes.DivisionCode;

@Repository
public class DivisionRepository {

    private final JdbcClient jdbc;

    DivisionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Division> history(String code) {
        return jdbc.sql("""
                        SELECT code, name, level, parent_code, effective_from, effective_to FROM basedata_division
                        WHERE code = :code ORDER BY effective_from""").param("code", code).query(DivisionRepository::map).list();
    }

    public Optional<Division> inForce(String code, LocalDate date) {
        return jdbc.sql("""
                        SELECT code, name, level, parent_code, effective_from, effective_to FROM basedata_division
                        WHERE code = :code AND effective_from <= :date AND (effective_to IS NULL OR effective_to > :date)""")
                .param("code", code)
                .param("date", date)
                .query(DivisionRepository::map)
                .optional();
    }

    public List<Division> childrenInForce(String parentCode, LocalDate date) {
        return jdbc.sql("""
                        SELECT code, name, level, parent_code, effective_from, effective_to FROM basedata_division
                        WHERE parent_code = :parent AND effective_from <= :date
                          AND (effective_to IS NULL OR effective_to > :date)
                        ORDER BY code""")
                .param("parent", parentCode)
                .param("date", date)
                .query(DivisionRepository::map)
                .list();
    }

    public List<Division> allHistoryOf(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT code, name, level, parent_code, effective_from, effective_to FROM basedata_division
                        WHERE code IN (:codes) ORDER BY code, effective_from""")
                .param("codes", codes)
                .query(DivisionRepository::map)
                .list();
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM basedata_division")
                .query(Long.class)
                .single();
    }

    /**
     * Replaces the period starting on the same date, or adds it; returns true when it was new. One statement, so that
     * an import running at the same time as another that adds the same period replaces it instead of failing.
     */
    boolean save(Division division) {
        return jdbc.sql("""
                        INSERT INTO basedata_division (code, name, level, parent_code, effective_from, effective_to)
                        VALUES (:code, :name, :level, :parent, :from, :to)
                        ON CONFLICT (code, effective_from) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level,
                            parent_code = EXCLUDED.parent_code, effective_to = EXCLUDED.effective_to
                        RETURNING xmax = 0 AS inserted""").params(parameters(division)).query(Boolean.class).single();
    }

    private static java.util.Map<String, Object> parameters(Division d) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("code", d.code());
        p.put("name", d.name());
        p.put("level", d.level().name());
        p.put("parent", d.parentCode());
        p.put("from", d.effectiveFrom());
        p.put("to", d.effectiveTo());
        return p;
    }

    private static Division map(ResultSet rs, int row) throws SQLException {
        Date to = rs.getDate("effective_to");
        return new Division(
                rs.getString("code"),
                rs.getString("name"),
                DivisionCode.Level.valueOf(rs.getString("level")),
                rs.getString("parent_code"),
                rs.getDate("effective_from").toLocalDate(),
                to == null ? null : to.toLocalDate());
    }
}
