/**
 * 统一身份认证 and 统一授权: who is signing in and what they may do. Accounts of citizens, enterprises' agents and
 * staff; sign-in with a second factor for staff; the OpenID Connect provider; and the security rules of every URL.
 *
 * <p>Other modules ask {@link org.zhengwu.identity.Actors} who is acting and {@link org.zhengwu.identity.Actor}
 * whether it may reach an object ({@code mayReach}) or which rows of a list ({@code reachCondition}). They declare
 * the permissions they check and the roles they suggest themselves ({@link org.zhengwu.shared.access.ModuleAccess});
 * identity collects the declarations ({@link org.zhengwu.identity.AccessRegistry}), keeps its tables in step with
 * them and lets administrators grant the roles.
 */
@ApplicationModule(
        displayName = "统一身份认证 Identity",
        allowedDependencies = {"basedata", "shared::*"})
package org.zhengwu.identity;

import org.springframework.modulith.ApplicationModule;
