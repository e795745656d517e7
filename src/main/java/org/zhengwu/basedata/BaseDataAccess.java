package org.zhengwu.basedata;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zhengwu.shared.access.ModuleAccess;
import org.zhengwu.shared.access.Reach;
import org.zhengwu.shared.web.StaffLink;

/**
 * The permissions base data checks. Maintaining organisations and divisions is the platform administrator's; the
 * base libraries have roles of their own: an importer and a reader.
 *
 * @see ModuleAccess how a module declares its permissions and roles
 */
@Configuration(proxyBeanMethods = false)
public class BaseDataAccess {

    /** Registering and changing organisations, importing divisions. */
    public static final String MANAGE = "basedata.manage";

    /** Bulk imports into the base libraries (persons, legal entities), and their error reports. */
    public static final String IMPORT = "basedata.import";

    /** Looking up one person by 公民身份号码, and legal entities, on the staff lookup page. */
    public static final String LOOKUP = "basedata.lookup";

    /** A role: imports the base libraries' registers. */
    public static final String LIBRARY_IMPORTER = "BASEDATA_IMPORTER";

    /** A role: looks up persons and legal entities. */
    public static final String LIBRARY_READER = "BASEDATA_READER";

    @Bean
    ModuleAccess baseDataModuleAccess() {
        return ModuleAccess.of("basedata", "基础信息资源库", "Base data")
                .permission(
                        MANAGE,
                        "维护实施主体和行政区划",
                        "Maintain organisations and administrative divisions",
                        Reach.ORGANISATION)
                .permission(IMPORT, "批量导入基础信息资源库", "Bulk import into the base libraries", Reach.ORGANISATION)
                .permission(LOOKUP, "查询人口和法人基础信息", "Look up persons and legal entities", Reach.ORGANISATION)
                .staffRole(LIBRARY_IMPORTER, "基础信息导入员", "Base library importer", IMPORT)
                .staffRole(LIBRARY_READER, "基础信息查询员", "Base library reader", LOOKUP);
    }

    @Bean
    StaffLink baseLibraryImportLink() {
        return new StaffLink(
                "/admin/basedata/imports", "basedata.import.title", "basedata.link.import.hint", Set.of(IMPORT), 40);
    }

    @Bean
    StaffLink indicatorsLink() {
        return new StaffLink(
                "/admin/basedata/indicators",
                "basedata.indicator.title",
                "basedata.link.indicators.hint",
                Set.of(MANAGE),
                42);
    }

    @Bean
    StaffLink placesLink() {
        return new StaffLink(
                "/admin/basedata/places", "basedata.place.title", "basedata.link.places.hint", Set.of(MANAGE), 43);
    }

    @Bean
    StaffLink baseLibraryLookupLink() {
        return new StaffLink(
                "/admin/basedata/lookup", "basedata.lookup.title", "basedata.link.lookup.hint", Set.of(LOOKUP), 41);
    }
}
