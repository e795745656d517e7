package org.zhengwu.identity.oidc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.zhengwu.identity.account.PasswordHashing;
import org.zhengwu.shared.crypto.Sm3;

/**
 * How client secrets are stored: as SM3 digests. The platform generates every secret itself with 256 bits from a
 * secure random source, so nothing is gained by a deliberately slow hash — which would cost a department system
 * ~60 ms of CPU for every token it asks for. Secrets stored earlier as Argon2id still match.
 */
final class ClientSecrets {

    private ClientSecrets() {}

    /** A new secret: 256 bits from a secure random source, base64url. */
    static String newSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static PasswordEncoder encoder() {
        return new DelegatingPasswordEncoder("sm3", Map.of("sm3", new Sm3Digest(), "argon2", PasswordHashing.argon2()));
    }

    /** An SM3 digest compared in constant time; only for secrets with full entropy. */
    private static final class Sm3Digest implements PasswordEncoder {

        @Override
        public String encode(CharSequence raw) {
            return Sm3.hashHex(raw.toString());
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            return raw != null
                    && encoded != null
                    && MessageDigest.isEqual(
                            Sm3.hashHex(raw.toString()).getBytes(StandardCharsets.US_ASCII),
                            encoded.getBytes(StandardCharsets.US_ASCII));
        }
    }
}
