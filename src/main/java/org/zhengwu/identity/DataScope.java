package org.zhengwu.identity;

import org.zhengwu.shared.codes.DivisionCode;

/**
 * The data a member of staff may reach: the objects of their own organisation, and — for roles that work across a
 * region — of the organisations in their organisation's region and the regions below it (340100 covers 340104).
 * The platform's own administrators reach everything; citizens reach no organisation's data through a scope.
 *
 * @param organisationUscc the staff member's organisation, or null
 * @param regionCode       its division, or null
 * @param platform         true for the platform's own administrators
 */
public record DataScope(String organisationUscc, String regionCode, boolean platform) {

    public static final DataScope PLATFORM = new DataScope(null, null, true);
    public static final DataScope NONE = new DataScope(null, null, false);

    public static DataScope of(String organisationUscc, String regionCode) {
        return new DataScope(organisationUscc, regionCode, false);
    }

    /** Whether an object of organisation {@code uscc} is in this scope. */
    public boolean coversOrganisation(String uscc) {
        return platform || (organisationUscc != null && organisationUscc.equals(uscc));
    }

    /** Whether an object located in {@code divisionCode} is within this scope's region. */
    public boolean coversRegion(String divisionCode) {
        if (platform) {
            return true;
        }
        if (regionCode == null || divisionCode == null) {
            return false;
        }
        return DivisionCode.parse(regionCode).flatMap(region -> DivisionCode.parse(divisionCode).map(region::covers))
                .orElse(false);
    }
}
