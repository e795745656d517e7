package org.zhengwu.basedata;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zhengwu.shared.access.ModuleAccess;
import org.zhengwu.shared.access.Reach;

/**
 * The permission base data checks. It suggests no role of its own: identity's platform administrator holds it.
 *
 * @see ModuleAccess how a module declares its permissions and roles
 */
@Configuration(proxyBeanMethods = false)
public class BaseDataAccess {

    /** Registering and changing organisations, importing divisions. */
    public static final String MANAGE = "basedata.manage";

    @Bean
    ModuleAccess baseDataModuleAccess() {
        return ModuleAccess.of("basedata", "基础信息资源库", "Base data")
                .permission(
                        MANAGE,
                        "维护实施主体和行政区划",
                        "Maintain organisations and administrative divisions",
                        Reach.ORGANISATION);
    }
}
