package org.zhengwu.exchange.resource;

/** 共享类型 (国发〔2016〕51号): 无条件共享, 有条件共享, 不予共享. */
public enum ShareType {
    UNCONDITIONAL,
    CONDITIONAL,
    NONE
}
