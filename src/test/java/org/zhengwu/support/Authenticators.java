package org.zhengwu.support;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.zhengwu.identity.account.Totp;

/**
 * The authenticator apps of test staff: the secret each enrolled, and the last 30-second step each has used — the
 * platform refuses a step twice, so a second sign-in within the same step takes the next one (accepted as clock
 * drift) or waits for it.
 */
final class Authenticators {

    private record Enrolled(byte[] secret, long lastStep) {}

    private static final Map<String, Enrolled> ENROLLED = new ConcurrentHashMap<>();

    private Authenticators() {}

    static String enrol(String who, byte[] secret) {
        long step = Totp.step(Instant.now());
        ENROLLED.put(who, new Enrolled(secret, step));
        return Totp.code(secret, step);
    }

    static synchronized String nextCode(String who) {
        Enrolled enrolled = ENROLLED.get(who);
        if (enrolled == null) {
            throw new IllegalStateException(who + " enrolled an authenticator outside this test run");
        }
        long step = enrolled.lastStep() + 1;
        while (step > Totp.step(Instant.now()) + 1) {
            sleepBriefly();
        }
        step = Math.max(step, Totp.step(Instant.now()) - 1);
        ENROLLED.put(who, new Enrolled(enrolled.secret(), step));
        return Totp.code(enrolled.secret(), step);
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
