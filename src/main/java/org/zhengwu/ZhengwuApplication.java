package org.zhengwu;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

@Modulithic(systemName = "Zhengwu", sharedModules = "shared")
@SpringBootApplication
public class ZhengwuApplication {

    public static void main(String[] args) {
        SpringApplication.run(ZhengwuApplication.class, args);
    }
}
