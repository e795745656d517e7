package org.zhengwu.portal;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

/**
 * The benchmarks' reference file is served everywhere but in production. (The production profile cannot start
 * here without its external database and keys, so the static-file configuration is started alone.)
 */
class BenchmarkFileTests {

    @Configuration(proxyBeanMethods = false)
    @EnableWebMvc
    static class Mvc {}

    private final WebApplicationContextRunner web =
            new WebApplicationContextRunner().withUserConfiguration(Mvc.class, StaticFiles.class);

    @Test
    void servedWithoutTheProductionProfile() {
        web.withInitializer(context -> context.getEnvironment().setActiveProfiles("demo"))
                .run(context -> {
                    MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
                    mvc.perform(get("/bench/1k.txt")).andExpect(status().isOk());
                    mvc.perform(get("/css/zhengwu.css")).andExpect(status().isOk());
                });
    }

    @Test
    void notServedInProduction() {
        web.withInitializer(context -> context.getEnvironment().setActiveProfiles("production"))
                .run(context -> {
                    MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
                    mvc.perform(get("/bench/1k.txt")).andExpect(status().isNotFound());
                    mvc.perform(get("/css/zhengwu.css")).andExpect(status().isOk());
                });
    }
}
