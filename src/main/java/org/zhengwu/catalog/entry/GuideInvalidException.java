package org.zhengwu.catalog.entry;

import java.util.List;
import org.zhengwu.catalog.GuideRules;

/** A guide or entry that breaks the catalogue's rules; each violation names its field. */
public class GuideInvalidException extends RuntimeException {

    private final List<GuideRules.Violation> violations;

    public GuideInvalidException(List<GuideRules.Violation> violations) {
        super("invalid guide: " + violations);
        this.violations = List.copyOf(violations);
    }

    public List<GuideRules.Violation> violations() {
        return violations;
    }
}
