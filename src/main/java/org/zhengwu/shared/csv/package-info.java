/** Reading CSV files as imports deliver them (RFC 4180, UTF-8 with or without BOM), and writing CSV for exports. */
@NamedInterface("csv")
package org.zhengwu.shared.csv;

import org.springframework.modulith.NamedInterface;
