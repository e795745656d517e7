package org.zhengwu.cases.supervision;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The special procedures of a case's clock. The first three pause it (行政许可法 §45: the time they take does not count
 * towards the limit); an extension (§42) adds {@link SpecialProcedures#EXTENSION_DAYS} working days once.
 */
public enum ClockEventKind {
    /** 听证. */
    HEARING,
    /** 检验、检测. */
    TESTING,
    /** 专家评审. */
    EXPERT_REVIEW,
    /** 延期. */
    EXTENSION;

    public boolean pause() {
        return this != EXTENSION;
    }

    public static List<ClockEventKind> pauses() {
        return Arrays.stream(values()).filter(ClockEventKind::pause).toList();
    }

    /** The timeline step that records it ({@code cases.step.<code>}). */
    String startStep() {
        return pause() ? "pause-" + name().toLowerCase(Locale.ROOT).replace('_', '-') : "extension";
    }
}
