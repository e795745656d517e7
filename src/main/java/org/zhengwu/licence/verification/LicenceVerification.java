package org.zhengwu.licence.verification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.zhengwu.licence.LicenceIdentifier;
import org.zhengwu.licence.document.LicenceDocuments;
import org.zhengwu.licence.document.Verification;
import org.zhengwu.licence.register.LicenceRecords;
import org.zhengwu.licence.register.LicenceRow;
import org.zhengwu.licence.register.LicenceStatus;
import org.zhengwu.licence.register.SealedFields;
import org.zhengwu.licence.verification.VerificationResult.Result;
import org.zhengwu.shared.database.ReplicaRead;
import org.zhengwu.shared.time.BusinessTime;

/**
 * Public verification of a licence, by identifier (typed or scanned from the QR code) or by its OFD file. A wrong
 * check character or a broken structure is {@code MALFORMED}, a well-formed identifier the platform never issued
 * {@code NOT_FOUND}; a file is first checked for its seal, then looked up by the identifier it carries.
 */
@Service
public class LicenceVerification {

    private final LicenceRecords records;
    private final LicenceDocuments documents;
    private final SealedFields sealed;
    private final Clock clock;

    LicenceVerification(LicenceRecords records, LicenceDocuments documents, SealedFields sealed, Clock clock) {
        this.records = records;
        this.documents = documents;
        this.sealed = sealed;
        this.clock = clock;
    }

    @ReplicaRead
    public VerificationResult byIdentifier(String typed) {
        Optional<LicenceIdentifier> identifier = LicenceIdentifier.parse(typed);
        if (identifier.isEmpty()) {
            return VerificationResult.of(Result.MALFORMED, null);
        }
        return records.findByIdentifier(identifier.get().value())
                .map(l -> of(l, null))
                .orElseGet(() -> VerificationResult.of(Result.NOT_FOUND, null));
    }

    @ReplicaRead
    public VerificationResult byFile(byte[] ofd) {
        Verification checked = documents.verify(ofd);
        VerificationResult.Seal seal = checked.signerName() == null
                ? null
                : new VerificationResult.Seal(
                        checked.signerName(), checked.signerUscc(), checked.signedAt(), checked.sealName());
        switch (checked.outcome()) {
            case MALFORMED_FILE:
                return VerificationResult.of(Result.MALFORMED, "FILE");
            case UNSIGNED:
                return new VerificationResult(Result.SIGNATURE_INVALID, "UNSIGNED", null, seal);
            case SIGNATURE_INVALID:
                return new VerificationResult(Result.SIGNATURE_INVALID, null, null, seal);
            case CERTIFICATE_EXPIRED:
                return new VerificationResult(Result.SIGNATURE_INVALID, "CERTIFICATE_EXPIRED", null, seal);
            case ISSUER_UNTRUSTED:
                return new VerificationResult(Result.ISSUER_UNTRUSTED, null, null, seal);
            case VALID:
            default:
                break;
        }
        Optional<LicenceIdentifier> identifier = LicenceIdentifier.parse(checked.identifier());
        if (identifier.isEmpty()) {
            return new VerificationResult(Result.MALFORMED, "IDENTIFIER", null, seal);
        }
        Optional<LicenceRow> known = records.findByIdentifier(identifier.get().value());
        if (known.isEmpty()) {
            // Sealed by a trusted issuer, but not registered here: the seal vouches for the file alone.
            return new VerificationResult(Result.VALID, "NOT_REGISTERED", null, seal);
        }
        if (!known.get().issuerUscc().equals(checked.signerUscc())) {
            return new VerificationResult(Result.SIGNATURE_INVALID, "ISSUER_MISMATCH", null, seal);
        }
        return of(known.get(), seal);
    }

    private VerificationResult of(LicenceRow l, VerificationResult.Seal seal) {
        LocalDate today = LocalDate.now(clock.withZone(BusinessTime.ZONE));
        LicenceStatus status = l.status(today);
        Result result = Result.valueOf(status.name());
        return new VerificationResult(result, null, publicFields(l), seal);
    }

    /** What anyone may see of a licence: a person holder's name and code masked. */
    public VerificationResult.PublicLicence publicFields(LicenceRow l) {
        String name = sealed.holderName(l);
        return new VerificationResult.PublicLicence(
                l.identifier(),
                l.name(),
                l.typeCode(),
                l.number(),
                l.version(),
                l.issuerName(),
                l.issuerUscc(),
                l.issuedOn(),
                l.validFrom(),
                l.validUntil(),
                l.person() ? maskName(name) : name,
                l.holderCodeMasked(),
                l.statusReason(),
                l.statusChangedAt());
    }

    /** 张三 → 张*, 欧阳小明 → 欧***. */
    static String maskName(String name) {
        if (name == null || name.length() < 2) {
            return name;
        }
        return name.codePoints()
                        .limit(1)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                + "*".repeat((int) name.codePoints().count() - 1);
    }
}
