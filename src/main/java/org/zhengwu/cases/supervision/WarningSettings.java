package org.zhengwu.cases.supervision;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When 电子监察 raises its yellow warning.
 *
 * @param yellowWorkingDays a case is warned yellow from this many working days before its due date (0: on the due
 *                          date itself)
 */
@ConfigurationProperties("zhengwu.cases.warning")
public record WarningSettings(@DefaultValue("2") int yellowWorkingDays) {

    public WarningSettings {
        if (yellowWorkingDays < 0 || yellowWorkingDays > 100) {
            throw new IllegalArgumentException(
                    "zhengwu.cases.warning.yellow-working-days must be 0 to 100, not " + yellowWorkingDays);
        }
    }
}
