package org.zhengwu.licence.document;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.zhengwu.shared.crypto.Sm2;

/**
 * Makes an organisation's seal under a root: a new SM2 key, the seal certificate the root signs, and the GB/T 38540
 * seal (picture, name, validity, the certificate listed) that the root signs as seal maker.
 */
final class SealMaker {

    static final String VENDOR = "Zhengwu";
    static final String USE = "电子证照专用章";
    private static final DateTimeFormatter ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    /** A seal with the private key that signs with it. */
    record Made(SealSigner.OrganisationSeal seal, byte[] privateKey, String sealId, Instant validUntil) {}

    private SealMaker() {}

    static Made make(
            CjkFont font,
            byte[] rootCertificate,
            byte[] rootKey,
            String uscc,
            String name,
            Instant notBefore,
            Instant notAfter) {
        byte[] key = Sm2.newPrivateKey();
        byte[] certificate = SealCertificates.organisation(
                rootCertificate, rootKey, name, uscc, Sm2.publicKey(key), notBefore, notAfter);
        // unique also when two nodes make the same organisation's seal within a second (only one row is kept)
        String sealId = uscc
                + ID_TIME.format(notBefore)
                + String.format("%06X", new java.security.SecureRandom().nextInt(1 << 24));
        byte[] toBeSigned = Ses.sealToBeSigned(
                sealId,
                VENDOR,
                name + USE,
                List.of(certificate),
                notBefore,
                notBefore,
                notAfter,
                SealPicture.png(font, name, USE),
                SealPicture.DIAMETER_MM,
                SealPicture.DIAMETER_MM,
                rootCertificate);
        byte[] seal = Ses.seal(toBeSigned, Sm2.sign(rootKey, toBeSigned));
        return new Made(new SealSigner.OrganisationSeal(uscc, name, certificate, seal), key, sealId, notAfter);
    }
}
