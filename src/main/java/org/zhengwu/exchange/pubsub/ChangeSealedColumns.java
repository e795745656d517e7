package org.zhengwu.exchange.pubsub;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.zhengwu.shared.crypto.JdbcSealedColumns;
import org.zhengwu.shared.crypto.PlatformKeys;
import org.zhengwu.shared.crypto.SealedColumn;

/** The change records' sealed payloads and the library records' sealed keys, for the field key's re-encryption. */
@Component
class ChangeSealedColumns extends JdbcSealedColumns {

    ChangeSealedColumns(JdbcTemplate jdbc, PlatformKeys keys) {
        super("exchange", jdbc, keys);
    }

    @Override
    public List<SealedColumn> columns() {
        return List.of(
                SealedColumn.withContextFrom(
                        "exchange_change", "payload", Outbox.PAYLOAD_CONTEXT_PREFIX, "resource_code", "id"),
                SealedColumn.of(
                        "exchange_library_key",
                        "key_sealed",
                        LibraryRecordChanges.KEY_CONTEXT,
                        "library",
                        "record_id"));
    }
}
