package org.zhengwu.identity.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;

/** The development outbox keeps one-time codes readable by administrators: it must never exist in production. */
class DevelopmentOutboxTests {

    @Test
    void theProductionProfileHasNoOutboxEvenWhenAskedForOne() {
        new ApplicationContextRunner()
                .withInitializer(context -> context.getEnvironment().setActiveProfiles("production"))
                .withPropertyValues("zhengwu.notifications.dev-outbox=true")
                .withUserConfiguration(OutboxNotificationSender.class)
                .run(context -> assertThat(context).doesNotHaveBean(OutboxNotificationSender.class));
    }

    @Test
    void theProductionConfigurationSwitchesTheOutboxOff() throws IOException {
        var sources =
                new YamlPropertySourceLoader().load("production", new ClassPathResource("application-production.yml"));
        assertThat(sources.get(0).getProperty("zhengwu.notifications.dev-outbox"))
                .isEqualTo(false);
        assertThat(sources.get(0).getProperty("server.servlet.session.cookie.secure"))
                .isEqualTo(true);
    }
}
