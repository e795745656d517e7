package org.zhengwu.cases.lifecycle;

import org.zhengwu.catalog.PublishedItem;

/**
 * Whether an item can be applied for on this platform: the guide offers an online channel and at least online
 * submission ({@code Guide.onlineApplication}), and it is an item somebody applies for (not a 处罚, 强制 or 检查).
 * The guide page shows its "apply here" button on the same condition.
 */
public final class OnlineOffer {

    private OnlineOffer() {}

    public static boolean offeredOnline(PublishedItem item) {
        return !item.type().enforcement() && item.guide().onlineApplication();
    }
}
