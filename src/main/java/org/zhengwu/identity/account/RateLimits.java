package org.zhengwu.identity.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.zhengwu.shared.crypto.PlatformKeys;

/**
 * Limits on what the public forms cost others: codes and messages sent (per recipient, per account, per identifier
 * typed), and registration, reset and code requests (per client address), each over a sliding window, with a cap per
 * day. Counted in PostgreSQL, so that every node sees the same counts; what is counted is stored only as a blind
 * index. A refused request is not counted, so the time it is told to come back stays true.
 */
@Service
@EnableConfigurationProperties(RateLimits.Settings.class)
public class RateLimits {

    /**
     * The limits of {@code zhengwu.identity.limits.*}.
     *
     * @param resendInterval the least time between two messages to one recipient, for one account or one identifier
     * @param messagesPerDay messages to one recipient (and for one account, or one identifier) in 24 hours
     * @param attemptsPerAddressPerHour registrations, reset requests and code requests from one client address in an
     *     hour
     * @param attemptsPerAddressPerDay the same in 24 hours
     */
    @ConfigurationProperties("zhengwu.identity.limits")
    public record Settings(
            @DefaultValue("60s") Duration resendInterval,
            @DefaultValue("10") int messagesPerDay,
            @DefaultValue("60") int attemptsPerAddressPerHour,
            @DefaultValue("300") int attemptsPerAddressPerDay) {

        public Settings {
            if (resendInterval.isNegative()
                    || resendInterval.isZero()
                    || messagesPerDay < 1
                    || attemptsPerAddressPerHour < 1
                    || attemptsPerAddressPerDay < 1) {
                throw new IllegalArgumentException(
                        "zhengwu.identity.limits: the interval must be positive and every count at least 1");
            }
        }
    }

    /** What a limit counts. */
    public enum Scope {
        ADDRESS,
        RECIPIENT,
        ACCOUNT,
        IDENTIFIER
    }

    /** At most {@code max} events of one scope and value within {@code window}; refused with {@code messageKey}. */
    public record Limit(Scope scope, String value, int max, Duration window, String messageKey) {}

    /** Why and until when a request is refused; the message key takes the time as its argument. */
    public record Refusal(Instant retryAt, String messageKey) {}

    static final String CONTEXT = "identity_rate_limit";
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final PlatformKeys keys;
    private final Clock clock;
    private final Settings settings;

    RateLimits(JdbcClient jdbc, PlatformKeys keys, Clock clock, Settings settings) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.clock = clock;
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /** Requests that send something or create something, from one client address. */
    public List<Limit> attemptsFrom(String clientAddress) {
        return List.of(
                new Limit(Scope.ADDRESS, clientAddress, settings.attemptsPerAddressPerHour(), HOUR, "limit.attempts"),
                new Limit(
                        Scope.ADDRESS,
                        clientAddress,
                        settings.attemptsPerAddressPerDay(),
                        DAY,
                        "limit.attempts.daily"));
    }

    /** Messages to one mobile number or mailbox, whoever asks. */
    public List<Limit> messagesTo(String recipient) {
        return messages(Scope.RECIPIENT, recipient.strip().toLowerCase(Locale.ROOT));
    }

    /** Codes for one account, whichever identifier was typed. */
    public List<Limit> messagesFor(Account account) {
        return messages(Scope.ACCOUNT, Long.toString(account.id()));
    }

    /** Requests naming one identifier (a username, mobile or identity number), whether or not it has an account. */
    public List<Limit> requestsFor(String identifier) {
        return messages(Scope.IDENTIFIER, identifier.strip().toUpperCase(Locale.ROOT));
    }

    private List<Limit> messages(Scope scope, String value) {
        return List.of(
                new Limit(scope, value, 1, settings.resendInterval(), "limit.sending"),
                new Limit(scope, value, settings.messagesPerDay(), DAY, "limit.sending.daily"));
    }

    /** The longest window any limit looks back: events older than this count for nothing. */
    public Duration longestWindow() {
        return settings.resendInterval().compareTo(DAY) > 0 ? settings.resendInterval() : DAY;
    }

    /**
     * Counts one event against every limit given, unless one of them is already reached: then nothing is counted
     * and the refusal that lasts longest is returned. Committed at once, whatever the caller does next, and
     * serialised per counted value (an advisory lock), so that nodes racing each other cannot both slip under a limit.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<Refusal> take(List<Limit> limits) {
        Instant now = clock.instant();
        TreeSet<String> scopeKeys = new TreeSet<>();
        limits.forEach(limit -> scopeKeys.add(key(limit.scope(), limit.value())));
        // In one order on every node, so that two requests sharing two keys cannot deadlock.
        for (String scopeKey : scopeKeys) {
            jdbc.sql("SELECT pg_advisory_xact_lock(:lock)")
                    .param("lock", Long.parseLong(scopeKey.substring(0, 15), 16))
                    .query()
                    .singleRow();
        }
        List<Refusal> refusals = new ArrayList<>();
        for (Limit limit : limits) {
            // The event that, max events ago, opened the window: while it is inside, the limit is reached.
            jdbc.sql("""
                            SELECT occurred_at FROM identity_rate_limit_event
                            WHERE scope_key = :key AND occurred_at > :since
                            ORDER BY occurred_at DESC OFFSET :skip LIMIT 1""")
                    .param("key", key(limit.scope(), limit.value()))
                    .param("since", Timestamp.from(now.minus(limit.window())))
                    .param("skip", limit.max() - 1)
                    .query(Timestamp.class)
                    .optional()
                    .ifPresent(oldest ->
                            refusals.add(new Refusal(oldest.toInstant().plus(limit.window()), limit.messageKey())));
        }
        if (!refusals.isEmpty()) {
            return refusals.stream().max(Comparator.comparing(Refusal::retryAt));
        }
        for (String scopeKey : scopeKeys) {
            jdbc.sql("INSERT INTO identity_rate_limit_event (scope_key, occurred_at) VALUES (:key, :now)")
                    .param("key", scopeKey)
                    .param("now", Timestamp.from(now))
                    .update();
        }
        return Optional.empty();
    }

    /** The blind index under which events of one scope and value are counted. */
    public String key(Scope scope, String value) {
        return keys.blindIndex(scope.name() + "\u0000" + value, CONTEXT);
    }

    /** Several lists of limits as one. */
    @SafeVarargs
    public static List<Limit> all(List<Limit>... lists) {
        List<Limit> all = new ArrayList<>();
        for (List<Limit> list : lists) {
            all.addAll(list);
        }
        return all;
    }
}
