package org.zhengwu.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhengwu.basedata.ExerciseLevel;
import org.zhengwu.support.ZhengwuTest;

/**
 * The catalogue's code columns take the codes of any configured layout: the length is the layout's, checked by
 * {@link CatalogCodes}, not the default layout's 12 and 31 characters fixed in the schema.
 */
@ZhengwuTest
class CodeColumnsTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void theColumnsHaveNoLengthOfTheirOwn() {
        assertThat(jdbc.sql("""
                        SELECT table_name || '.' || column_name FROM information_schema.columns
                        WHERE table_name LIKE 'catalog\\_%' AND column_name IN ('base_code', 'implementation_code')
                          AND character_maximum_length IS NOT NULL""").query(String.class).list()).isEmpty();
    }

    @Test
    void anEntryOfALongerLayoutIsStored() {
        CatalogCodes longer = new CatalogCodes(
                CodeLayout.parse("ITEM_TYPE:2,MAIN_ITEM:6,SUB_ITEM:4,HANDLING_ITEM:2"),
                CodeLayout.parse("ORGANISATION:18,EXERCISE_LEVEL:1,BASE_CODE:14"));
        String base = longer.baseCode(ItemType.LICENSING, 7, 1, 0);
        String code = longer.implementationCode("11340100662167280R", ExerciseLevel.COUNTY, base);
        transactions.executeWithoutResult(status -> {
            status.setRollbackOnly();
            jdbc.sql("""
                            INSERT INTO catalog_base_item (base_code, name, item_type, exercise_levels, created_by)
                            VALUES (:base, '较长编码的基本目录', '01', ARRAY['3'], 'test')""").param("base", base).update();
            jdbc.sql("""
                            INSERT INTO catalog_item
                                (implementation_code, base_code, organisation_uscc, exercise_level, division_code, created_by)
                            VALUES (:code, :base, '11340100662167280R', '4', '340100', 'test')""").param("code", code).param("base", base).update();
            assertThat(jdbc.sql("SELECT implementation_code FROM catalog_item WHERE base_code = :base")
                            .param("base", base)
                            .query(String.class)
                            .single())
                    .hasSize(33)
                    .isEqualTo(code);
        });
    }
}
