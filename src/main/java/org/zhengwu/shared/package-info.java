/**
 * The few true cross-cutting kernels every module may use — national codes, business time, 国密 crypto, the
 * accountability log, CSV, the database kernel, the web kernel and the message source that reads every module's
 * texts — each a named interface of its own. Shared depends on no other module of ours, and every module may depend
 * on it (it is the application's shared module).
 */
@ApplicationModule(
        displayName = "共享内核 Shared kernels",
        allowedDependencies = {})
package org.zhengwu.shared;

import org.springframework.modulith.ApplicationModule;
