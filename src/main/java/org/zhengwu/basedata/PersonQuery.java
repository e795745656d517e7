package org.zhengwu.basedata;

import java.time.LocalDate;

/**
 * Which persons to list, a page at a time in the order of their record ids (keyset paging: pass the last record id of
 * a page as {@code afterRecordId} of the next).
 *
 * @param divisionCode  null: every division; otherwise this 行政区划代码 and the divisions below it (by the code's
 *                      structure: 340000 is every 34xxxx, 340100 every 3401xx)
 * @param bornFrom      null, or the earliest birth date (inclusive)
 * @param bornTo        null, or the latest birth date (inclusive)
 * @param afterRecordId only records with a greater record id (0 for the first page)
 * @param limit         how many at most, 1 to {@value #MAX_LIMIT}
 */
public record PersonQuery(String divisionCode, LocalDate bornFrom, LocalDate bornTo, long afterRecordId, int limit) {

    public static final int MAX_LIMIT = 1000;

    public PersonQuery {
        LibraryQueries.checkDivision(divisionCode);
        LibraryQueries.checkPaging(afterRecordId, limit, MAX_LIMIT);
    }

    /** Every person, the first page of the largest size. */
    public static PersonQuery all() {
        return new PersonQuery(null, null, null, 0, MAX_LIMIT);
    }

    /** The same filters, after another record. */
    public PersonQuery after(long recordId) {
        return new PersonQuery(divisionCode, bornFrom, bornTo, recordId, limit);
    }
}
