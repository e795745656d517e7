package org.zhengwu.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.zhengwu.identity.account.RateLimits;

/**
 * Limits for other modules' public lookups (a case's progress by number and query code): at most so many requests an
 * hour from one client address, and at most so many naming one identifier whoever asks, counted in the database
 * so that every node sees the same count. The answer is the time from which a refused caller may try again.
 */
@Service
public class RequestLimits {

    private static final Duration HOUR = Duration.ofHours(1);

    private final RateLimits limits;

    RequestLimits(RateLimits limits) {
        this.limits = limits;
    }

    /**
     * Counts one lookup of {@code purpose}, unless a limit is reached: then nothing is counted.
     *
     * @return empty when allowed, else when the caller may try again
     */
    public Optional<Instant> take(
            String purpose, String clientAddress, int perAddressPerHour, String identifier, int perIdentifierPerHour) {
        return limits.take(List.of(
                        new RateLimits.Limit(
                                RateLimits.Scope.ADDRESS,
                                purpose + "\u0000" + clientAddress,
                                perAddressPerHour,
                                HOUR,
                                "limit.attempts"),
                        new RateLimits.Limit(
                                RateLimits.Scope.IDENTIFIER,
                                purpose + "\u0000" + identifier,
                                perIdentifierPerHour,
                                HOUR,
                                "limit.attempts")))
                .map(RateLimits.Refusal::retryAt);
    }
}
