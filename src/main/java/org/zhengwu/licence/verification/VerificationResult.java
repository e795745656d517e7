package org.zhengwu.licence.verification;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The answer to "is this licence genuine and in force?": {@code result} and, when the platform knows the licence, its
 * public fields — never a person's full name or 公民身份号码.
 *
 * @param reason  what lies behind a result where there is more than one cause ({@code CERTIFICATE_EXPIRED},
 *                {@code UNSIGNED}, {@code FILE} for an unreadable file), else null
 * @param licence the licence's public fields, or null when the platform has none
 * @param seal    who sealed an uploaded file and when, or null for a lookup by identifier
 */
public record VerificationResult(Result result, String reason, PublicLicence licence, Seal seal) {

    public enum Result {
        VALID,
        REVOKED,
        EXPIRED,
        SUPERSEDED,
        SIGNATURE_INVALID,
        ISSUER_UNTRUSTED,
        MALFORMED,
        NOT_FOUND
    }

    public record PublicLicence(
            String identifier,
            String name,
            String typeCode,
            String number,
            int version,
            String issuerName,
            String issuerUscc,
            LocalDate issuedOn,
            LocalDate validFrom,
            LocalDate validUntil,
            String holderName,
            String holderCode,
            String statusReason,
            Instant statusChangedAt) {}

    public record Seal(String signerName, String signerUscc, Instant signedAt, String sealName) {}

    static VerificationResult of(Result result, String reason) {
        return new VerificationResult(result, reason, null, null);
    }
}
