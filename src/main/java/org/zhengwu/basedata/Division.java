package org.zhengwu.basedata;

import java.time.LocalDate;
import org.zhengwu.shared.codes.DivisionCode;

/**
 * One period of an administrative division: a code with its name and parent while in force, from
 * {@code effectiveFrom} inclusive to {@code effectiveTo} exclusive (open when null).
 */
public record Division(
        String code,
        String name,
        DivisionCode.Level level,
        String parentCode,
        LocalDate effectiveFrom,
        LocalDate effectiveTo) {

    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || date.isBefore(effectiveTo));
    }
}
