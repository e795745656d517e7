package org.zhengwu.basedata;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One legal entity of the 法人基础信息库, as stored (the representative's name decrypted for the caller; the
 * representative's 公民身份号码 is never given out, only checked by {@link LegalEntities#isLegalRepresentative}).
 *
 * @param recordId            the library's stable key of the record; never reused
 * @param uscc                统一社会信用代码
 * @param name                the registered name
 * @param entityType          登记管理部门码 and 机构类别码 (the code's first two characters, {@link LegalEntities#ENTITY_TYPES})
 * @param legalRepresentative the legal representative's (or person in charge's) name
 * @param registeredDivision  行政区划代码 of the registration
 * @param status              {@link LegalEntities#STATUSES}: active 存续（在业）, revoked 吊销, cancelled 注销, moved-out 迁出
 * @param registrationDate    成立日期
 * @param version             1 when inserted, one more at each change
 * @param updatedAt           when the record last changed
 */
public record LegalEntityRecord(
        long recordId,
        String uscc,
        String name,
        String entityType,
        String legalRepresentative,
        String registeredDivision,
        String status,
        LocalDate registrationDate,
        long version,
        Instant updatedAt) {}
