package org.zhengwu.identity;

import java.util.HashMap;
import java.util.Map;
import org.zhengwu.shared.codes.DivisionCode;

/**
 * The data a member of staff may reach: the objects of their own organisation, and — for roles that work across a
 * region — the objects located in their organisation's region and the regions below it (340100 covers 340104).
 * The platform's own administrators reach everything; citizens reach no organisation's data through a scope.
 *
 * <p>Modules ask in two ways, always for the same rule: {@link #covers} for one object in hand, and
 * {@link #sqlParameters} to filter a list in the database with the condition
 * {@code (:scopeAll OR owner_column = :scopeOrganisation OR division_column LIKE :scopeRegion)} — bound
 * parameters, never text built from input.
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

    /**
     * Whether an object owned by organisation {@code ownerUscc} and located in {@code divisionCode} is in scope;
     * {@code regionWide} when the role acting works across its region (a reviewer), not only its own organisation.
     */
    public boolean covers(String ownerUscc, String divisionCode, boolean regionWide) {
        return platform
                || (organisationUscc != null && organisationUscc.equals(ownerUscc))
                || (regionWide && coversRegion(divisionCode));
    }

    /** Whether an object located in {@code divisionCode} is within this scope's region. */
    public boolean coversRegion(String divisionCode) {
        if (platform) {
            return true;
        }
        if (regionCode == null || divisionCode == null) {
            return false;
        }
        return DivisionCode.parse(regionCode)
                .flatMap(region -> DivisionCode.parse(divisionCode).map(region::covers))
                .orElse(false);
    }

    /** The parameters {@code scopeAll}, {@code scopeOrganisation} and {@code scopeRegion} of the list condition. */
    public Map<String, Object> sqlParameters(boolean regionWide) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("scopeAll", platform);
        parameters.put("scopeOrganisation", organisationUscc);
        parameters.put(
                "scopeRegion",
                regionWide && regionCode != null
                        ? DivisionCode.parse(regionCode)
                                .map(code -> code.significantPrefix() + "%")
                                .orElse(null)
                        : null);
        return parameters;
    }
}
