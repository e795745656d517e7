package org.zhengwu.identity.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signing key a deployment supplies (ZHENGWU_SIGNING_KEY), in each form it may take, and the forms refused. */
class ConfiguredSigningKeyTests {

    private static KeyPair rsa(int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return generator.generateKeyPair();
    }

    private static String pem(KeyPair pair) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes())
                        .encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    @Test
    void aPemKeyIsReadWithItsPublicHalfAndAThumbprintAsKeyId() throws Exception {
        KeyPair pair = rsa(2048);
        RSAKey key = ConfiguredSigningKey.parse(pem(pair));
        assertThat(key.isPrivate()).isTrue();
        assertThat(key.toRSAPublicKey().getModulus()).isEqualTo(((RSAPublicKey) pair.getPublic()).getModulus());
        assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(key.getKeyID())
                .isEqualTo(key.computeThumbprint().toString())
                .as("every node and every restart names the key alike")
                .isEqualTo(ConfiguredSigningKey.parse(pem(pair)).getKeyID());
    }

    @Test
    void aFileIsReadByItsPathWithOrWithoutFilePrefix(@TempDir Path dir) throws Exception {
        KeyPair pair = rsa(2048);
        Path file = Files.writeString(dir.resolve("signing.pem"), pem(pair));
        assertThat(ConfiguredSigningKey.parse(file.toString()).toRSAPublicKey()).isEqualTo(pair.getPublic());
        assertThat(ConfiguredSigningKey.parse("file:" + file).toRSAPublicKey()).isEqualTo(pair.getPublic());
        assertThatIllegalStateException()
                .isThrownBy(() ->
                        ConfiguredSigningKey.parse(dir.resolve("missing.pem").toString()))
                .withMessageContaining("ZHENGWU_SIGNING_KEY")
                .withMessageContaining("does not exist");
    }

    /** A secret store that strips the PEM lines leaves the bare key: it is refused and never repeated. */
    @Test
    void aBareKeyIsRefusedWithoutBeingShown() throws Exception {
        String bare = Base64.getEncoder().encodeToString(rsa(2048).getPrivate().getEncoded());
        assertThatIllegalStateException()
                .isThrownBy(() -> ConfiguredSigningKey.parse(bare))
                .withMessageContaining("ZHENGWU_SIGNING_KEY")
                .withMessageContaining(bare.length() + " characters, not shown")
                .withMessageNotContaining(bare.substring(0, 24));
    }

    @Test
    void aJwkKeepsItsOwnKeyIdOrGetsItsThumbprint() throws Exception {
        KeyPair pair = rsa(2048);
        RSAKey jwk = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                .privateKey((RSAPrivateKey) pair.getPrivate())
                .build();
        assertThat(ConfiguredSigningKey.parse(jwk.toJSONString()).getKeyID())
                .isEqualTo(jwk.computeThumbprint().toString());
        RSAKey named = new RSAKey.Builder(jwk).keyID("province-2026").build();
        assertThat(ConfiguredSigningKey.parse(named.toJSONString()).getKeyID()).isEqualTo("province-2026");
        assertThatIllegalStateException()
                .isThrownBy(() -> ConfiguredSigningKey.parse(jwk.toPublicJWK().toJSONString()))
                .withMessageContaining("must be an RSA private key");
    }

    @Test
    void weakOrForeignKeysAreRefused() throws Exception {
        assertThatIllegalStateException()
                .isThrownBy(() -> ConfiguredSigningKey.parse(pem(rsa(1024))))
                .withMessageContaining("1024-bit RSA key; at least 2048 bits");
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(256);
        assertThatIllegalStateException()
                .isThrownBy(() -> ConfiguredSigningKey.parse(pem(ec.generateKeyPair())))
                .withMessageContaining("must be an RSA private key, not EC");
        assertThatIllegalStateException()
                .isThrownBy(() -> ConfiguredSigningKey.parse("{\"kty\":\"RSA\""))
                .withMessageContaining("is not a valid JWK");
    }
}
