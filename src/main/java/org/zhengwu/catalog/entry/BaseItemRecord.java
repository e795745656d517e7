package org.zhengwu.catalog.entry;

import org.zhengwu.catalog.ItemType;

/** A base-list item (基本目录事项). */
public record BaseItemRecord(String baseCode, String name, ItemType itemType) {}
