package org.zhengwu.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * The licence types a guide's materials name as replacing them, against the types the licence library knows ({@link
 * LicenceTypeOptions}): a well-formed code of no known type is reported on the material's {@code
 * replacingLicenceTypes}, naming the code. A malformed code is {@link GuideRules}' to report.
 */
public final class LicenceRules {

    private LicenceRules() {}

    public static List<GuideRules.Violation> check(
            Guide guide, LicenceTypeOptions options, List<GuideRules.Violation> already) {
        List<GuideRules.Violation> violations = new ArrayList<>();
        List<Guide.Material> materials = guide.materials() == null ? List.of() : guide.materials();
        for (int i = 0; i < materials.size(); i++) {
            String field = "materials[" + i + "].replacingLicenceTypes";
            if (already.stream().anyMatch(v -> v.field().equals(field))) {
                continue;
            }
            for (String code : materials.get(i).replacingLicenceTypes()) {
                if (options.licenceType(code).isEmpty()) {
                    violations.add(new GuideRules.Violation(field, "guide.rule.licence-type-unknown", List.of(code)));
                    break;
                }
            }
        }
        return violations;
    }
}
