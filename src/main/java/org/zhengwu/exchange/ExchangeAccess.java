package org.zhengwu.exchange;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zhengwu.shared.access.ModuleAccess;
import org.zhengwu.shared.access.Reach;
import org.zhengwu.shared.web.PersonalLink;
import org.zhengwu.shared.web.StaffLink;

/**
 * The permissions the exchange module checks, the roles it suggests and the scopes department systems' tokens carry.
 * A provider's staff keep their organisation's resources in the catalogue and decide requests for them; a
 * consumer's staff ask for them; the catalogue's reviewers publish what providers entered.
 *
 * @see ModuleAccess how a module declares its permissions and roles
 */
@Configuration(proxyBeanMethods = false)
public class ExchangeAccess {

    /** Enter and maintain the organisation's resources in the catalogue (编目). */
    public static final String CATALOGUE = "exchange.catalogue";

    /** Review and publish, or send back, the resources the region's providers entered. */
    public static final String REVIEW = "exchange.review";

    /** Ask for the organisation's access to other departments' resources (共享申请). */
    public static final String REQUEST = "exchange.request";

    /** Decide the requests for the organisation's resources (共享审批). */
    public static final String DECIDE = "exchange.decide";

    /** See every request, grant, access and delivery of the region, and the overdue ones escalated. */
    public static final String SUPERVISE = "exchange.supervise";

    /** A system reads shared data through the query API, within its organisation's grants. */
    public static final String QUERY_SCOPE = "exchange.query";

    /** A provider's system publishes change records for its organisation's own resources. */
    public static final String PUBLISH_SCOPE = "exchange.publish";

    /** A consumer's system subscribes to resources it holds grants for, pulls and acknowledges their changes. */
    public static final String SUBSCRIBE_SCOPE = "exchange.subscribe";

    /** A peer platform node (province ↔ city) delivers change records to this one. */
    public static final String NODE_SCOPE = "exchange.node";

    public static final String RESOURCE_CATALOGUER = "RESOURCE_CATALOGUER";
    public static final String RESOURCE_REVIEWER = "RESOURCE_REVIEWER";
    public static final String DATA_REQUESTER = "DATA_REQUESTER";
    public static final String DATA_STEWARD = "DATA_STEWARD";
    public static final String EXCHANGE_SUPERVISOR = "EXCHANGE_SUPERVISOR";

    @Bean
    ModuleAccess exchangeModuleAccess() {
        return ModuleAccess.of("exchange", "共享交换", "Data sharing and exchange")
                .permission(
                        CATALOGUE,
                        "编制和维护本单位的政务信息资源目录",
                        "Enter and maintain the organisation's resources in the catalogue",
                        Reach.ORGANISATION)
                .permission(
                        REVIEW, "审核发布本地区的政务信息资源目录", "Review and publish the region's catalogue entries", Reach.REGION)
                .permission(
                        REQUEST,
                        "为本单位申请共享其他部门的信息资源",
                        "Ask for the organisation's access to other departments' resources",
                        Reach.ORGANISATION)
                .permission(
                        DECIDE,
                        "审批对本单位信息资源的共享申请",
                        "Decide the requests for the organisation's resources",
                        Reach.ORGANISATION)
                .permission(
                        SUPERVISE,
                        "监督本地区的共享申请、授权、访问和交换",
                        "Supervise the region's requests, grants, accesses and deliveries",
                        Reach.REGION)
                .staffRole(RESOURCE_CATALOGUER, "资源编目人员", "Resource cataloguer", CATALOGUE)
                .staffRole(RESOURCE_REVIEWER, "资源目录审核人员", "Resource catalogue reviewer", REVIEW)
                .staffRole(DATA_REQUESTER, "共享申请人员", "Data requester", REQUEST)
                .staffRole(DATA_STEWARD, "数据共享审批人员", "Data steward", DECIDE)
                .staffRole(EXCHANGE_SUPERVISOR, "共享交换监督人员", "Exchange supervisor", SUPERVISE)
                .apiScope(
                        QUERY_SCOPE,
                        "在本单位获得的共享授权内查询共享数据",
                        "Read shared data within the organisation's grants",
                        "/api/v1/exchange/data/**",
                        "/api/v1/exchange/resources",
                        "/api/v1/exchange/resources/**")
                .writingApiScope(
                        PUBLISH_SCOPE,
                        "发布本单位信息资源的变更记录",
                        "Publish change records of the organisation's own resources",
                        "/api/v1/exchange/publish/**")
                .writingApiScope(
                        SUBSCRIBE_SCOPE,
                        "订阅本单位获授权的信息资源，拉取并确认其变更",
                        "Subscribe to resources the organisation holds grants for, pull and acknowledge their changes",
                        "/api/v1/exchange/subscriptions",
                        "/api/v1/exchange/subscriptions/**")
                .writingApiScope(
                        NODE_SCOPE,
                        "作为对端平台节点（省、市）向本平台投递变更记录",
                        "Deliver change records to this platform as a peer platform node (province, city)",
                        "/api/v1/exchange/inbound");
    }

    @Bean
    PersonalLink exchangePersonalLink() {
        return new PersonalLink("/my/data-uses", "exchange.tracker.title", 40);
    }

    @Bean
    StaffLink exchangeCatalogueLink() {
        return new StaffLink(
                "/exchange/resources",
                "exchange.resource.title",
                "exchange.resource.link.hint",
                Set.of(CATALOGUE, REVIEW, REQUEST, DECIDE, SUPERVISE),
                40);
    }

    @Bean
    StaffLink exchangeRequestsLink() {
        return new StaffLink(
                "/exchange/grants/mine", "exchange.grant.mine", "exchange.grant.link.mine.hint", Set.of(REQUEST), 41);
    }

    @Bean
    StaffLink exchangeDecisionsLink() {
        return new StaffLink(
                "/exchange/grants/waiting",
                "exchange.grant.waiting",
                "exchange.grant.link.waiting.hint",
                Set.of(DECIDE),
                42);
    }

    @Bean
    StaffLink exchangeSupervisionLink() {
        return new StaffLink(
                "/exchange/supervision",
                "exchange.grant.escalated",
                "exchange.grant.link.supervision.hint",
                Set.of(SUPERVISE),
                43);
    }

    @Bean
    StaffLink exchangeAccessLogLink() {
        return new StaffLink(
                "/exchange/supervision/access",
                "exchange.access.title",
                "exchange.access.link.hint",
                Set.of(SUPERVISE),
                44);
    }
}
