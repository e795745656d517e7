/**
 * Web kernel shared by every module: request ids and access logging, locale and elder-friendly display switches,
 * and the exceptions that become a friendly error page or an RFC 9457 problem detail.
 */
@NamedInterface("web")
package org.zhengwu.shared.web;

import org.springframework.modulith.NamedInterface;
