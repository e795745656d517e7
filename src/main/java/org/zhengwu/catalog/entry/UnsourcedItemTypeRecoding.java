package org.zhengwu.catalog.entry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhengwu.basedata.ExerciseLevel;
import org.zhengwu.catalog.CatalogCodes;
import org.zhengwu.catalog.ItemType;
import org.zhengwu.shared.codes.CodeTable;
import org.zhengwu.shared.database.AfterMigration;

/**
 * An earlier release offered 事项类型 {@code 00} 行政权力, which no national code table has (docs/STANDARDS.md). Its
 * base items become 10 其他行政权力 with the next free main-item numbers of that type (sub-items stay under their main
 * item), their entries get the implementation codes that follow, and every moved code is recorded in
 * {@code catalog_code_change} so that an old code still finds its entry. The codes' layout is a deployment's setting,
 * which is why this is done here with {@link CatalogCodes} rather than in a migration's SQL.
 */
@Component
@Order(20)
public class UnsourcedItemTypeRecoding implements AfterMigration {

    static final String UNSOURCED_TYPE = "00";
    private static final String REASON = "事项类型 00 无国家标准来源，改为 10 其他行政权力";
    private static final Logger log = LoggerFactory.getLogger(UnsourcedItemTypeRecoding.class);

    private final CatalogCodes codes;

    public UnsourcedItemTypeRecoding(CatalogCodes codes) {
        this.codes = codes;
    }

    private record Entry(long id, String implementationCode, String organisationUscc, String exerciseLevel) {}

    @Override
    public void run(DataSource database) {
        JdbcClient jdbc = JdbcClient.create(database);
        new TransactionTemplate(new DataSourceTransactionManager(database)).executeWithoutResult(status -> {
            // The same lock as adding a base item: another node doing this, or an editor adding one, waits.
            jdbc.sql("LOCK TABLE catalog_base_item IN SHARE ROW EXCLUSIVE MODE").update();
            List<String> unsourced = jdbc.sql(
                            "SELECT base_code FROM catalog_base_item WHERE item_type = :type ORDER BY base_code")
                    .param("type", UNSOURCED_TYPE)
                    .query(String.class)
                    .list();
            if (unsourced.isEmpty()) {
                return;
            }
            int nextMain =
                    codes.nextMainItem(jdbc.sql("SELECT base_code FROM catalog_base_item WHERE item_type = :type")
                            .param("type", ItemType.OTHER.code())
                            .query(String.class)
                            .list());
            Map<Integer, Integer> mainItems = new HashMap<>();
            for (String oldBase : unsourced) {
                int oldMain = codes.mainItem(oldBase);
                if (!mainItems.containsKey(oldMain)) {
                    mainItems.put(oldMain, nextMain++);
                }
                String newBase = codes.baseCode(
                        ItemType.OTHER, mainItems.get(oldMain), codes.subItem(oldBase), codes.handlingItem(oldBase));
                recode(jdbc, oldBase, newBase);
            }
            log.info("Catalogue: {} base items of 事项类型 00 recoded as 10 其他行政权力", unsourced.size());
        });
    }

    private void recode(JdbcClient jdbc, String oldBase, String newBase) {
        jdbc.sql("""
                        INSERT INTO catalog_base_item (base_code, name, item_type, exercise_levels, created_at, created_by)
                        SELECT :newBase, name, :type, exercise_levels, created_at, created_by FROM catalog_base_item
                        WHERE base_code = :oldBase""")
                .param("newBase", newBase)
                .param("type", ItemType.OTHER.code())
                .param("oldBase", oldBase)
                .update();
        List<Entry> entries = jdbc.sql("""
                        SELECT id, implementation_code, organisation_uscc, exercise_level FROM catalog_item
                        WHERE base_code = :oldBase ORDER BY id""")
                .param("oldBase", oldBase)
                .query((rs, n) -> new Entry(
                        rs.getLong("id"),
                        rs.getString("implementation_code"),
                        rs.getString("organisation_uscc"),
                        rs.getString("exercise_level")))
                .list();
        for (Entry entry : entries) {
            String newCode = codes.implementationCode(
                    entry.organisationUscc(),
                    CodeTable.requireCode(ExerciseLevel.class, entry.exerciseLevel()),
                    newBase);
            jdbc.sql("UPDATE catalog_item SET base_code = :newBase, implementation_code = :newCode WHERE id = :id")
                    .param("newBase", newBase)
                    .param("newCode", newCode)
                    .param("id", entry.id())
                    .update();
            jdbc.sql("""
                            UPDATE catalog_search_entry
                            SET implementation_code = :newCode, item_type = :type,
                                terms = array_replace(array_replace(terms, lower(:oldCode), lower(:newCode)),
                                                      lower(:oldBase), lower(:newBase))
                            WHERE item_id = :id""")
                    .param("newCode", newCode)
                    .param("type", ItemType.OTHER.code())
                    .param("oldCode", entry.implementationCode())
                    .param("oldBase", oldBase)
                    .param("newBase", newBase)
                    .param("id", entry.id())
                    .update();
            recordChange(jdbc, entry.implementationCode(), newCode);
        }
        jdbc.sql("DELETE FROM catalog_base_item WHERE base_code = :oldBase")
                .param("oldBase", oldBase)
                .update();
        recordChange(jdbc, oldBase, newBase);
    }

    private static void recordChange(JdbcClient jdbc, String oldCode, String newCode) {
        jdbc.sql("INSERT INTO catalog_code_change (old_code, new_code, reason) VALUES (:old, :new, :reason)")
                .param("old", oldCode)
                .param("new", newCode)
                .param("reason", REASON)
                .update();
    }
}
