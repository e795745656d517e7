package org.zhengwu.identity.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many sessions one account may hold at once, and how long any session may last however active it is
 * ({@code zhengwu.identity.sessions.*}). A new sign-in beyond the limit ends the account's oldest session, whose holder
 * is told why at the sign-in page; 0 means no limit.
 *
 * @param administratorLimit staff holding an administrative permission (accounts, clients or the log)
 * @param staffLimit         other staff
 * @param publicLimit        citizens and enterprises' people
 * @param staffLifetime      a staff session ends this long after the password was given, besides its 30 idle minutes
 * @param publicLifetime     the same for the public, besides their two idle hours
 */
@ConfigurationProperties("zhengwu.identity.sessions")
public record SessionProperties(
        @DefaultValue("1") int administratorLimit,
        @DefaultValue("3") int staffLimit,
        @DefaultValue("0") int publicLimit,
        @DefaultValue("12h") Duration staffLifetime,
        @DefaultValue("24h") Duration publicLifetime) {

    public SessionProperties {
        if (administratorLimit < 0 || staffLimit < 0 || publicLimit < 0) {
            throw new IllegalArgumentException("zhengwu.identity.sessions: a limit is 0 (none) or more");
        }
        if (staffLifetime.isNegative()
                || staffLifetime.isZero()
                || publicLifetime.isNegative()
                || publicLifetime.isZero()) {
            throw new IllegalArgumentException("zhengwu.identity.sessions: a lifetime must be positive");
        }
    }
}
