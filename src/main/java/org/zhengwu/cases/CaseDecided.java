package org.zhengwu.cases;

import java.time.Instant;

/**
 * A case was decided and completed (办结): {@code approved} for 准予. The licence module issues the item's licence on
 * an approved one.
 */
public record CaseDecided(
        String caseNumber,
        String implementationCode,
        int itemVersion,
        String organisationUscc,
        String divisionCode,
        boolean approved,
        Instant decidedAt) {}
