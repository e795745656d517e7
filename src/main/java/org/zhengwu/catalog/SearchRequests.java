package org.zhengwu.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.zhengwu.basedata.Divisions;
import org.zhengwu.shared.codes.CodeCheck;
import org.zhengwu.shared.codes.CodeTable;
import org.zhengwu.shared.codes.DivisionCode;
import org.zhengwu.shared.codes.UnifiedSocialCreditCode;

/**
 * Reads search parameters as a browser or an API client sends them (all text, all optional) into a
 * {@link SearchQuery}, naming every parameter that cannot be used and why.
 */
@Component
public class SearchRequests {

    public static final int MAX_PAGE = 1000;

    /** A parameter that cannot be used: its name, a message key and the message's values. */
    public record Problem(String parameter, String messageKey, List<Object> arguments) {
        public Problem {
            arguments = List.copyOf(arguments);
        }

        public Object[] argumentArray() {
            return arguments.toArray();
        }
    }

    /** The query when every parameter was usable, else the problems. */
    public record Parsed(SearchQuery query, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** The parameters exactly as received. */
    public record Parameters(
            String q,
            String type,
            String organisation,
            String division,
            String serviceObject,
            String depth,
            String theme,
            String page,
            String size) {}

    private final Divisions divisions;

    SearchRequests(Divisions divisions) {
        this.divisions = divisions;
    }

    public Parsed parse(Parameters p, int defaultSize) {
        List<Problem> problems = new ArrayList<>();
        String text = blankToNull(p.q());
        if (text != null && text.length() > SearchQuery.MAX_TEXT_LENGTH) {
            problems.add(new Problem("q", "search.problem.q-too-long", List.of(SearchQuery.MAX_TEXT_LENGTH)));
        }
        ItemType type = code(ItemType.class, "type", p.type(), problems);
        ServiceObject object = code(ServiceObject.class, "object", p.serviceObject(), problems);
        OnlineLevel depth = code(OnlineLevel.class, "depth", p.depth(), problems);
        ServiceTheme theme = code(ServiceTheme.class, "theme", p.theme(), problems);
        String organisation = blankToNull(p.organisation());
        if (organisation != null) {
            CodeCheck check = UnifiedSocialCreditCode.check(organisation);
            if (!check.isValid() && !check.isCheckFailureOnly()) {
                problems.add(new Problem("org", check.defect().messageKey(), check.arguments()));
            }
            organisation = check.normalised();
        }
        String division = blankToNull(p.division());
        if (division != null) {
            CodeCheck check = DivisionCode.check(division, divisions.today(), divisions);
            if (!check.isValid()) {
                problems.add(new Problem("division", check.defect().messageKey(), check.arguments()));
            }
        }
        int page = number("page", p.page(), 1, 1, MAX_PAGE, problems);
        int size = number("size", p.size(), defaultSize, 1, SearchQuery.MAX_SIZE, problems);
        if (!problems.isEmpty()) {
            return new Parsed(null, problems);
        }
        return new Parsed(
                new SearchQuery(text, type, organisation, division, object, depth, theme, page, size), List.of());
    }

    private static <E extends Enum<E> & CodeTable> E code(
            Class<E> table, String parameter, String value, List<Problem> problems) {
        String code = blankToNull(value);
        if (code == null) {
            return null;
        }
        Optional<E> found = CodeTable.fromCode(table, code);
        if (found.isEmpty()) {
            problems.add(new Problem(parameter, "search.problem.unknown-code", List.of(code)));
        }
        return found.orElse(null);
    }

    private static int number(String parameter, String value, int fallback, int min, int max, List<Problem> problems) {
        String text = blankToNull(value);
        if (text == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(text);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new Problem(parameter, "search.problem.number", List.of(min, max)));
        return fallback;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
