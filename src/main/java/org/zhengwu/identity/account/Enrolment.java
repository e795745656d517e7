package org.zhengwu.identity.account;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A just-finished enrolment of a first second factor: the recovery codes to show once, and — for an authenticator app,
 * whose code was given — the proof that completes the sign-in once the codes have been seen. A security key's
 * enrolment carries no proof ({@code factor} null): its registration proves nothing, so the sign-in is finished by
 * using the key ({@link SecurityKeys#verify}).
 */
public record Enrolment(List<String> recoveryCodes, PassedFactor factor) implements Serializable {

    public Enrolment {
        recoveryCodes = List.copyOf(recoveryCodes);
    }

    static Enrolment withoutFactor(List<String> recoveryCodes) {
        return new Enrolment(recoveryCodes, null);
    }

    /** Whether this enrolment itself proves {@code username}'s second factor, recently enough at {@code now}. */
    public boolean proves(String username, Instant now) {
        return factor != null && factor.proves(username, now);
    }
}
