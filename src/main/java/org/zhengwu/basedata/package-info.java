/**
 * 基础信息资源库: the reference data every other module checks against — administrative divisions (GB/T 2260) and
 * the organisations that implement services — and the base information libraries: population, legal entities, named
 * places and macro-economic indicators (docs/BASEDATA.md). What staff look up of a person is recorded for that person's
 * data-use page ({@link org.zhengwu.basedata.PersonLookups}).
 */
@ApplicationModule(
        displayName = "基础信息资源库 Base data",
        allowedDependencies = {"shared::*"})
package org.zhengwu.basedata;

import org.springframework.modulith.ApplicationModule;
