package org.zhengwu.basedata;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One person of the 人口基础信息库, as stored (decrypted for the caller).
 *
 * @param recordId          the library's stable key of the record; never reused, even after removal
 * @param idNumber          公民身份号码, upper-case X
 * @param name              the registered name
 * @param sex               GB/T 2261.1 code: 1 男, 2 女, 0 未知的性别, 9 未说明的性别; 1 and 2 agree with the number
 * @param birthDate         the birth date, the one in the number
 * @param householdDivision 户籍 行政区划代码 (6 digits, registered when saved); null only for a person entered by
 *                          {@link Population#register(String, String, boolean)} whose number's division is unknown
 * @param address           the address (empty when unknown)
 * @param deceased          whether the person has died
 * @param version           1 when inserted, one more at each change
 * @param updatedAt         when the record last changed
 */
public record PersonRecord(
        long recordId,
        String idNumber,
        String name,
        String sex,
        LocalDate birthDate,
        String householdDivision,
        String address,
        boolean deceased,
        long version,
        Instant updatedAt) {}
