/**
 * 责任认定: the accountability log every module writes to when something that matters changes — who, acting for
 * whom, did what to which object, with what outcome, when and from where. Entries are chained by SM3 hashes; the
 * chain can be verified at any time and names the first altered or missing entry.
 */
@NamedInterface("audit")
package org.zhengwu.shared.audit;

import org.springframework.modulith.NamedInterface;
