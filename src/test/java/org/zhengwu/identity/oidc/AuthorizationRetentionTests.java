package org.zhengwu.identity.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.support.ZhengwuTest;

/** Authorizations go a configured while after their last code or token expired, and not before. */
@ZhengwuTest
class AuthorizationRetentionTests {

    private static final Duration DAY = Duration.ofDays(1);

    @Autowired
    AuthorizationRetention retention;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAuthorizationGoesADayAfterItsLastTokenExpiredAndNotBefore() {
        Instant now = Instant.now();
        String prefix = "retention-" + UUID.randomUUID() + "-";
        authorization(
                prefix + "ended",
                now.minus(DAY).minusSeconds(60),
                now.minus(DAY).minusSeconds(30),
                now);
        authorization(prefix + "refreshable", now.minus(DAY).minusSeconds(60), now.plus(Duration.ofHours(8)), now);
        authorization(prefix + "recently-ended", now.minusSeconds(3600), null, now);
        authorization(prefix + "never-got-a-token", null, null, now.minus(DAY).minusSeconds(60));
        authorization(prefix + "just-begun", null, null, now);

        assertThat(retention.removeEnded()).isGreaterThanOrEqualTo(2);

        assertThat(ids(prefix))
                .containsExactly(prefix + "just-begun", prefix + "recently-ended", prefix + "refreshable");
    }

    @Test
    void theRetentionPeriodIsTheConfiguredOne() {
        Instant now = Instant.now();
        String prefix = "retention-" + UUID.randomUUID() + "-";
        authorization(prefix + "ended-an-hour-ago", now.minusSeconds(3600), null, now);
        authorization(prefix + "ended-a-minute-ago", now.minusSeconds(60), null, now);
        AuthorizationRetention keptHalfAnHour = new AuthorizationRetention(
                jdbc, Clock.systemUTC(), new AuthorizationRetention.Settings(Duration.ofMinutes(30)));

        assertThat(keptHalfAnHour.removeEnded()).isGreaterThanOrEqualTo(1);

        assertThat(ids(prefix)).containsExactly(prefix + "ended-a-minute-ago");
    }

    private void authorization(String id, Instant accessExpires, Instant refreshExpires, Instant created) {
        jdbc.sql("""
                        INSERT INTO oauth2_authorization (id, registered_client_id, principal_name,
                            authorization_grant_type, access_token_value, access_token_expires_at,
                            refresh_token_value, refresh_token_expires_at, created_at)
                        VALUES (:id, 'retention-client', 'someone', 'authorization_code', :access, :accessExpires,
                            :refresh, :refreshExpires, :created)""")
                .param("id", id)
                .param("access", accessExpires == null ? null : "access-" + id)
                .param("accessExpires", accessExpires == null ? null : Timestamp.from(accessExpires))
                .param("refresh", refreshExpires == null ? null : "refresh-" + id)
                .param("refreshExpires", refreshExpires == null ? null : Timestamp.from(refreshExpires))
                .param("created", Timestamp.from(created))
                .update();
    }

    private List<String> ids(String prefix) {
        return jdbc.sql("SELECT id FROM oauth2_authorization WHERE starts_with(id, :prefix) ORDER BY id")
                .param("prefix", prefix)
                .query(String.class)
                .list();
    }
}
