package org.zhengwu.licence.document;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.zhengwu.shared.crypto.Sm2;
import org.zhengwu.shared.crypto.Sm3;

/**
 * The X.509 certificates behind the seals, SM2 keys signed with SM3withSM2 through the platform's own {@link Sm2}
 * (no JCA provider): a self-signed root, and per organisation a seal certificate the root signs, whose subject names
 * the organisation (O, CN) and its 统一社会信用代码 (organizationIdentifier, 2.5.4.97).
 */
final class SealCertificates {

    static final AlgorithmIdentifier SM3_WITH_SM2 = new AlgorithmIdentifier(GMObjectIdentifiers.sm2sign_with_sm3);
    private static final SecureRandom RANDOM = new SecureRandom();

    private SealCertificates() {}

    static byte[] root(String name, byte[] privateKey, Instant notBefore, Instant notAfter) {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "CN")
                .addRDN(BCStyle.O, name)
                .addRDN(BCStyle.CN, name)
                .build();
        X509v3CertificateBuilder builder = builder(subject, subject, Sm2.publicKey(privateKey), notBefore, notAfter);
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(1));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } catch (CertIOException e) {
            throw new IllegalStateException(e);
        }
        return sign(builder, privateKey);
    }

    static byte[] organisation(
            byte[] rootCertificate,
            byte[] rootKey,
            String organisationName,
            String uscc,
            byte[] publicKey,
            Instant notBefore,
            Instant notAfter) {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "CN")
                .addRDN(BCStyle.O, organisationName)
                .addRDN(BCStyle.ORGANIZATION_IDENTIFIER, uscc)
                .addRDN(BCStyle.CN, organisationName)
                .build();
        X509v3CertificateBuilder builder =
                builder(holder(rootCertificate).getSubject(), subject, publicKey, notBefore, notAfter);
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(
                    Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        } catch (CertIOException e) {
            throw new IllegalStateException(e);
        }
        return sign(builder, rootKey);
    }

    /** @throws IllegalArgumentException when the bytes are not an X.509 certificate */
    static X509CertificateHolder holder(byte[] der) {
        try {
            return new X509CertificateHolder(der);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not an X.509 certificate", e);
        }
    }

    /** The uncompressed SM2 point of the certificate's key; IllegalArgumentException when it is not an SM2 key. */
    static byte[] publicKey(X509CertificateHolder certificate) {
        SubjectPublicKeyInfo info = certificate.getSubjectPublicKeyInfo();
        if (!X9ObjectIdentifiers.id_ecPublicKey.equals(info.getAlgorithm().getAlgorithm())
                || !GMObjectIdentifiers.sm2p256v1.equals(info.getAlgorithm().getParameters())) {
            throw new IllegalArgumentException("not an SM2 key");
        }
        return info.getPublicKeyData().getOctets();
    }

    /** Whether {@code issuer}'s key signed {@code certificate} (SM3withSM2) and the names chain. */
    static boolean signedBy(X509CertificateHolder certificate, X509CertificateHolder issuer) {
        if (!certificate.getIssuer().equals(issuer.getSubject())
                || !GMObjectIdentifiers.sm2sign_with_sm3.equals(
                        certificate.getSignatureAlgorithm().getAlgorithm())) {
            return false;
        }
        try {
            return Sm2.verify(
                    publicKey(issuer),
                    certificate.toASN1Structure().getTBSCertificate().getEncoded("DER"),
                    certificate.getSignature());
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    static boolean validAt(X509CertificateHolder certificate, Instant at) {
        return certificate.isValidOn(Date.from(at));
    }

    /** The first value of an attribute of the subject, or null. */
    static String subject(X509CertificateHolder certificate, ASN1ObjectIdentifier attribute) {
        RDN[] rdns = certificate.getSubject().getRDNs(attribute);
        if (rdns.length == 0 || !(rdns[0].getFirst().getValue() instanceof ASN1String value)) {
            return null;
        }
        return value.getString();
    }

    /** SM3 of the DER, hex: how the trust list names a certificate. */
    static String fingerprint(byte[] der) {
        return java.util.HexFormat.of().formatHex(Sm3.hash(der));
    }

    private static X509v3CertificateBuilder builder(
            X500Name issuer, X500Name subject, byte[] publicKey, Instant notBefore, Instant notAfter) {
        SubjectPublicKeyInfo key = new SubjectPublicKeyInfo(
                new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, GMObjectIdentifiers.sm2p256v1), publicKey);
        return new X509v3CertificateBuilder(
                issuer,
                new BigInteger(127, RANDOM).add(BigInteger.ONE),
                Date.from(notBefore),
                Date.from(notAfter),
                subject,
                key);
    }

    private static byte[] sign(X509v3CertificateBuilder builder, byte[] privateKey) {
        try {
            return builder.build(new Sm2ContentSigner(privateKey)).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** BouncyCastle's certificate builder hands the TBSCertificate to this; {@link Sm2} signs it. */
    private static final class Sm2ContentSigner implements ContentSigner {
        private final byte[] privateKey;
        private final java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream();

        Sm2ContentSigner(byte[] privateKey) {
            this.privateKey = privateKey;
        }

        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            return SM3_WITH_SM2;
        }

        @Override
        public OutputStream getOutputStream() {
            return data;
        }

        @Override
        public byte[] getSignature() {
            return Sm2.sign(privateKey, data.toByteArray());
        }
    }
}
