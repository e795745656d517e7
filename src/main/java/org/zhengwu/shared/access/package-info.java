/**
 * The vocabulary of access every module declares for itself: the permissions it checks and the roles it suggests
 * ({@link org.zhengwu.shared.access.ModuleAccess}). It sits in the shared kernel because every module declares —
 * base data too, which identity depends on — while identity alone collects the declarations, stores them and grants
 * them to accounts.
 */
@NamedInterface("access")
package org.zhengwu.shared.access;

import org.springframework.modulith.NamedInterface;
