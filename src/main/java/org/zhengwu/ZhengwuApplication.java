package org.zhengwu;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

@Modulithic(systemName = "Zhengwu", sharedModules = "shared")
@EnableScheduling
@SpringBootApplication
@ConfigurationPropertiesScan
public class ZhengwuApplication {

    public static void main(String[] args) {
        SpringApplication.run(ZhengwuApplication.class, args);
    }
}
