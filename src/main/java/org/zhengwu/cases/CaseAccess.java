package org.zhengwu.cases;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zhengwu.shared.access.ModuleAccess;
import org.zhengwu.shared.access.Reach;
import org.zhengwu.shared.web.PersonalLink;
import org.zhengwu.shared.web.StaffLink;

/**
 * The permissions the case module checks and the roles it suggests. Each step of the standard process is its own
 * permission, so that one person can be 承办人 and another 审批人 of the same organisation's cases.
 *
 * @see ModuleAccess how a module declares its permissions and roles
 */
@Configuration(proxyBeanMethods = false)
public class CaseAccess {

    /** 受理: accept, refuse or ask for 补正 on the organisation's cases; register counter (窗口) applications. */
    public static final String ACCEPT = "cases.accept";

    /** 承办 and 审核: examine the organisation's accepted cases and give an opinion. */
    public static final String REVIEW = "cases.review";

    /** 审批: decide the organisation's cases (准予 / 不予). */
    public static final String APPROVE = "cases.approve";

    /** 电子监察: see every case and warning of the region, without acting on them. */
    public static final String SUPERVISE = "cases.supervise";

    /**
     * The scope of a department system's token (client credentials) that reads, through {@code /api/v1/cases}, the
     * cases of the organisation the system administrator linked the system to: read only, no personal data.
     */
    public static final String READ_SCOPE = "cases.read";

    public static final String CASE_CLERK = "CASE_CLERK";
    public static final String CASE_REVIEWER = "CASE_REVIEWER";
    public static final String CASE_APPROVER = "CASE_APPROVER";
    public static final String CASE_SUPERVISOR = "CASE_SUPERVISOR";

    @Bean
    ModuleAccess casesModuleAccess() {
        return ModuleAccess.of("cases", "办件", "Cases")
                .permission(
                        ACCEPT,
                        "受理本单位的办件，登记窗口申请",
                        "Accept the organisation's cases, register counter applications",
                        Reach.ORGANISATION)
                .permission(REVIEW, "承办、审核本单位的办件", "Examine and check the organisation's cases", Reach.ORGANISATION)
                .permission(APPROVE, "审批本单位的办件", "Decide the organisation's cases", Reach.ORGANISATION)
                .permission(SUPERVISE, "监察本地区的办件和预警", "Supervise the region's cases and warnings", Reach.REGION)
                .staffRole(CASE_CLERK, "窗口受理人员", "Counter clerk", ACCEPT)
                .staffRole(CASE_REVIEWER, "承办审核人员", "Case examiner", REVIEW)
                .staffRole(CASE_APPROVER, "审批人员", "Case approver", APPROVE)
                .staffRole(CASE_SUPERVISOR, "电子监察人员", "Case supervisor", SUPERVISE)
                .apiScope(
                        READ_SCOPE,
                        "读取所属单位的办件及其办理过程",
                        "Read the organisation's cases and their timelines",
                        "/api/v1/cases",
                        "/api/v1/cases/**");
    }

    /** 个人中心 links here. */
    @Bean
    PersonalLink casesPersonalLink() {
        return new PersonalLink("/my/cases", "cases.mine.title", 10);
    }

    @Bean
    StaffLink casesWorkbenchLink() {
        return new StaffLink(
                "/workbench",
                "cases.workbench.title",
                "cases.link.workbench.hint",
                Set.of(ACCEPT, REVIEW, APPROVE),
                10);
    }

    @Bean
    StaffLink casesCounterLink() {
        return new StaffLink(
                "/workbench/counter", "cases.counter.title", "cases.link.counter.hint", Set.of(ACCEPT), 11);
    }

    @Bean
    StaffLink casesRectificationLink() {
        return new StaffLink(
                "/ratings/tasks",
                "cases.rectification.tasks.title",
                "cases.link.rectification.hint",
                Set.of(ACCEPT, REVIEW, SUPERVISE),
                12);
    }

    @Bean
    StaffLink casesSupervisionLink() {
        return new StaffLink(
                "/supervision", "cases.supervision.title", "cases.link.supervision.hint", Set.of(SUPERVISE), 13);
    }

    @Bean
    StaffLink casesRatingsLink() {
        return new StaffLink(
                "/ratings", "cases.rating.overview.title", "cases.link.ratings.hint", Set.of(SUPERVISE), 14);
    }

    @Bean
    StaffLink casesStatisticsLink() {
        return new StaffLink(
                "/statistics", "cases.statistics.title", "cases.link.statistics.hint", Set.of(SUPERVISE), 15);
    }
}
