package org.zhengwu.licence.register;

import java.time.Instant;
import java.time.LocalDate;

/** One version of a licence as stored, the holder's name, code and the printed values still sealed. */
public record LicenceRow(
        long id,
        String identifier,
        String typeCode,
        String number,
        int version,
        String name,
        String issuerUscc,
        String issuerName,
        LocalDate issuedOn,
        LocalDate validFrom,
        LocalDate validUntil,
        String divisionCode,
        byte[] holderName,
        byte[] holderCode,
        String holderCodeIndex,
        String holderCodeMasked,
        String holderCodeKind,
        Long holderAccountId,
        byte[] fieldValues,
        String caseNumber,
        String baseCode,
        String importedFrom,
        String storedStatus,
        String statusReason,
        Instant statusChangedAt,
        String fileKey,
        String fileSm3,
        long fileSize,
        Instant createdAt) {

    /** 状态 as of a business day: a valid licence past its 有效期 is expired. */
    public LicenceStatus status(LocalDate today) {
        LicenceStatus stored = LicenceStatus.valueOf(storedStatus);
        if (stored == LicenceStatus.VALID && validUntil != null && validUntil.isBefore(today)) {
            return LicenceStatus.EXPIRED;
        }
        return stored;
    }

    public boolean person() {
        return "111".equals(holderCodeKind);
    }
}
