/**
 * National code validators (GB 32100 统一社会信用代码, GB 11643 公民身份号码, GB/T 2260 行政区划代码): small pure
 * classes that every module checks input against.
 */
@NamedInterface("codes")
package org.zhengwu.shared.codes;

import org.springframework.modulith.NamedInterface;
