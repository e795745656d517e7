/**
 * 基础信息资源库: the reference data every other module checks against — administrative divisions (GB/T 2260) and
 * the organisations that implement services. Later: population, legal entities, places, indicators.
 */
@ApplicationModule(
        displayName = "基础信息资源库 Base data",
        allowedDependencies = {"shared::*"})
package org.zhengwu.basedata;

import org.springframework.modulith.ApplicationModule;
