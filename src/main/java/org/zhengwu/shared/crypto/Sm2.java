package org.zhengwu.shared.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * SM2 signatures (GB/T 32918, with SM3 and the standard's default signer identity), on the curve sm2p256v1. A private
 * key is its 32-byte scalar; a public key the 65-byte uncompressed point, as auditors are given it.
 */
public final class Sm2 {

    public static final int PRIVATE_KEY_BYTES = 32;

    private static final X9ECParameters CURVE = GMNamedCurves.getByName("sm2p256v1");
    private static final ECDomainParameters DOMAIN =
            new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());
    private static final SecureRandom RANDOM = new SecureRandom();

    private Sm2() {}

    /** A new private key: a scalar in [1, n − 1]. */
    public static byte[] newPrivateKey() {
        BigInteger d =
                BigIntegers.createRandomInRange(BigInteger.ONE, DOMAIN.getN().subtract(BigInteger.ONE), RANDOM);
        return BigIntegers.asUnsignedByteArray(PRIVATE_KEY_BYTES, d);
    }

    /** Why {@code privateKey} is not a usable key, or null when it is. */
    public static String defect(byte[] privateKey) {
        if (privateKey.length != PRIVATE_KEY_BYTES) {
            return privateKey.length + " bytes instead of " + PRIVATE_KEY_BYTES;
        }
        BigInteger d = new BigInteger(1, privateKey);
        return d.signum() > 0 && d.compareTo(DOMAIN.getN()) < 0 ? null : "not a scalar of the curve sm2p256v1";
    }

    public static byte[] publicKey(byte[] privateKey) {
        return DOMAIN.getG().multiply(new BigInteger(1, privateKey)).normalize().getEncoded(false);
    }

    /** The signature of {@code message}, DER-encoded (r, s). */
    public static byte[] sign(byte[] privateKey, byte[] message) {
        SM2Signer signer = new SM2Signer();
        signer.init(
                true,
                new ParametersWithRandom(new ECPrivateKeyParameters(new BigInteger(1, privateKey), DOMAIN), RANDOM));
        signer.update(message, 0, message.length);
        try {
            return signer.generateSignature();
        } catch (CryptoException e) {
            throw new IllegalStateException("SM2 signing failed", e);
        }
    }

    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        PublicKey key;
        try {
            key = PublicKey.of(publicKey);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return verify(key, message, signature);
    }

    /** As {@link #verify(byte[], byte[], byte[])}, with a key decoded once. */
    public static boolean verify(PublicKey publicKey, byte[] message, byte[] signature) {
        try {
            SM2Signer signer = new SM2Signer();
            signer.init(false, publicKey.parameters);
            signer.update(message, 0, message.length);
            return signer.verifySignature(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * A public key decoded and checked to be a point of the curve, for a caller that verifies many signatures of one
     * key: BouncyCastle keeps the point's precomputed multiples on it, so the verifications after the first are cheaper.
     * Immutable; may be shared between threads.
     */
    public static final class PublicKey {
        private final ECPublicKeyParameters parameters;

        private PublicKey(ECPublicKeyParameters parameters) {
            this.parameters = parameters;
        }

        /** @throws IllegalArgumentException when the bytes are not an encoded point of sm2p256v1 */
        public static PublicKey of(byte[] encoded) {
            try {
                ECPoint point = CURVE.getCurve().decodePoint(encoded);
                return new PublicKey(new ECPublicKeyParameters(point, DOMAIN));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("not an SM2 public key", e);
            }
        }
    }
}
