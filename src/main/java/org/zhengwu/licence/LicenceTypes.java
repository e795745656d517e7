package org.zhengwu.licence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengwu.catalog.LicenceTypeOptions;
import org.zhengwu.shared.access.Bilingual;
import org.zhengwu.shared.codes.UnifiedSocialCreditCode;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The licence types the platform issues, and which catalogue items yield each; the catalogue asks them of a material
 * that names the types replacing it ({@link LicenceTypeOptions}).
 */
@Service
public class LicenceTypes implements LicenceTypeOptions {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    LicenceTypes(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<LicenceType> all() {
        return withItems(jdbc.sql("SELECT * FROM licence_type ORDER BY code")
                .query(this::row)
                .list());
    }

    @Override
    public List<LicenceTypeOption> licenceTypes() {
        return jdbc.sql("SELECT code, name_zh, name_en FROM licence_type ORDER BY code")
                .query((rs, n) ->
                        new LicenceTypeOption(rs.getString(1), new Bilingual(rs.getString(2), rs.getString(3))))
                .list();
    }

    public Optional<LicenceType> find(String code) {
        return withItems(jdbc.sql("SELECT * FROM licence_type WHERE code = :code")
                        .param("code", code)
                        .query(this::row)
                        .list())
                .stream()
                .findFirst();
    }

    /** The type of licence a catalogue item (by its 基本编码) yields, if any. */
    public Optional<LicenceType> yieldedBy(String baseCode) {
        return jdbc.sql("SELECT type_code FROM licence_type_item WHERE base_code = :base")
                .param("base", baseCode)
                .query(String.class)
                .optional()
                .flatMap(this::find);
    }

    /**
     * Adds a type or replaces its definition; issued licences keep what they were issued with. The item links are
     * replaced as a whole.
     */
    @Transactional
    public void define(LicenceType type) {
        if (!UnifiedSocialCreditCode.isValid(type.definingUscc())
                || !type.code().startsWith(type.definingUscc())) {
            throw new IllegalArgumentException("a type code starts with its defining organisation's code: " + type);
        }
        jdbc.sql("""
                        INSERT INTO licence_type (code, name_zh, name_en, defining_uscc, defining_name, holder_kind,
                                                  validity_years, layout, fields, holder_rule, created_at)
                        VALUES (:code, :nameZh, :nameEn, :uscc, :definingName, :kind, :years, :layout, :fields,
                                :holder, :now)
                        ON CONFLICT (code) DO UPDATE SET name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en,
                            defining_name = EXCLUDED.defining_name, holder_kind = EXCLUDED.holder_kind,
                            validity_years = EXCLUDED.validity_years, layout = EXCLUDED.layout,
                            fields = EXCLUDED.fields, holder_rule = EXCLUDED.holder_rule""")
                .param("code", type.code())
                .param("nameZh", type.nameZh())
                .param("nameEn", type.nameEn())
                .param("uscc", type.definingUscc())
                .param("definingName", type.definingName())
                .param("kind", type.holderKind().name())
                .param("years", type.validityYears())
                .param("layout", type.layout())
                .param("fields", json.writeValueAsString(type.fields()))
                .param("holder", json.writeValueAsString(type.holder()))
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .update();
        jdbc.sql("DELETE FROM licence_type_item WHERE type_code = :code")
                .param("code", type.code())
                .update();
        for (String base : type.baseCodes()) {
            jdbc.sql("INSERT INTO licence_type_item (type_code, base_code) VALUES (:code, :base)")
                    .param("code", type.code())
                    .param("base", base)
                    .update();
        }
    }

    private List<LicenceType> withItems(List<LicenceType> types) {
        if (types.isEmpty()) {
            return types;
        }
        Map<String, List<String>> items = new LinkedHashMap<>();
        jdbc.sql("SELECT type_code, base_code FROM licence_type_item WHERE type_code IN (:codes) ORDER BY base_code")
                .param("codes", types.stream().map(LicenceType::code).toList())
                .query((ResultSet rs) -> {
                    items.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(rs.getString(2));
                });
        return types.stream()
                .map(t -> new LicenceType(
                        t.code(),
                        t.nameZh(),
                        t.nameEn(),
                        t.definingUscc(),
                        t.definingName(),
                        t.holderKind(),
                        t.validityYears(),
                        t.layout(),
                        t.fields(),
                        t.holder(),
                        List.copyOf(items.getOrDefault(t.code(), List.of()))))
                .toList();
    }

    private LicenceType row(ResultSet rs, int n) throws SQLException {
        return new LicenceType(
                rs.getString("code"),
                rs.getString("name_zh"),
                rs.getString("name_en"),
                rs.getString("defining_uscc"),
                rs.getString("defining_name"),
                LicenceType.HolderKind.valueOf(rs.getString("holder_kind")),
                (Integer) rs.getObject("validity_years"),
                rs.getString("layout"),
                json.readValue(rs.getString("fields"), new TypeReference<List<LicenceType.Field>>() {}),
                json.readValue(rs.getString("holder_rule"), LicenceType.HolderRule.class),
                List.of());
    }
}
