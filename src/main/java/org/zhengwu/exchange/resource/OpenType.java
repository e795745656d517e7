package org.zhengwu.exchange.resource;

/** 开放类型: 无条件开放, 有条件开放, 不予开放. */
public enum OpenType {
    UNCONDITIONAL,
    CONDITIONAL,
    NONE
}
