package org.zhengwu.identity.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.zhengwu.identity.account.RateLimits;
import org.zhengwu.shared.time.BusinessTime;

/**
 * Says when a refused request may be tried again: "发送过于频繁，请于 14:32 后重试", the time in the province's zone,
 * rounded up to the minute so that trying at that minute works, with the date when it is not today.
 */
@Component
class LimitRefusals {

    private final MessageSource messages;
    private final Clock clock;

    LimitRefusals(MessageSource messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    /** The argument of a refusal's message: the time to come back. */
    Object[] arguments(RateLimits.Refusal refusal, Locale locale) {
        Instant at = refusal.retryAt();
        Instant minute = at.truncatedTo(ChronoUnit.MINUTES);
        LocalDateTime retry =
                LocalDateTime.ofInstant(minute.equals(at) ? at : minute.plus(1, ChronoUnit.MINUTES), BusinessTime.ZONE);
        boolean today = retry.toLocalDate()
                .equals(LocalDateTime.ofInstant(clock.instant(), BusinessTime.ZONE)
                        .toLocalDate());
        String pattern = messages.getMessage(today ? "limit.time.today" : "limit.time.later", null, locale);
        return new Object[] {DateTimeFormatter.ofPattern(pattern, locale).format(retry)};
    }

    /** The refusal as an error of the whole form. */
    void reject(Errors errors, RateLimits.Refusal refusal, Locale locale) {
        errors.reject(refusal.messageKey(), arguments(refusal, locale), null);
    }
}
