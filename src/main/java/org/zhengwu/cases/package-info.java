/**
 * 一网通办 办件: an application made once — online, at a counter, or by an agent for an enterprise — carried by one
 * case record through acceptance, review and decision to delivery, on statutory working-day clocks, with its
 * materials, timeline, warnings and the applicant's rating. The process of each case runs in Flowable
 * ({@code src/main/resources/processes/}); the case record and its timeline are this module's tables.
 */
@ApplicationModule(
        displayName = "办件 Cases",
        allowedDependencies = {"basedata", "identity", "catalog", "shared::*"})
package org.zhengwu.cases;

import org.springframework.modulith.ApplicationModule;
