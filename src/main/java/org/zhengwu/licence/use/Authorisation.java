package org.zhengwu.licence.use;

import java.time.Instant;
import java.time.LocalDate;

/** 用证授权: a department may use a licence (for one case, or any) until a day, unless the holder withdrew it. */
public record Authorisation(
        long id,
        String typeCode,
        String issuerUscc,
        String number,
        String granteeUscc,
        String granteeName,
        String caseNumber,
        UseScope scope,
        LocalDate validUntil,
        long grantedBy,
        Instant grantedAt,
        Instant withdrawnAt) {

    public boolean inForce(LocalDate today) {
        return withdrawnAt == null && !validUntil.isBefore(today);
    }

    /** What a department may do with an authorised licence: read its fields, or also take its file. */
    public enum UseScope {
        FIELDS,
        FILE
    }
}
