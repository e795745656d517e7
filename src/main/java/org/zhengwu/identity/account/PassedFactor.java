package org.zhengwu.identity.account;

import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.core.authority.FactorGrantedAuthority;

/**
 * Proof that a second factor was checked just now: only {@link SecondFactor} makes one (its constructor is not
 * public), and a staff sign-in is completed only with one in hand. A session that has given its password can
 * therefore finish signing in only by giving a code, a recovery code or by enrolling an authenticator — never by
 * reaching some other step of the flow.
 */
public final class PassedFactor implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** How long a proof may wait for the sign-in it completes (the recovery codes page after enrolment). */
    static final Duration USABLE_FOR = Duration.ofMinutes(10);

    private final String username;
    private final String factor;
    private final Instant passedAt;

    PassedFactor(String username, String factor, Instant passedAt) {
        this.username = username;
        this.factor = factor;
        this.passedAt = passedAt;
    }

    /** Whether this proves {@code username}'s factor and is still recent enough at {@code now} to sign in with. */
    public boolean proves(String username, Instant now) {
        return this.username.equals(username) && !now.isAfter(passedAt.plus(USABLE_FOR));
    }

    /** The authority the full sign-in carries for this factor, with the time it was passed. */
    public FactorGrantedAuthority authority() {
        return FactorGrantedAuthority.withAuthority(factor).issuedAt(passedAt).build();
    }
}
