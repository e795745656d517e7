/**
 * 政务服务事项: the base list (基本目录) and the implementation lists (实施清单) with their service guides (办事指南),
 * versioned and published from one source (同源发布) to the portal, the API and exports. Code tables follow
 * GB/T 39046-2020; codes and guide elements follow GB/T 39554.
 */
@ApplicationModule(
        displayName = "政务服务事项 Catalogue",
        allowedDependencies = {"basedata", "identity", "shared::*"})
package org.zhengwu.catalog;

import org.springframework.modulith.ApplicationModule;
