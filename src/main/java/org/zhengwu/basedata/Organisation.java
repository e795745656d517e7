package org.zhengwu.basedata;

/**
 * An organisation that implements services (实施主体): a department, an authorised or entrusted organisation, or a
 * public-service enterprise, identified by its 统一社会信用代码.
 *
 * @param legacyCode an administrator accepted a registered code whose check character fails
 */
public record Organisation(
        String uscc,
        String name,
        String divisionCode,
        ExerciseLevel exerciseLevel,
        SubjectNature nature,
        String parentUscc,
        String address,
        String phone,
        boolean legacyCode) {}
