package org.zhengwu.licence.use;

import java.time.Instant;

/** One use of a licence by a department's staff, as its holder sees it. */
public record LicenceUse(
        Instant usedAt,
        String userDisplay,
        String organisationUscc,
        String organisationName,
        String caseNumber,
        Authorisation.UseScope what) {}
