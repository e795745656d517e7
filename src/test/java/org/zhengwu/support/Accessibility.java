package org.zhengwu.support;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import org.openqa.selenium.WebDriver;

/**
 * axe-core's rules for WCAG 2.0 and 2.1, levels A and AA, run in the browser on the page it shows, as the browser
 * tests check every page the platform serves. axe-core comes inside its Selenium library and is injected into the
 * page by the driver, so the page's Content-Security-Policy does not stand in its way and nothing is fetched.
 */
public final class Accessibility {

    /** The rule tags checked: WCAG 2.0 and 2.1, levels A and AA. */
    public static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private Accessibility() {}

    /**
     * Fails with every violation on the current page, each with its rule, impact, help text and the selectors of
     * the elements at fault; {@code page} names the page in the message. {@code excluded} are selectors of parts of
     * the page the rules cannot judge (say why at the call).
     */
    public static void assertNoViolations(WebDriver driver, String page, String... excluded) {
        AxeBuilder axe = new AxeBuilder().withTags(WCAG_21_AA);
        if (excluded.length > 0) {
            axe.exclude(List.of(excluded));
        }
        Results results = axe.analyze(driver);
        if (results.isErrored()) {
            throw new AssertionError("axe-core could not check " + page + " (" + driver.getCurrentUrl() + "): "
                    + results.getErrorMessage());
        }
        if (!results.getViolations().isEmpty()) {
            throw new AssertionError(report(page + " (" + driver.getCurrentUrl() + ")", results.getViolations()));
        }
    }

    /** The violations in a form a person can act on: one block per rule, one line per element. */
    static String report(String page, List<Rule> violations) {
        StringBuilder text = new StringBuilder()
                .append(violations.size())
                .append(" WCAG 2.1 A/AA rule(s) violated on ")
                .append(page)
                .append(':');
        for (Rule rule : violations) {
            text.append("\n- ")
                    .append(rule.getId())
                    .append(" (")
                    .append(rule.getImpact())
                    .append("): ")
                    .append(rule.getHelp())
                    .append(" — ")
                    .append(rule.getHelpUrl());
            for (CheckedNode node : rule.getNodes()) {
                text.append("\n    ").append(node.getTarget());
                if (node.getFailureSummary() != null) {
                    text.append("\n      ").append(node.getFailureSummary().replace("\n", "\n      "));
                }
            }
        }
        return text.toString();
    }
}
