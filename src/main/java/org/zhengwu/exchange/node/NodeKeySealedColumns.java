package org.zhengwu.exchange.node;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.zhengwu.shared.crypto.JdbcSealedColumns;
import org.zhengwu.shared.crypto.PlatformKeys;
import org.zhengwu.shared.crypto.SealedColumn;

/** The exchange node's delivery key, sealed, for the field key's re-encryption. */
@Component
class NodeKeySealedColumns extends JdbcSealedColumns {

    NodeKeySealedColumns(JdbcTemplate jdbc, PlatformKeys keys) {
        super("exchange", jdbc, keys);
    }

    @Override
    public List<SealedColumn> columns() {
        return List.of(SealedColumn.of("exchange_node_key", "private_key", NodeKey.CONTEXT, "id"));
    }
}
