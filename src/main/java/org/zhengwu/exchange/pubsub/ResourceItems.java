package org.zhengwu.exchange.pubsub;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A resource of the catalogue as publishing and delivery need it: its provider, its status and its info items. */
@Repository
class ResourceItems {

    /** The rules an info item can carry (JSON in exchange_resource_item.rules). */
    record Rules(boolean required, List<String> enumeration, String pattern, String code) {
        static final Rules NONE = new Rules(false, List.of(), null, null);
    }

    record Item(
            String field, String name, String dataType, Integer length, boolean sensitive, boolean key, Rules rules) {}

    record Resource(
            String code,
            String name,
            String providerUscc,
            String providerDivision,
            String status,
            String shareType,
            String updateCycle,
            Map<String, Item> items) {

        boolean published() {
            return "PUBLISHED".equals(status);
        }

        Optional<Item> keyItem() {
            return items.values().stream().filter(Item::key).findFirst();
        }
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ResourceItems(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<Resource> find(String code) {
        return jdbc.sql("""
                        SELECT code, name, provider_uscc, provider_division, status, share_type, update_cycle
                        FROM exchange_resource WHERE code = :code""")
                .param("code", code)
                .query((rs, n) -> new Resource(
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getString("provider_uscc"),
                        rs.getString("provider_division"),
                        rs.getString("status"),
                        rs.getString("share_type"),
                        rs.getString("update_cycle"),
                        items(code)))
                .optional();
    }

    /** The catalogue's resource of a base library of basedata ({@code person}, {@code legal-entity}, …), if any. */
    Optional<Resource> forLibrary(String library) {
        return jdbc.sql("SELECT code FROM exchange_resource WHERE library = :library")
                .param("library", library)
                .query(String.class)
                .optional()
                .flatMap(this::find);
    }

    private Map<String, Item> items(String code) {
        Map<String, Item> items = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT field, name, data_type, length, sensitive, is_key, rules
                        FROM exchange_resource_item WHERE resource_code = :code ORDER BY position""")
                .param("code", code)
                .query((rs, n) -> new Item(
                        rs.getString("field"),
                        rs.getString("name"),
                        rs.getString("data_type"),
                        (Integer) rs.getObject("length"),
                        rs.getBoolean("sensitive"),
                        rs.getBoolean("is_key"),
                        rules(rs.getString("rules"))))
                .list()
                .forEach(item -> items.put(item.field(), item));
        return items;
    }

    /**
     * {@code {"required": true, "enumeration": ["1", "2"], "pattern": "[0-9]{6}", "code": "CITIZEN_ID"}}, every
     * member optional; {@code code} one of CITIZEN_ID, USCC, DIVISION. A member of another type is ignored.
     */
    Rules rules(String text) {
        if (text == null || text.isBlank()) {
            return Rules.NONE;
        }
        JsonNode node = json.readTree(text);
        List<String> enumeration = new ArrayList<>();
        JsonNode values = node.path("enumeration");
        if (values.isArray()) {
            values.forEach(v -> enumeration.add(v.asString()));
        }
        JsonNode pattern = node.path("pattern");
        JsonNode code = node.path("code");
        return new Rules(
                node.path("required").asBoolean(false),
                List.copyOf(enumeration),
                pattern.isString() ? pattern.asString() : null,
                code.isString() ? code.asString() : null);
    }
}
