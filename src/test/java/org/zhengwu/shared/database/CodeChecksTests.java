package org.zhengwu.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhengwu.support.ZhengwuTest;

/**
 * The database itself refuses a malformed code written past the application. Each statement is tried with a
 * well-formed value first — accepted, so that a refusal is the code's doing — and then with malformed ones; every try
 * is rolled back.
 */
@ZhengwuTest
class CodeChecksTests {

    private static final String USCC = "91340100MA2N0JXX1X";
    private static final List<String> BAD_USCC = List.of(
            "91340100ma2n0jxx1x", // lower case
            "91340100MA2N0JXI1X", // I is not in the alphabet
            "91340100MA2N0JXO1X", // nor O
            "91340100MA2N0JXS1X", // nor S
            "9134010MA2N0JXX1X", // 17 characters (more than 18 the column type refuses)
            " 9134010MA2N0JXX1X", // 18 with a space
            "");
    private static final List<String> BAD_DIVISION = List.of("34010", "34010A", "３４０１０４", "3401 4");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void baseDataRefusesMalformedDivisionAndCreditCodes() {
        String division = "UPDATE basedata_division SET %s = :value WHERE code = '340104'";
        check("basedata_division_code_check", division.formatted("code"), "349999", BAD_DIVISION);
        check("basedata_division_parent_code_check", division.formatted("parent_code"), "340100", BAD_DIVISION);
        String organisation = "UPDATE basedata_organisation SET %s = :value WHERE uscc = '11340100662167280R'";
        check("basedata_organisation_uscc_check", organisation.formatted("uscc"), USCC, BAD_USCC);
        check("basedata_organisation_parent_uscc_check", organisation.formatted("parent_uscc"), USCC, BAD_USCC);
        check(
                "basedata_organisation_division_code_check",
                organisation.formatted("division_code"),
                "340100",
                BAD_DIVISION);
        check("basedata_organisation_exercise_level_check", organisation.formatted("exercise_level"), "3", "X", " ");
        check("basedata_organisation_nature_check", organisation.formatted("nature"), "9", "a", "-");
    }

    @Test
    void identityRefusesMalformedCreditCodesPurposesAndChannels() {
        check(
                "identity_account_organisation_uscc_check",
                "UPDATE identity_account SET organisation_uscc = :value WHERE username = 'admin'",
                USCC,
                BAD_USCC);
        check("identity_enterprise_uscc_check", """
                        INSERT INTO identity_enterprise (uscc, name, representative_id, created_at)
                        SELECT :value, '约束测试企业', id, now() FROM identity_account WHERE username = 'admin'""", USCC, BAD_USCC);
        check("identity_one_time_code_purpose_check", """
                        INSERT INTO identity_one_time_code (account_id, purpose, code_hash, expires_at, created_at)
                        SELECT id, :value, repeat('0', 64), now(), now() FROM identity_account WHERE username = 'admin'""", "PASSWORD_RESET", "password_reset", "SIGN_IN");
        check("identity_notification_outbox_channel_check", """
                        INSERT INTO identity_notification_outbox (channel, subject, body, created_at)
                        VALUES (:value, '约束', '测试', now())""", "MOBILE", "FAX", "email");
    }

    @Test
    void theCatalogueRefusesMalformedCodesWhateverTheLayout() {
        String baseItem = """
                INSERT INTO catalog_base_item (base_code, name, item_type, exercise_levels, created_by)
                VALUES (%s, '约束测试', %s, ARRAY['3'], 'tester')""";
        check(
                "catalog_base_item_base_code_check",
                baseItem.formatted(":value", "'01'"),
                "019999900000",
                "01999990000A",
                "0199999 0000",
                "");
        check("catalog_base_item_item_type_check", baseItem.formatted("'019999900000'", ":value"), "20", "1", "1A", "");
        String item = "UPDATE catalog_item SET %s = :value WHERE id = (SELECT min(id) FROM catalog_item)";
        check(
                "catalog_item_implementation_code_check",
                item.formatted("implementation_code"),
                USCC + "3019999900000",
                USCC.toLowerCase() + "3019999900000",
                USCC + "3O19999900000",
                USCC + "-019999900000",
                "");
        check("catalog_item_organisation_uscc_check", item.formatted("organisation_uscc"), USCC, BAD_USCC);
        check("catalog_item_exercise_level_check", item.formatted("exercise_level"), "4", "D");
        check("catalog_item_division_code_check", item.formatted("division_code"), "340100", BAD_DIVISION);
        String searchEntry = "UPDATE catalog_search_entry SET %s = :value"
                + " WHERE item_id = (SELECT min(item_id) FROM catalog_search_entry)";
        check(
                "catalog_search_entry_implementation_code_check",
                searchEntry.formatted("implementation_code"),
                USCC + "3019999900000",
                USCC + "3O19999900000");
        check("catalog_search_entry_item_type_check", searchEntry.formatted("item_type"), "20", "2");
        check(
                "catalog_search_entry_organisation_uscc_check",
                searchEntry.formatted("organisation_uscc"),
                USCC,
                BAD_USCC);
        check(
                "catalog_search_entry_division_code_check",
                searchEntry.formatted("division_code"),
                "340100",
                BAD_DIVISION);
        check("catalog_search_entry_exercise_level_check", searchEntry.formatted("exercise_level"), "2", "Z");
        check("catalog_search_entry_promised_unit_check", searchEntry.formatted("promised_unit"), "N", "n", "7");
    }

    @Test
    void theAccountabilityLogRefusesAnOutcomeItDoesNotKnow() {
        check("shared_audit_entry_outcome_check", """
                        INSERT INTO shared_audit_entry (seq, occurred_at, actor, action, outcome, prev_hash, hash, chain,
                            chain_seq)
                        SELECT max(seq) + 1000000, now(), 'tester', 'test.check', :value, repeat('0', 64), repeat('0', 64),
                            1, max(chain_seq) + 1000000
                        FROM shared_audit_entry""", "DENIED", "OK", "success");
    }

    private void check(String constraint, String sql, String good, String... bad) {
        check(constraint, sql, good, List.of(bad));
    }

    private void check(String constraint, String sql, String good, List<String> bad) {
        assertThat(rolledBack(sql, good)).as("%s accepts %s", constraint, good).isPositive();
        for (String value : bad) {
            assertThat(catchThrowable(() -> rolledBack(sql, value)))
                    .as("%s refuses '%s'", constraint, value)
                    .isInstanceOf(DataIntegrityViolationException.class)
                    .hasMessageContaining(constraint);
        }
    }

    private int rolledBack(String sql, String value) {
        return new TransactionTemplate(transactions).execute(transaction -> {
            transaction.setRollbackOnly();
            return jdbc.sql(sql).param("value", value).update();
        });
    }
}
