package org.zhengwu.exchange.resource;

/** 共享方式: through the query API, as a bulk file (export), or by subscription to change records. */
public enum ShareMethod {
    API,
    FILE,
    SUBSCRIPTION
}
