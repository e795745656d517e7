package org.zhengwu.licence;

/**
 * A licence was issued (a new licence or a new version of one). Carries business keys only; the exchange module
 * publishes the change to subscribing departments.
 */
public record LicenceIssued(
        String identifier, String typeCode, String issuerUscc, String divisionCode, String caseNumber, int version) {}
