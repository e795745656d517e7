package org.zhengwu.basedata.division;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Base data's settings ({@code zhengwu.basedata.*}).
 *
 * @param divisionSeed the divisions loaded on a new database (CSV as the import takes it)
 */
@ConfigurationProperties("zhengwu.basedata")
record BaseDataProperties(
        @DefaultValue("classpath:basedata/divisions-340000.csv")
        Resource divisionSeed) {}
