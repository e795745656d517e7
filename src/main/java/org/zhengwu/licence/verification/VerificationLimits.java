package org.zhengwu.licence.verification;

import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.zhengwu.identity.RequestLimits;
import org.zhengwu.shared.web.UserFacingException;

/**
 * Public verification answers anyone, so it is limited per client address (an office scanning licences all day stays
 * well inside) and per identifier, counted in the database so that every node sees the same count.
 */
@Component
class VerificationLimits {

    static final int PER_ADDRESS_PER_HOUR = 1_200;
    static final int PER_IDENTIFIER_PER_HOUR = 600;
    private static final String PURPOSE = "licence.verification";

    private final RequestLimits limits;

    VerificationLimits(RequestLimits limits) {
        this.limits = limits;
    }

    void take(String clientAddress, String identifier) {
        Optional<java.time.Instant> refused = limits.take(
                PURPOSE,
                clientAddress,
                PER_ADDRESS_PER_HOUR,
                identifier == null ? "" : identifier.strip(),
                PER_IDENTIFIER_PER_HOUR);
        if (refused.isPresent()) {
            throw new UserFacingException(HttpStatus.TOO_MANY_REQUESTS, "licence.verification.too-many");
        }
    }
}
