package org.zhengwu.support;

import org.zhengwu.cases.lifecycle.OnlineOffer;
import org.zhengwu.catalog.CaseKind;
import org.zhengwu.catalog.PublishedCatalog;
import org.zhengwu.catalog.PublishedItem;

/**
 * Demo entries people can apply for online, of a given 办件类型 and following that kind's default process (no
 * {@code handling} of their own), for tests that submit cases.
 */
public final class OnlineItems {

    private OnlineItems() {}

    public static PublishedItem first(PublishedCatalog catalog, CaseKind kind) {
        return catalog.all().stream()
                .filter(OnlineOffer::offeredOnline)
                .filter(i -> i.guide().caseKind() == kind)
                .filter(i -> i.guide().handling() == null)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no demo entry offered online as " + kind));
    }
}
