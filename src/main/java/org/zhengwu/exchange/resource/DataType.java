package org.zhengwu.exchange.resource;

/** 信息项数据类型 (编制指南(试行): 字符型, 数值型, 日期型, 日期时间型, 布尔型). */
public enum DataType {
    STRING,
    INTEGER,
    DECIMAL,
    DATE,
    DATETIME,
    BOOLEAN
}
