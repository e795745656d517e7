package org.zhengwu.shared.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dataDir   where the embedded cluster keeps its files between runs ({@code $ZHENGWU_DATA_DIR/pg}, in
 *                  application.yml because the variable names a parent directory)
 * @param port      0 picks a free port at each start
 * @param ephemeral a throw-away cluster in a temporary directory, removed at shutdown, not flushed to disk (tests)
 */
@ConfigurationProperties("zhengwu.embedded-db")
record EmbeddedDatabaseProperties(
        String dataDir,
        @DefaultValue("0") int port,
        @DefaultValue("false") boolean ephemeral) {}
