package org.zhengwu.licence.register;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.zhengwu.shared.crypto.JdbcSealedColumns;
import org.zhengwu.shared.crypto.PlatformKeys;
import org.zhengwu.shared.crypto.SealedColumn;

/** The licences' sealed holder fields and printed values, for the field key's re-encryption. */
@Component
class LicenceSealedColumns extends JdbcSealedColumns {

    LicenceSealedColumns(JdbcTemplate jdbc, PlatformKeys keys) {
        super("licence", jdbc, keys);
    }

    @Override
    public List<SealedColumn> columns() {
        return List.of(
                SealedColumn.of("licence_licence", "holder_name", SealedFields.NAME_CONTEXT, "id"),
                SealedColumn.of("licence_licence", "holder_code", SealedFields.CODE_CONTEXT, "id"),
                SealedColumn.of("licence_licence", "field_values", SealedFields.VALUES_CONTEXT, "id"));
    }
}
