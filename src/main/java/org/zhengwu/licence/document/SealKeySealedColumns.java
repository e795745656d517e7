package org.zhengwu.licence.document;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.zhengwu.shared.crypto.JdbcSealedColumns;
import org.zhengwu.shared.crypto.PlatformKeys;
import org.zhengwu.shared.crypto.SealedColumn;

/** The licence seals' private keys, sealed, for the field key's re-encryption. */
@Component
class SealKeySealedColumns extends JdbcSealedColumns {

    SealKeySealedColumns(JdbcTemplate jdbc, PlatformKeys keys) {
        super("licence", jdbc, keys);
    }

    @Override
    public List<SealedColumn> columns() {
        return List.of(
                SealedColumn.of("licence_seal_root", "private_key", LocalSealSigner.CONTEXT_PREFIX + "root", "id"),
                SealedColumn.withContextFrom(
                        "licence_seal", "private_key", LocalSealSigner.CONTEXT_PREFIX, "issuer_uscc", "issuer_uscc"));
    }
}
