package org.zhengwu.shared.time;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The zone in which business dates are reckoned and times are shown, and the clock every module reads. */
@Configuration(proxyBeanMethods = false)
public class BusinessTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Bean
    Clock businessClock() {
        return Clock.system(ZONE);
    }
}
