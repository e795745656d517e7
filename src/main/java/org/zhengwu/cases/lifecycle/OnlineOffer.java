package org.zhengwu.cases.lifecycle;

import org.zhengwu.catalog.Guide;
import org.zhengwu.catalog.HandlingChannel;
import org.zhengwu.catalog.OnlineDepth;

/** Whether an item can be applied for on this platform: the guide offers 互联网受理 or a PC or mobile channel. */
public final class OnlineOffer {

    private OnlineOffer() {}

    public static boolean offeredOnline(Guide guide) {
        return guide.onlineDepths().contains(OnlineDepth.ACCEPTANCE)
                || guide.onlineDepths().contains(OnlineDepth.HANDLING)
                || guide.channels().contains(HandlingChannel.PC)
                || guide.channels().contains(HandlingChannel.MOBILE);
    }
}
