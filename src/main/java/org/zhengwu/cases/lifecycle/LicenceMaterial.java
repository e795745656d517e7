package org.zhengwu.cases.lifecycle;

import java.time.Instant;

/** An electronic licence standing in for one of the guide's materials, with the applicant's consent. */
public record LicenceMaterial(
        long id,
        int materialNo,
        String materialName,
        String identifier,
        String typeCode,
        String number,
        long consentedBy,
        String consentedByName,
        Instant consentedAt) {}
