package org.zhengwu;

import java.util.List;

/** The production profile's refusal to start: every required setting that is missing or unusable, one a line. */
class ProductionSettingsMissing extends IllegalStateException {

    private final List<String> problems;

    ProductionSettingsMissing(List<String> problems) {
        super("The production profile refuses to start without " + problems.size() + " required setting"
                + (problems.size() == 1 ? "" : "s") + ":\n" + list(problems));
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }

    static String list(List<String> problems) {
        StringBuilder text = new StringBuilder();
        for (String problem : problems) {
            text.append("  - ").append(problem).append('\n');
        }
        return text.toString().stripTrailing();
    }
}
