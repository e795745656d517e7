package org.zhengwu.basedata;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Test only: a module listener of {@link BaseRecordChanged}, as the exchange's will be, so that every change is kept
 * in the event publication registry until delivered and the tests can read what was stored and what arrived.
 */
@Component
class BaseRecordChanges {

    private final List<BaseRecordChanged> received = new CopyOnWriteArrayList<>();

    @ApplicationModuleListener
    void on(BaseRecordChanged change) {
        if (received.size() < 10_000) {
            received.add(change);
        }
    }

    List<BaseRecordChanged> of(String library, long recordId) {
        return received.stream()
                .filter(c -> c.library().equals(library) && c.recordId() == recordId)
                .toList();
    }
}
