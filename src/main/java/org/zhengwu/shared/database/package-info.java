/** The database kernel: the embedded PostgreSQL for newcomers and work that must run once per database. */
@NamedInterface("database")
package org.zhengwu.shared.database;

import org.springframework.modulith.NamedInterface;
