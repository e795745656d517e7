package org.zhengwu.exchange;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the exchange module.
 *
 * @param libraryProvider the 统一社会信用代码 of the organisation that provides the base libraries (人口, 法人, 空间地理,
 *                        宏观经济), usually the province's data bureau ({@code ZHENGWU_EXCHANGE_LIBRARY_PROVIDER}); at
 *                        start-up each library not yet in the catalogue is registered as its published resource.
 *                        Empty: none is registered
 * @param queriesPerHour  the query API's allowance per connected system and hour (each record, page or export counts
 *                        one) ({@code ZHENGWU_EXCHANGE_QUERIES_PER_HOUR})
 * @param accessLogRetention how long the query API's access log is kept ({@code ZHENGWU_EXCHANGE_ACCESS_LOG_RETENTION});
 *                        zero (the default): for ever, as the record of the data's use that citizens read in 谁用了我的数据;
 *                        otherwise never less than 180 days
 */
@ConfigurationProperties("zhengwu.exchange")
public record ExchangeProperties(
        @DefaultValue("") String libraryProvider,
        @DefaultValue("20000") int queriesPerHour,
        @DefaultValue("0s") Duration accessLogRetention) {}
