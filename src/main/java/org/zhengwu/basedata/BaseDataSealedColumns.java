package org.zhengwu.basedata;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.zhengwu.shared.crypto.JdbcSealedColumns;
import org.zhengwu.shared.crypto.PlatformKeys;
import org.zhengwu.shared.crypto.SealedColumn;

/** The population and legal-entity libraries' sealed fields, for the field key's re-encryption. */
@Component
class BaseDataSealedColumns extends JdbcSealedColumns {

    BaseDataSealedColumns(JdbcTemplate jdbc, PlatformKeys keys) {
        super("basedata", jdbc, keys);
    }

    @Override
    public List<SealedColumn> columns() {
        return List.of(
                SealedColumn.of("basedata_person", "id_number_sealed", Population.SEALED_ID_CONTEXT, "id_number_index"),
                SealedColumn.of("basedata_person", "name_sealed", Population.NAME_CONTEXT, "id_number_index"),
                SealedColumn.of("basedata_person", "address_sealed", Population.ADDRESS_CONTEXT, "id_number_index"),
                SealedColumn.of(
                        "basedata_legal_entity",
                        "representative_name_sealed",
                        LegalEntities.REPRESENTATIVE_NAME_CONTEXT,
                        "record_id"),
                SealedColumn.of(
                        "basedata_legal_entity",
                        "representative_id_sealed",
                        LegalEntities.REPRESENTATIVE_ID_CONTEXT,
                        "record_id"));
    }
}
