package org.zhengwu.shared.codes;

import java.time.LocalDate;
import java.util.List;

/** Where division codes are looked up: the 基础信息资源库 implements it over its table. */
@FunctionalInterface
public interface DivisionRegister {

    /** Every period in which {@code code} was in force; empty when it never existed. */
    List<Validity> validities(String code);

    /** A period in force: from {@code effectiveFrom} inclusive to {@code effectiveTo} exclusive, open when null. */
    record Validity(LocalDate effectiveFrom, LocalDate effectiveTo) {
        public boolean covers(LocalDate date) {
            return !date.isBefore(effectiveFrom) && (effectiveTo == null || date.isBefore(effectiveTo));
        }
    }
}
