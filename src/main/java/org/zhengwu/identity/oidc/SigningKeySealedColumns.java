package org.zhengwu.identity.oidc;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.zhengwu.shared.crypto.JdbcSealedColumns;
import org.zhengwu.shared.crypto.PlatformKeys;
import org.zhengwu.shared.crypto.SealedColumn;

/** The OpenID provider's signing keys, sealed, for the field key's re-encryption. */
@Component
class SigningKeySealedColumns extends JdbcSealedColumns {

    SigningKeySealedColumns(JdbcTemplate jdbc, PlatformKeys keys) {
        super("identity", jdbc, keys);
    }

    @Override
    public List<SealedColumn> columns() {
        return List.of(SealedColumn.of("identity_signing_key", "private_cipher", SigningKeys.CONTEXT, "kid"));
    }
}
