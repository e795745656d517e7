package org.zhengwu.basedata;

import java.time.LocalDate;

/**
 * A person to save in the 人口基础信息库, keyed by its 公民身份号码.
 *
 * @param idNumber          公民身份号码 (a lower-case x is accepted)
 * @param name              the name, 1 to 50 characters
 * @param sex               GB/T 2261.1 code 0, 1, 2 or 9; null: taken from the number (odd sequence 1, even 2)
 * @param birthDate         null: taken from the number; otherwise it must be the number's
 * @param householdDivision 户籍 行政区划代码 in force today
 * @param address           up to 200 characters; null or empty when unknown
 * @param deceased          whether the person has died
 */
public record PersonDraft(
        String idNumber,
        String name,
        String sex,
        LocalDate birthDate,
        String householdDivision,
        String address,
        boolean deceased) {}
