package org.zhengwu.licence.document;

import java.time.Instant;

/**
 * What a licence file's seal says. Every field but {@code outcome} is null when the file could not be read that far;
 * they are what the file claims, to be believed only when the outcome is {@link Outcome#VALID}.
 *
 * @param identifier  the licence identifier in the document's metadata
 * @param signerName  the sealing organisation's name (the seal certificate's subject O, else CN)
 * @param signerUscc  its 统一社会信用代码 (the certificate subject's organizationIdentifier, 2.5.4.97)
 * @param signedAt    the signing time in the seal's signature (TBS_Sign timeInfo)
 * @param sealName    the seal's name (SES_ESPropertyInfo name)
 * @param detail      why, in English, for logs and tests (never shown to the public as is)
 * @param data        every DocInfo CustomData of the document by name ({@code licence.identifier},
 *                    {@code licence.holder.code} …, see {@link LicenceDocuments}), as claimed by the file
 */
public record Verification(
        Outcome outcome,
        String identifier,
        String signerName,
        String signerUscc,
        Instant signedAt,
        String sealName,
        String detail,
        java.util.Map<String, String> data) {

    public Verification {
        data = data == null ? java.util.Map.of() : java.util.Map.copyOf(data);
    }

    public enum Outcome {
        /** Intact, sealed by a certificate of a trusted root, valid when it was signed. */
        VALID,
        /** A byte of the signed content changed, or a signature (the document's or the seal's own) does not hold. */
        SIGNATURE_INVALID,
        /** The signer's certificate does not chain to a root on the trust list. */
        ISSUER_UNTRUSTED,
        /** The signer's (or the root's) certificate was not valid at the signing time. */
        CERTIFICATE_EXPIRED,
        /** An OFD file without a seal. */
        UNSIGNED,
        /** Not an OFD file: not a zip, truncated, too big, too many or too large entries. */
        MALFORMED_FILE
    }

    static Verification of(Outcome outcome, String detail) {
        return new Verification(outcome, null, null, null, null, null, detail, null);
    }

    Verification with(Outcome newOutcome, String newDetail) {
        return new Verification(newOutcome, identifier, signerName, signerUscc, signedAt, sealName, newDetail, data);
    }

    public boolean valid() {
        return outcome == Outcome.VALID;
    }
}
