package org.zhengwu.cases.supervision;

/** 电子监察 预警: yellow when the due date is near, red once it has passed. */
public enum WarningLevel {
    YELLOW,
    RED
}
