package org.zhengwu.identity;

import org.zhengwu.shared.codes.CodeTable;

/**
 * 实名等级, the ladder a service item can require: each level includes the ones below it.
 */
public enum RealNameLevel implements CodeTable {
    /** L1: registered by the person. */
    SELF_REGISTERED(1),
    /** L2: name and 公民身份号码 matched against the population base library. */
    ID_MATCHED(2),
    /** L3: L2, and in possession of a verified mobile number. */
    MOBILE_VERIFIED(3),
    /** L4: L3, and seen in person at a service counter by a clerk. */
    IN_PERSON(4);

    private final int level;

    RealNameLevel(int level) {
        this.level = level;
    }

    public int level() {
        return level;
    }

    /** The level's number, 1 to 4. */
    @Override
    public String code() {
        return Integer.toString(level);
    }

    @Override
    public String messageKey() {
        return "account.level." + name();
    }

    public boolean atLeast(RealNameLevel other) {
        return level >= other.level;
    }

    public static RealNameLevel of(int level) {
        for (RealNameLevel l : values()) {
            if (l.level == level) {
                return l;
            }
        }
        throw new IllegalArgumentException("no real-name level " + level);
    }
}
