/**
 * 统一身份认证: who is signing in and what they may do. So far: staff accounts with Argon2id passwords and roles,
 * form sign-in, and the security rules of every URL.
 */
@ApplicationModule(
        displayName = "统一身份认证 Identity",
        allowedDependencies = {
            "basedata",
            "shared::audit",
            "shared::codes",
            "shared::crypto",
            "shared::database",
            "shared::time",
            "shared::web"
        })
package org.zhengwu.identity;

import org.springframework.modulith.ApplicationModule;
