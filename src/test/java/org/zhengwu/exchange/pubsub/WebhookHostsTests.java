package org.zhengwu.exchange.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A deployment that names its networks keeps subscribers' webhooks inside them; one that names none admits any. */
class WebhookHostsTests {

    private static PubSubProperties hosts(List<String> hosts) {
        return new PubSubProperties(
                1000,
                500,
                Duration.ofSeconds(30),
                Duration.ofHours(1),
                12,
                Duration.ofSeconds(10),
                Duration.ofSeconds(2),
                "local",
                "",
                "",
                hosts,
                Map.of());
    }

    @Test
    void aListedDomainAdmitsItselfAndTheHostsBelowItAndNothingElse() {
        PubSubProperties properties = hosts(List.of(" Gov.CN ", "10.12.0.5"));
        assertThat(properties.webhookHostAllowed("gov.cn")).isTrue();
        assertThat(properties.webhookHostAllowed("sjj.hefei.GOV.cn")).isTrue();
        assertThat(properties.webhookHostAllowed("10.12.0.5")).isTrue();
        assertThat(properties.webhookHostAllowed("evilgov.cn")).isFalse();
        assertThat(properties.webhookHostAllowed("gov.cn.example.com")).isFalse();
        assertThat(properties.webhookHostAllowed("localhost")).isFalse();
        assertThat(properties.webhookHostAllowed("127.0.0.1")).isFalse();
        assertThat(properties.webhookHostAllowed("110.12.0.5")).isFalse();
    }

    @Test
    void noListAdmitsAnyHost() {
        assertThat(hosts(List.of()).webhookHostAllowed("localhost")).isTrue();
        assertThat(hosts(null).webhookHostAllowed("sjj.hefei.gov.cn")).isTrue();
    }
}
