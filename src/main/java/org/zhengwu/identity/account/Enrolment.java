package org.zhengwu.identity.account;

import java.io.Serializable;
import java.util.List;

/**
 * A just-finished authenticator enrolment: the recovery codes to show once, and the proof that the app's code was
 * given, which completes the sign-in once the codes have been seen.
 */
public record Enrolment(List<String> recoveryCodes, PassedFactor factor) implements Serializable {

    public Enrolment {
        recoveryCodes = List.copyOf(recoveryCodes);
    }
}
