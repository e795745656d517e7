package org.zhengwu.catalog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zhengwu.shared.access.ModuleAccess;
import org.zhengwu.shared.access.Reach;

/**
 * The permissions the catalogue checks and the roles it suggests.
 *
 * @see ModuleAccess how a module declares its permissions and roles
 */
@Configuration(proxyBeanMethods = false)
public class CatalogAccess {

    /** Drafting and editing the entries of one's own organisation (事项编制). */
    public static final String EDIT = "catalog.edit";

    /** Reviewing, publishing and withdrawing the entries of one's region (事项审核发布). */
    public static final String REVIEW = "catalog.review";

    public static final String CATALOG_EDITOR = "CATALOG_EDITOR";
    public static final String CATALOG_REVIEWER = "CATALOG_REVIEWER";

    @Bean
    ModuleAccess catalogModuleAccess() {
        return ModuleAccess.of("catalog", "政务服务事项", "Service catalogue")
                .permission(EDIT, "编制本单位的实施清单事项", "Draft and edit the own organisation's entries", Reach.ORGANISATION)
                .permission(
                        REVIEW,
                        "审核、发布和撤回本地区的事项",
                        "Review, publish and withdraw the entries of the region",
                        Reach.REGION)
                .staffRole(CATALOG_EDITOR, "事项编制人员", "Catalogue editor", EDIT)
                .staffRole(CATALOG_REVIEWER, "事项审核人员", "Catalogue reviewer", REVIEW);
    }
}
