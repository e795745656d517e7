package org.zhengwu.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules of an entry's {@link CaseHandling}, against what is deployed ({@link CaseHandlingOptions}): a process is
 * named by the key of a deployed definition; a 即办件 follows a process that decides at acceptance and a 承诺件 one
 * with review stages (the counter of a 即办件 decides in the accepting step, which a multi-stage process would leave
 * open; a 承诺件 must be examined and decided by someone other than the counter); roles are named only for a stage the
 * process has, and only roles that can handle cases. Each broken rule names its field under {@code handling.}.
 */
public final class HandlingRules {

    /** The path under which the rules name the handling's elements. */
    public static final String HANDLING = "handling";

    private HandlingRules() {}

    public static List<GuideRules.Violation> check(Guide guide, ItemType type, CaseHandlingOptions options) {
        CaseHandling handling = guide.handling();
        if (handling == null) {
            return List.of();
        }
        List<GuideRules.Violation> violations = new ArrayList<>();
        if (type.enforcement()) {
            violations.add(violation("processKey", "handling.rule.enforcement"));
            return violations;
        }
        String key = CaseHandling.processOf(handling, guide.caseKind());
        Optional<CaseHandlingOptions.Process> process = options.process(key);
        if (process.isEmpty()) {
            violations.add(violation("processKey", "handling.rule.unknown-process", key));
        } else if (guide.caseKind() == CaseKind.IMMEDIATE && !process.get().decidesAtAcceptance()) {
            violations.add(violation("processKey", "handling.rule.immediate-needs-single-step", key));
        } else if (guide.caseKind() != CaseKind.IMMEDIATE && process.get().decidesAtAcceptance()) {
            violations.add(violation("processKey", "handling.rule.promised-needs-review", key));
        }
        for (String stage : CaseHandling.STAGES) {
            List<String> roles = handling.rolesOf(stage);
            String field = stage + "Roles";
            if (!roles.isEmpty()
                    && process.isPresent()
                    && !process.get().reviewStages().contains(stage)) {
                violations.add(violation(field, "handling.rule.stage-not-in-process", key));
                continue;
            }
            for (String role : roles) {
                if (!options.isRole(role)) {
                    violations.add(violation(field, "handling.rule.unknown-role", role));
                }
            }
        }
        return violations;
    }

    private static GuideRules.Violation violation(String field, String key, Object... arguments) {
        return new GuideRules.Violation(HANDLING + "." + field, key, List.of(arguments));
    }
}
