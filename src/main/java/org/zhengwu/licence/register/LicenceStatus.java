package org.zhengwu.licence.register;

/** 证照状态. Expired is never stored: it follows from 有效期 and the day. */
public enum LicenceStatus {
    VALID,
    REVOKED,
    SUPERSEDED,
    EXPIRED
}
