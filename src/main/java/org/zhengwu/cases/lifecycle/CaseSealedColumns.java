package org.zhengwu.cases.lifecycle;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.zhengwu.shared.crypto.JdbcSealedColumns;
import org.zhengwu.shared.crypto.PlatformKeys;
import org.zhengwu.shared.crypto.SealedColumn;

/** The cases' and bundles' sealed applicant fields and form values, for the field key's re-encryption. */
@Component
class CaseSealedColumns extends JdbcSealedColumns {

    CaseSealedColumns(JdbcTemplate jdbc, PlatformKeys keys) {
        super("cases", jdbc, keys);
    }

    @Override
    public List<SealedColumn> columns() {
        return List.of(
                SealedColumn.of("cases_case", "applicant_name", CaseLifecycle.NAME_CONTEXT, "id"),
                SealedColumn.of("cases_case", "form_values", CaseLifecycle.VALUES_CONTEXT, "id"),
                SealedColumn.of("cases_case", "applicant_id_number", CaseLifecycle.ID_NUMBER_CONTEXT, "id"),
                SealedColumn.of("cases_case", "applicant_mobile", CaseLifecycle.MOBILE_CONTEXT, "id"),
                SealedColumn.of("cases_bundle", "applicant_name", BundleLifecycle.NAME_CONTEXT, "id"),
                SealedColumn.of("cases_bundle", "form_values", BundleLifecycle.VALUES_CONTEXT, "id"));
    }
}
