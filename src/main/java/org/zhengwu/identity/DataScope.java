package org.zhengwu.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.zhengwu.shared.access.Reach;
import org.zhengwu.shared.codes.DivisionCode;

/**
 * The data a member of staff may reach: the objects of their own organisation, and — with a permission that
 * reaches across a region ({@link Reach#REGION}) — the objects located in their organisation's division and the
 * divisions below it (340100 covers 340104). The platform's own administrators (a platform role and no
 * organisation) reach everything; other staff without an organisation, and citizens, reach no organisation's data
 * through a scope.
 *
 * <p>The rule is written once and asked in two ways that always agree (a test checks every persona of the
 * authorisation matrix against a grid of objects in PostgreSQL): {@link #covers} for one object in hand, and
 * {@link #condition} for a SQL condition that filters a list in the database. An object lies in a region when its
 * division code is six digits starting with the region's significant digits (two for a province, four for a
 * prefecture, six for a county); an object with no or a malformed division code lies in no region.
 *
 * @param organisationUscc the staff member's organisation, or null
 * @param regionCode       its division, or null
 * @param platform         true for the platform's own staff
 */
public record DataScope(String organisationUscc, String regionCode, boolean platform) {

    public static final DataScope PLATFORM = new DataScope(null, null, true);
    public static final DataScope NONE = new DataScope(null, null, false);

    private static final Pattern DIVISION = Pattern.compile("[0-9]{6}");

    public static DataScope of(String organisationUscc, String regionCode) {
        return new DataScope(organisationUscc, regionCode, false);
    }

    /**
     * Whether an object owned by organisation {@code ownerUscc} and located in {@code divisionCode} is in scope for
     * a permission of the given reach.
     */
    public boolean covers(String ownerUscc, String divisionCode, Reach reach) {
        if (platform) {
            return true;
        }
        if (organisationUscc != null && organisationUscc.equals(ownerUscc)) {
            return true;
        }
        String region = regionPrefix();
        return reach == Reach.REGION
                && region != null
                && divisionCode != null
                && DIVISION.matcher(divisionCode).matches()
                && divisionCode.startsWith(region);
    }

    /**
     * The same rule as {@link #covers}, as a SQL condition on the given columns with bound parameters.
     */
    public ScopeCondition condition(ScopeColumns columns, Reach reach) {
        if (platform) {
            return ScopeCondition.EVERYTHING;
        }
        List<String> alternatives = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (organisationUscc != null) {
            alternatives.add(columns.ownerColumn() + " = :scopeOrganisation");
            parameters.put("scopeOrganisation", organisationUscc);
        }
        String region = regionPrefix();
        if (reach == Reach.REGION && region != null) {
            String division = columns.divisionColumn();
            alternatives.add("(" + division + " LIKE :scopeRegion AND " + division + " ~ '^[0-9]{6}$')");
            parameters.put("scopeRegion", region + "%");
        }
        if (alternatives.isEmpty()) {
            return ScopeCondition.NOTHING;
        }
        return new ScopeCondition("(" + String.join(" OR ", alternatives) + ")", parameters);
    }

    /** The leading digits every division within this scope's region shares, or null without a (valid) region. */
    private String regionPrefix() {
        return regionCode == null
                ? null
                : DivisionCode.parse(regionCode)
                        .map(DivisionCode::significantPrefix)
                        .orElse(null);
    }
}
