package org.zhengwu.catalog.entry;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import org.zhengwu.basedata.ExerciseLevel;
import org.zhengwu.catalog.ItemType;

/**
 * A base-list item (基本目录事项).
 *
 * @param exerciseLevels 行使层级: the levels at which it may be implemented, one or more
 */
public record BaseItemRecord(String baseCode, String name, ItemType itemType, Set<ExerciseLevel> exerciseLevels) {

    public BaseItemRecord {
        exerciseLevels = Collections.unmodifiableSortedSet(new TreeSet<>(exerciseLevels));
    }

    /** The levels as the national exchange writes them, joined with {@code ^}. */
    public String exerciseLevelCodes() {
        return String.join("^", exerciseLevels.stream().map(ExerciseLevel::code).toList());
    }
}
