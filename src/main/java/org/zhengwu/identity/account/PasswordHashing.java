package org.zhengwu.identity.account;

import java.util.Map;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How people's passwords are hashed: Argon2id (RFC 9106) with OWASP's minimum — 19 MiB memory, 2 passes, 1 lane —
 * behind the {@code {argon2}} prefix, so that stronger parameters can be introduced later without a mass reset.
 * One place, so that the application and the benchmark of its raw limit hash alike.
 */
public final class PasswordHashing {

    public static final int SALT_BYTES = 16;
    public static final int HASH_BYTES = 32;
    public static final int PARALLELISM = 1;
    public static final int MEMORY_KIB = 19 * 1024;
    public static final int ITERATIONS = 2;

    private PasswordHashing() {}

    public static PasswordEncoder encoder() {
        return new DelegatingPasswordEncoder("argon2", Map.of("argon2", argon2()));
    }

    /** The Argon2id hash alone, without the prefix that names it. */
    public static Argon2PasswordEncoder argon2() {
        return new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, PARALLELISM, MEMORY_KIB, ITERATIONS);
    }
}
