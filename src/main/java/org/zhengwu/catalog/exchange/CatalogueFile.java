package org.zhengwu.catalog.exchange;

import java.util.List;
import org.zhengwu.basedata.ExerciseLevel;
import org.zhengwu.catalog.Guide;
import org.zhengwu.catalog.ItemType;

/**
 * One exchange file: the base list and the published implementation list. Written and read only by
 * {@link ExchangeJson}, which puts every code-table value as its national code. Field order is the order written.
 *
 * @param format     {@link #FORMAT}
 * @param exportedAt when it was written (the only time in the file), ISO-8601 UTC; ignored on import
 * @param baseItems  by base code
 * @param entries    by implementation code
 */
record CatalogueFile(String format, String exportedAt, List<BaseItem> baseItems, List<Entry> entries) {

    static final String FORMAT = "zhengwu-catalogue/1";

    /** 基本目录事项. */
    record BaseItem(String baseCode, String name, ItemType itemType, List<ExerciseLevel> exerciseLevels) {}

    /**
     * 实施清单事项 with the guide of its published version.
     *
     * @param organisationName the organisation's name as registered, for the reader; not read on import
     */
    record Entry(
            String implementationCode,
            String baseCode,
            String name,
            String organisationUscc,
            String organisationName,
            ExerciseLevel exerciseLevel,
            String divisionCode,
            Guide guide) {}
}
