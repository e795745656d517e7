/**
 * The public portal (一体化网上政务服务平台, public side): home, search, navigation by theme, department and region,
 * and the service guide pages, the administration home; and it serves the static files (stylesheet, scripts, web jars)
 * of the design system every module's pages use.
 */
@ApplicationModule(
        displayName = "门户 Portal",
        allowedDependencies = {"basedata", "identity", "catalog", "shared::*"})
package org.zhengwu.portal;

import org.springframework.modulith.ApplicationModule;
