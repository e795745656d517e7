package org.zhengwu.basedata;

import java.time.LocalDate;

/**
 * A legal entity to save in the 法人基础信息库, keyed by its 统一社会信用代码.
 *
 * @param uscc                          统一社会信用代码 with a right check character
 * @param name                          the registered name, 1 to 200 characters
 * @param entityType                    null: the code's first two characters; otherwise it must be them
 * @param legalRepresentative           the legal representative's name, 1 to 50 characters
 * @param legalRepresentativeIdNumber   the legal representative's 公民身份号码 (stored sealed, never given out)
 * @param registeredDivision            行政区划代码 in force today
 * @param status                        one of {@link LegalEntities#STATUSES}
 * @param registrationDate              成立日期, not after today
 */
public record LegalEntityDraft(
        String uscc,
        String name,
        String entityType,
        String legalRepresentative,
        String legalRepresentativeIdNumber,
        String registeredDivision,
        String status,
        LocalDate registrationDate) {}
