package org.zhengwu.support;

import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A security key in software, for HTTP tests: it answers the platform's WebAuthn options as a browser with a real key
 * would (a P-256 key pair, attestation {@code none}, a signature counter that goes up with each use), and can be made
 * to answer wrongly — another origin, a broken signature, a counter that does not advance, as a copy of the key would.
 * Its answers are the JSON the platform's script posts.
 */
public final class SoftwareAuthenticator {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder FROM_BASE64URL = Base64.getUrlDecoder();

    private final KeyPair keys;
    private final byte[] credentialId;
    private long counter;

    public SoftwareAuthenticator() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            this.keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        this.credentialId = new byte[32];
        new SecureRandom().nextBytes(credentialId);
    }

    private SoftwareAuthenticator(KeyPair keys, byte[] credentialId, long counter) {
        this.keys = keys;
        this.credentialId = credentialId;
        this.counter = counter;
    }

    /** A copy of this key as it is now — what a cloned key is: same key pair and id, its own counter from here on. */
    public SoftwareAuthenticator copy() {
        return new SoftwareAuthenticator(keys, credentialId.clone(), counter);
    }

    /** The credential id, base64url, as the platform names the key. */
    public String id() {
        return BASE64URL.encodeToString(credentialId);
    }

    /** The answer to registration options (the JSON the platform gave the browser) from a page at {@code origin}. */
    public String register(String creationOptions, String origin) {
        JsonNode options = JSON.readTree(creationOptions);
        String rpId = options.get("rp").get("id").asString();
        byte[] clientData =
                clientData("webauthn.create", options.get("challenge").asString(), origin);
        AttestedCredentialData attested = new AttestedCredentialData(
                AAGUID.ZERO,
                credentialId,
                EC2COSEKey.create((ECPublicKey) keys.getPublic(), COSEAlgorithmIdentifier.ES256));
        AuthenticatorData<RegistrationExtensionAuthenticatorOutput> data = new AuthenticatorData<>(
                sha256(rpId.getBytes(StandardCharsets.UTF_8)),
                (byte) (AuthenticatorData.BIT_UP | AuthenticatorData.BIT_UV | AuthenticatorData.BIT_AT),
                counter,
                attested);
        byte[] attestationObject = new AttestationObjectConverter(new ObjectConverter())
                .convertToBytes(new AttestationObject(data, new NoneAttestationStatement()));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("attestationObject", BASE64URL.encodeToString(attestationObject));
        response.put("clientDataJSON", BASE64URL.encodeToString(clientData));
        response.put("transports", new String[] {"usb"});
        return credential(response);
    }

    /** The answer to sign-in options from a page at {@code origin}; the counter goes up by one. */
    public String sign(String requestOptions, String origin) {
        return sign(requestOptions, origin, ++counter, false);
    }

    /** An answer with the counter as given (a copy of the key lagging behind the original). */
    public String signWithCounter(String requestOptions, String origin, long counterValue) {
        return sign(requestOptions, origin, counterValue, false);
    }

    /** An answer whose signature does not match what it signs (one byte of the signature changed). */
    public String signBroken(String requestOptions, String origin) {
        return sign(requestOptions, origin, ++counter, true);
    }

    private String sign(String requestOptions, String origin, long counterValue, boolean broken) {
        JsonNode options = JSON.readTree(requestOptions);
        String rpId = options.get("rpId").asString();
        byte[] clientData = clientData("webauthn.get", options.get("challenge").asString(), origin);
        byte[] authenticatorData = ByteBuffer.allocate(37)
                .put(sha256(rpId.getBytes(StandardCharsets.UTF_8)))
                .put((byte) (AuthenticatorData.BIT_UP | AuthenticatorData.BIT_UV))
                .putInt((int) counterValue)
                .array();
        byte[] signature;
        try {
            Signature ecdsa = Signature.getInstance("SHA256withECDSA");
            ecdsa.initSign(keys.getPrivate());
            ecdsa.update(authenticatorData);
            ecdsa.update(sha256(clientData));
            signature = ecdsa.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        if (broken) {
            signature[signature.length - 1] ^= 0x01;
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("authenticatorData", BASE64URL.encodeToString(authenticatorData));
        response.put("clientDataJSON", BASE64URL.encodeToString(clientData));
        response.put("signature", BASE64URL.encodeToString(signature));
        response.put("userHandle", null);
        return credential(response);
    }

    private String credential(Map<String, Object> response) {
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("id", id());
        credential.put("rawId", id());
        credential.put("type", "public-key");
        credential.put("response", response);
        credential.put("clientExtensionResults", Map.of());
        credential.put("authenticatorAttachment", "cross-platform");
        return JSON.writeValueAsString(credential);
    }

    private static byte[] clientData(String type, String challenge, String origin) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", type);
        data.put("challenge", challenge);
        data.put("origin", origin);
        data.put("crossOrigin", false);
        return JSON.writeValueAsString(data).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The challenge of options, decoded: what a test compares. */
    public static byte[] challenge(String options) {
        return FROM_BASE64URL.decode(JSON.readTree(options).get("challenge").asString());
    }
}
