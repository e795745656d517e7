package org.zhengwu.identity.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.text.ParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ssl.pem.PemContent;
import org.zhengwu.shared.crypto.OwnerOnlyFiles;

/**
 * Reads the token-signing key a deployment supplies ({@code ZHENGWU_SIGNING_KEY}): an RSA private key of at least
 * 2048 bits, as PEM or as a JWK, given as the text itself or as the path of a file that holds it. Its key id is the
 * JWK's own, else the RFC 7638 thumbprint, so that every node and every restart names it alike.
 */
final class ConfiguredSigningKey {

    static final String SETTING = "ZHENGWU_SIGNING_KEY (zhengwu.identity.signing-key)";
    private static final int MINIMUM_BITS = 2048;
    private static final Logger log = LoggerFactory.getLogger(ConfiguredSigningKey.class);

    private ConfiguredSigningKey() {}

    /**
     * Whether the setting names a file rather than holding a key: {@code file:…} or a path starting with {@code /},
     * {@code ./} or {@code ../}. Anything else that is neither PEM nor JWK is a key in a form we cannot read, and is
     * never repeated in a message: a secret store that strips the PEM lines leaves the bare key.
     */
    static boolean namesAFile(String text) {
        return text.startsWith("file:") || text.startsWith("/") || text.startsWith("./") || text.startsWith("../");
    }

    static RSAKey parse(String configured) {
        String text = configured.strip();
        if (!text.startsWith("{") && !PemContent.isPresentInText(text)) {
            if (!namesAFile(text)) {
                throw new IllegalStateException(SETTING + " is neither a PEM nor a JWK key (" + text.length()
                        + " characters, not shown) nor a file named as file:/path or an absolute or ./relative path");
            }
            Path file = Path.of(text.startsWith("file:") ? text.substring("file:".length()) : text);
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException(SETTING + " names the file " + file + ", which does not exist");
            }
            if (OwnerOnlyFiles.readableByOthers(file)) {
                log.warn(
                        "{} names {}, which others than its owner may read: make it owner-only (chmod 600)",
                        SETTING,
                        file);
            }
            try {
                text = Files.readString(file).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the signing key in " + file, e);
            }
        }
        RSAKey key = text.startsWith("{") ? fromJwk(text) : fromPem(text);
        if (key.size() < MINIMUM_BITS) {
            throw new IllegalStateException(
                    SETTING + " holds a " + key.size() + "-bit RSA key; at least " + MINIMUM_BITS + " bits");
        }
        if (key.getKeyID() != null && key.getKeyID().length() > 64) {
            throw new IllegalStateException(SETTING + " has a key id of more than 64 characters");
        }
        return key;
    }

    private static RSAKey fromJwk(String json) {
        try {
            if (!(JWK.parse(json) instanceof RSAKey rsa) || !rsa.isPrivate()) {
                throw new IllegalStateException(
                        SETTING + " must be an RSA private key (kty RSA with its private part)");
            }
            RSAKey.Builder builder =
                    new RSAKey.Builder(rsa).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256);
            return rsa.getKeyID() == null ? builder.keyIDFromThumbprint().build() : builder.build();
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException(SETTING + " is not a valid JWK: " + e.getMessage(), e);
        }
    }

    private static RSAKey fromPem(String pem) {
        PrivateKey privateKey;
        try {
            privateKey = PemContent.of(pem).getPrivateKey();
        } catch (RuntimeException e) {
            throw new IllegalStateException(SETTING + " holds no readable private key: " + e.getMessage(), e);
        }
        if (!(privateKey instanceof RSAPrivateCrtKey rsa)) {
            throw new IllegalStateException(SETTING + " must be an RSA private key, not "
                    + (privateKey == null ? "a certificate or public key" : privateKey.getAlgorithm()));
        }
        try {
            RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
            return new RSAKey.Builder(publicKey)
                    .privateKey(rsa)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint()
                    .build();
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("RSA is part of every Java runtime", e);
        }
    }
}
