package org.zhengwu.shared.calendar;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zhengwu.shared.access.ModuleAccess;
import org.zhengwu.shared.access.Reach;

/**
 * The permission the shared kernels check: keeping the working-day calendar. It is the only one shared declares, so
 * this is shared's one {@link ModuleAccess} bean; a later shared permission is added here. Identity's 系统管理员 holds
 * it, beside the other reference data.
 *
 * @see ModuleAccess how a module declares its permissions and roles
 */
@Configuration(proxyBeanMethods = false)
public class CalendarAccess {

    /** Entering and correcting holidays and adjusted working days, and recording a year's schedule as entered. */
    public static final String MANAGE = "shared.calendar.manage";

    @Bean
    ModuleAccess sharedModuleAccess() {
        return ModuleAccess.of("shared", "共享内核", "Shared kernels")
                .permission(
                        MANAGE,
                        "维护工作日历（节假日和调休）",
                        "Maintain the working-day calendar (holidays and adjusted working days)",
                        Reach.ORGANISATION);
    }
}
