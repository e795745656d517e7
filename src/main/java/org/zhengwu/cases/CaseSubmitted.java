package org.zhengwu.cases;

/** A case was submitted (申请): published in the transaction that gave it its number. */
public record CaseSubmitted(
        String caseNumber, String implementationCode, String organisationUscc, String divisionCode) {}
