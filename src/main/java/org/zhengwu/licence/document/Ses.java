package org.zhengwu.licence.document;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERGeneralizedTime;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;

/**
 * The GB/T 38540-2020 (安全电子签章密码技术规范, version 4) structures an OFD seal is made of, written and read with
 * BouncyCastle's ASN.1 classes alone (ofdrw-gm's own readers need a BouncyCastle older than 1.75, see
 * docs/LICENCES.md):
 *
 * <pre>
 * SES_Seal      ::= SEQUENCE { eSealInfo SES_SealInfo, cert OCTET STRING (制章人证书), signAlgID OID, signedValue BIT STRING }
 * SES_SealInfo  ::= SEQUENCE { header SES_Header, esID IA5String, property SES_ESPropertyInfo, picture SES_ESPictrueInfo }
 * SES_Header    ::= SEQUENCE { ID IA5String "ES", version INTEGER 4, Vid IA5String }
 * SES_ESPropertyInfo ::= SEQUENCE { type INTEGER (1 单位印章), name UTF8String, certListType INTEGER (1 证书),
 *                   certList SEQUENCE OF OCTET STRING, createDate, validStart, validEnd GeneralizedTime }
 * SES_ESPictrueInfo  ::= SEQUENCE { type IA5String "PNG", data OCTET STRING, width INTEGER, height INTEGER (mm) }
 * SES_Signature ::= SEQUENCE { toSign TBS_Sign, cert OCTET STRING (签章人证书), signatureAlgID OID, signature BIT STRING }
 * TBS_Sign      ::= SEQUENCE { version INTEGER 4, eseal SES_Seal, timeInfo GeneralizedTime, dataHash BIT STRING,
 *                   propertyInfo IA5String }
 * </pre>
 *
 * The seal maker signs the DER of {@code SEQUENCE {eSealInfo, cert, signAlgID}}; the signer signs the DER of TBS_Sign,
 * whose dataHash is the SM3 of the OFD's Signature.xml. Signatures are SM2 with SM3 (default signer identity), the
 * DER of (r, s) in the BIT STRING.
 */
final class Ses {

    static final ASN1ObjectIdentifier SM2_WITH_SM3 = new ASN1ObjectIdentifier("1.2.156.10197.1.501");
    static final int VERSION = 4;

    private Ses() {}

    /** An electronic seal as the seal maker issued it. */
    record Seal(
            String esId,
            String vendorId,
            String name,
            List<byte[]> certificates,
            Instant createdAt,
            Instant validStart,
            Instant validEnd,
            String pictureType,
            byte[] picture,
            int widthMm,
            int heightMm,
            byte[] makerCertificate,
            byte[] makerSignature,
            byte[] makerSigned,
            byte[] encoded) {}

    /** A seal applied to a document. */
    record Signature(
            Seal seal,
            Instant signedAt,
            byte[] dataHash,
            String propertyInfo,
            byte[] signerCertificate,
            byte[] signature,
            byte[] toBeSigned) {}

    static byte[] sealToBeSigned(
            String esId,
            String vendorId,
            String name,
            List<byte[]> certificates,
            Instant createdAt,
            Instant validStart,
            Instant validEnd,
            byte[] png,
            int widthMm,
            int heightMm,
            byte[] makerCertificate) {
        return toBeSigned(
                sealInfo(
                        esId,
                        vendorId,
                        name,
                        certificates,
                        createdAt,
                        validStart,
                        validEnd,
                        "PNG",
                        png,
                        widthMm,
                        heightMm),
                makerCertificate);
    }

    /** The SES_Seal, from the DER its maker signed and the maker's signature. */
    static byte[] seal(byte[] toBeSigned, byte[] makerSignature) {
        ASN1Sequence tbs = ASN1Sequence.getInstance(toBeSigned);
        return der(new DERSequence(new ASN1Encodable[] {
            tbs.getObjectAt(0), tbs.getObjectAt(1), tbs.getObjectAt(2), new DERBitString(makerSignature)
        }));
    }

    /** The DER of TBS_Sign, which the signer signs. */
    static byte[] signatureToBeSigned(byte[] seal, Instant signedAt, byte[] dataHash, String propertyInfo) {
        return der(new DERSequence(new ASN1Encodable[] {
            new ASN1Integer(VERSION),
            primitive(seal),
            new DERGeneralizedTime(Date.from(signedAt)),
            new DERBitString(dataHash),
            new DERIA5String(propertyInfo)
        }));
    }

    static byte[] signature(byte[] toBeSigned, byte[] signerCertificate, byte[] signature) {
        return der(new DERSequence(new ASN1Encodable[] {
            ASN1Sequence.getInstance(toBeSigned),
            new DEROctetString(signerCertificate),
            SM2_WITH_SM3,
            new DERBitString(signature)
        }));
    }

    /** @throws IllegalArgumentException when the bytes are not a version-4 SES_Signature */
    static Signature readSignature(byte[] der) {
        try {
            ASN1Sequence sig = sequence(der);
            ASN1Sequence tbs = ASN1Sequence.getInstance(sig.getObjectAt(0));
            int version = ASN1Integer.getInstance(tbs.getObjectAt(0)).intValueExact();
            if (version != VERSION) {
                throw new IllegalArgumentException("SES_Signature version " + version);
            }
            Seal seal = readSeal(ASN1Sequence.getInstance(tbs.getObjectAt(1)));
            Instant signedAt = time(tbs.getObjectAt(2));
            byte[] dataHash = ASN1BitString.getInstance(tbs.getObjectAt(3)).getOctets();
            String propertyInfo = ASN1IA5String.getInstance(tbs.getObjectAt(4)).getString();
            byte[] cert = ASN1OctetString.getInstance(sig.getObjectAt(1)).getOctets();
            ASN1ObjectIdentifier algorithm = ASN1ObjectIdentifier.getInstance(sig.getObjectAt(2));
            if (!SM2_WITH_SM3.equals(algorithm)) {
                throw new IllegalArgumentException("signature algorithm " + algorithm);
            }
            byte[] value = ASN1BitString.getInstance(sig.getObjectAt(3)).getOctets();
            return new Signature(seal, signedAt, dataHash, propertyInfo, cert, value, der(tbs));
        } catch (RuntimeException e) {
            throw e instanceof IllegalArgumentException iae ? iae : new IllegalArgumentException(e.toString(), e);
        }
    }

    static Seal readSeal(byte[] der) {
        try {
            return readSeal(sequence(der));
        } catch (RuntimeException e) {
            throw e instanceof IllegalArgumentException iae ? iae : new IllegalArgumentException(e.toString(), e);
        }
    }

    private static Seal readSeal(ASN1Sequence seal) {
        ASN1Sequence info = ASN1Sequence.getInstance(seal.getObjectAt(0));
        ASN1Sequence header = ASN1Sequence.getInstance(info.getObjectAt(0));
        if (!"ES".equals(ASN1IA5String.getInstance(header.getObjectAt(0)).getString())
                || ASN1Integer.getInstance(header.getObjectAt(1)).intValueExact() != VERSION) {
            throw new IllegalArgumentException("not a version-4 SES_Seal");
        }
        String vendor = ASN1IA5String.getInstance(header.getObjectAt(2)).getString();
        String esId = ASN1IA5String.getInstance(info.getObjectAt(1)).getString();
        ASN1Sequence property = ASN1Sequence.getInstance(info.getObjectAt(2));
        String name = ((ASN1String) property.getObjectAt(1)).getString();
        if (ASN1Integer.getInstance(property.getObjectAt(2)).intValueExact() != 1) {
            throw new IllegalArgumentException("only seals that list their certificates are read");
        }
        List<byte[]> certificates = new ArrayList<>();
        for (ASN1Encodable cert : ASN1Sequence.getInstance(property.getObjectAt(3))) {
            certificates.add(ASN1OctetString.getInstance(cert).getOctets());
        }
        ASN1Sequence picture = ASN1Sequence.getInstance(info.getObjectAt(3));
        ASN1ObjectIdentifier algorithm = ASN1ObjectIdentifier.getInstance(seal.getObjectAt(2));
        if (!SM2_WITH_SM3.equals(algorithm)) {
            throw new IllegalArgumentException("seal signature algorithm " + algorithm);
        }
        return new Seal(
                esId,
                vendor,
                name,
                List.copyOf(certificates),
                time(property.getObjectAt(4)),
                time(property.getObjectAt(5)),
                time(property.getObjectAt(6)),
                ASN1IA5String.getInstance(picture.getObjectAt(0)).getString(),
                ASN1OctetString.getInstance(picture.getObjectAt(1)).getOctets(),
                ASN1Integer.getInstance(picture.getObjectAt(2)).intValueExact(),
                ASN1Integer.getInstance(picture.getObjectAt(3)).intValueExact(),
                ASN1OctetString.getInstance(seal.getObjectAt(1)).getOctets(),
                ASN1BitString.getInstance(seal.getObjectAt(3)).getOctets(),
                der(new DERSequence(
                        new ASN1Encodable[] {seal.getObjectAt(0), seal.getObjectAt(1), seal.getObjectAt(2)})),
                der(seal));
    }

    private static ASN1Sequence sealInfo(
            String esId,
            String vendorId,
            String name,
            List<byte[]> certificates,
            Instant createdAt,
            Instant validStart,
            Instant validEnd,
            String pictureType,
            byte[] picture,
            int widthMm,
            int heightMm) {
        ASN1EncodableVector certs = new ASN1EncodableVector();
        certificates.forEach(c -> certs.add(new DEROctetString(c)));
        return new DERSequence(new ASN1Encodable[] {
            new DERSequence(
                    new ASN1Encodable[] {new DERIA5String("ES"), new ASN1Integer(VERSION), new DERIA5String(vendorId)}),
            new DERIA5String(esId),
            new DERSequence(new ASN1Encodable[] {
                new ASN1Integer(1),
                new DERUTF8String(name),
                new ASN1Integer(1),
                new DERSequence(certs),
                new DERGeneralizedTime(Date.from(createdAt)),
                new DERGeneralizedTime(Date.from(validStart)),
                new DERGeneralizedTime(Date.from(validEnd))
            }),
            new DERSequence(new ASN1Encodable[] {
                new DERIA5String(pictureType),
                new DEROctetString(picture),
                new ASN1Integer(widthMm),
                new ASN1Integer(heightMm)
            })
        });
    }

    private static byte[] toBeSigned(ASN1Sequence sealInfo, byte[] makerCertificate) {
        return der(new DERSequence(new ASN1Encodable[] {sealInfo, new DEROctetString(makerCertificate), SM2_WITH_SM3}));
    }

    private static Instant time(ASN1Encodable value) {
        try {
            return ASN1GeneralizedTime.getInstance(value).getDate().toInstant();
        } catch (java.text.ParseException e) {
            throw new IllegalArgumentException("bad GeneralizedTime", e);
        }
    }

    private static ASN1Sequence sequence(byte[] der) {
        if (der == null || der.length == 0) {
            throw new IllegalArgumentException("empty");
        }
        ASN1Primitive primitive = primitive(der);
        if (!(primitive instanceof ASN1Sequence sequence)) {
            throw new IllegalArgumentException("not a DER sequence");
        }
        // Trailing bytes, or a BER encoding a signer never produces, would let two byte strings mean one seal.
        if (!java.util.Arrays.equals(der(sequence), der)) {
            throw new IllegalArgumentException("not in DER");
        }
        return sequence;
    }

    private static ASN1Primitive primitive(byte[] der) {
        try {
            return ASN1Primitive.fromByteArray(der);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not DER: " + e.getMessage(), e);
        }
    }

    static byte[] der(ASN1Encodable value) {
        try {
            return value.toASN1Primitive().getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
