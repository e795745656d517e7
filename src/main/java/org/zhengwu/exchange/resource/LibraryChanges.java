package org.zhengwu.exchange.resource;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.zhengwu.basedata.BaseRecordChanged;

/** Notes on the library's resource when its data last changed (for timeliness and the catalogue-update flag). */
@Component
class LibraryChanges {

    private final Resources resources;

    LibraryChanges(Resources resources) {
        this.resources = resources;
    }

    @ApplicationModuleListener
    void on(BaseRecordChanged change) {
        resources.dataChanged(change.library(), change.changedAt());
    }
}
