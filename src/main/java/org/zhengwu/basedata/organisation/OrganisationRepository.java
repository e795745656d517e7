package org.zhengwu.basedata.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhengwu.basedata.ExerciseLevel;
import org.zhengwu.basedata.Organisation;
import org.zhengwu.basedata.SubjectNature;
import org.zhengwu.shared.codes.CodeTable;

@Repository
public class OrganisationRepository {

    private final JdbcClient jdbc;

    OrganisationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Organisation> find(String uscc) {
        return jdbc.sql("""
                        SELECT uscc, name, division_code, exercise_level, nature, parent_uscc, address, phone, legacy_code
                        FROM basedata_organisation WHERE uscc = :uscc""")
                .param("uscc", uscc)
                .query(OrganisationRepository::map)
                .optional();
    }

    /** The organisation as stored, its row locked until the transaction ends. */
    public Optional<Organisation> findForUpdate(String uscc) {
        return jdbc.sql("""
                        SELECT uscc, name, division_code, exercise_level, nature, parent_uscc, address, phone, legacy_code
                        FROM basedata_organisation WHERE uscc = :uscc FOR UPDATE""")
                .param("uscc", uscc)
                .query(OrganisationRepository::map)
                .optional();
    }

    public List<Organisation> all() {
        return jdbc.sql("""
                        SELECT uscc, name, division_code, exercise_level, nature, parent_uscc, address, phone, legacy_code
                        FROM basedata_organisation ORDER BY division_code, exercise_level, name""").query(OrganisationRepository::map).list();
    }

    public List<Organisation> findAll(Collection<String> usccs) {
        if (usccs.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT uscc, name, division_code, exercise_level, nature, parent_uscc, address, phone, legacy_code
                        FROM basedata_organisation WHERE uscc IN (:usccs) ORDER BY name""")
                .param("usccs", usccs)
                .query(OrganisationRepository::map)
                .list();
    }

    public boolean exists(String uscc) {
        return jdbc.sql("SELECT count(*) FROM basedata_organisation WHERE uscc = :uscc")
                        .param("uscc", uscc)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public void insert(Organisation o) {
        jdbc.sql("""
                        INSERT INTO basedata_organisation (uscc, name, division_code, exercise_level, nature, parent_uscc,
                                                           address, phone, legacy_code)
                        VALUES (:uscc, :name, :division, :level, :nature, :parent, :address, :phone, :legacy)""").params(parameters(o)).update();
    }

    /** Updates everything but the code, which identifies the organisation for good. */
    public int update(Organisation o) {
        return jdbc.sql("""
                        UPDATE basedata_organisation SET name = :name, division_code = :division, exercise_level = :level,
                               nature = :nature, parent_uscc = :parent, address = :address, phone = :phone,
                               legacy_code = :legacy, updated_at = CURRENT_TIMESTAMP
                        WHERE uscc = :uscc""").params(parameters(o)).update();
    }

    private static Map<String, Object> parameters(Organisation o) {
        Map<String, Object> p = new HashMap<>();
        p.put("uscc", o.uscc());
        p.put("name", o.name());
        p.put("division", o.divisionCode());
        p.put("level", o.exerciseLevel().code());
        p.put("nature", o.nature().code());
        p.put("parent", o.parentUscc());
        p.put("address", o.address());
        p.put("phone", o.phone());
        p.put("legacy", o.legacyCode());
        return p;
    }

    private static Organisation map(ResultSet rs, int row) throws SQLException {
        return new Organisation(
                rs.getString("uscc"),
                rs.getString("name"),
                rs.getString("division_code"),
                CodeTable.requireCode(ExerciseLevel.class, rs.getString("exercise_level")),
                CodeTable.requireCode(SubjectNature.class, rs.getString("nature")),
                rs.getString("parent_uscc"),
                rs.getString("address"),
                rs.getString("phone"),
                rs.getBoolean("legacy_code"));
    }
}
