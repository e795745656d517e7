package org.zhengwu.catalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The regular expressions an editor may give a text field, and their matching with a bounded amount of work, so
 * that no pattern typed into the catalogue can hang a server that checks an applicant's answer.
 *
 * <p>Two defences. The syntax is a small subset: literals, {@code .}, the classes {@code \d \D \w \W \s \S}, the
 * scripts and categories {@code \p{IsHan} \p{L} \p{N} \p{Lu} \p{Ll}} (and their {@code \P} negations), escaped
 * metacharacters and {@code \}{@code uXXXX}, bracket classes with ranges, groups {@code ( )} and {@code (?: )},
 * alternation, the anchors {@code ^ $}, and the quantifiers {@code ? * + {n} {n,} {n,m}} (optionally lazy) with
 * counts up to {@value #MAX_REPEAT}. Refused: back-references, look-around, atomic and possessive forms, flags,
 * nested or intersected classes, and — the cause of catastrophic backtracking — repeating a group that itself
 * repeats or alternates ({@code (a+)+}, {@code (a|ab)*}). Second, every match counts the characters the engine
 * reads and stops at {@value #STEP_BUDGET}; a pattern that runs out of that budget on probing input when an editor
 * saves it is refused as too slow, and an answer that runs it out at run time is treated as not matching.
 */
final class SafePattern {

    static final int MAX_LENGTH = 200;
    static final int MAX_REPEAT = 1000;
    static final long STEP_BUDGET = 200_000;

    private static final Set<String> PROPERTIES = Set.of("IsHan", "L", "N", "Lu", "Ll");
    private static final String ESCAPABLE = "\\.[]{}()*+?^$|/-";

    /** Why a pattern is refused: a message key of the catalogue's bundles and its values. */
    record Refusal(String messageKey, List<Object> arguments) {
        Refusal {
            arguments = List.copyOf(arguments);
        }
    }

    /** The outcome of matching a value. */
    enum Outcome {
        MATCH,
        MISMATCH,
        /** The budget of work ran out before the engine decided. */
        TOO_SLOW
    }

    private final String pattern;
    private int position;
    /** Characters that the pattern's atoms accept, to build probing input from. */
    private final Set<Character> samples = new LinkedHashSet<>();

    private SafePattern(String pattern) {
        this.pattern = pattern;
    }

    /**
     * Whether an editor may give this pattern to a field whose values are at most {@code maxLength} characters.
     *
     * @return the reason for refusal, or empty when the pattern is safe
     */
    static Optional<Refusal> check(String pattern, int maxLength) {
        if (pattern.length() > MAX_LENGTH) {
            return refuse("applicationForm.rule.pattern-too-long", MAX_LENGTH);
        }
        SafePattern parser = new SafePattern(pattern);
        Optional<Refusal> refusal;
        try {
            parser.parseAlternation(0);
            refusal = parser.position < pattern.length()
                    ? refuse("applicationForm.rule.pattern-syntax", parser.position + 1)
                    : Optional.empty();
        } catch (Refused e) {
            refusal = Optional.of(e.refusal);
        }
        if (refusal.isPresent()) {
            return refusal;
        }
        Pattern compiled;
        try {
            compiled = Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            return refuse("applicationForm.rule.pattern-syntax", Math.max(e.getIndex(), 0) + 1);
        }
        return parser.probe(compiled, maxLength);
    }

    /** The compiled form of a pattern {@link #check} accepted. */
    static Pattern compile(String pattern) {
        return Pattern.compile(pattern);
    }

    /** Whether the whole value matches, reading at most {@value #STEP_BUDGET} characters. */
    static Outcome matches(Pattern pattern, String value) {
        try {
            return pattern.matcher(new Budgeted(value, new long[] {0})).matches() ? Outcome.MATCH : Outcome.MISMATCH;
        } catch (BudgetExceeded e) {
            return Outcome.TOO_SLOW;
        } catch (StackOverflowError e) {
            // Deep recursion on a long value: as slow as a pattern may not be.
            return Outcome.TOO_SLOW;
        }
    }

    /**
     * Input built to make a backtracking engine work hardest: each character the pattern accepts, repeated to the
     * longest value allowed, then a character that fails at the end; and all of them in turn.
     */
    private Optional<Refusal> probe(Pattern compiled, int maxLength) {
        List<String> probes = new ArrayList<>();
        StringBuilder mixed = new StringBuilder();
        for (char sample : samples) {
            probes.add(String.valueOf(sample).repeat(maxLength - 1) + '\u0001');
            probes.add(String.valueOf(sample).repeat(maxLength));
            mixed.append(sample);
        }
        if (!mixed.isEmpty()) {
            String cycle = mixed.toString().repeat(maxLength / mixed.length() + 1);
            probes.add(cycle.substring(0, maxLength - 1) + '\u0001');
        }
        for (String probe : probes) {
            if (matches(compiled, probe) == Outcome.TOO_SLOW) {
                return refuse("applicationForm.rule.pattern-slow");
            }
        }
        return Optional.empty();
    }

    // ---- the subset's grammar ----

    /** What a (sub)expression holds, for the rule that a repeated group may neither repeat nor alternate inside. */
    private record Shape(boolean repeats, boolean alternates) {
        Shape with(Shape other) {
            return new Shape(repeats || other.repeats, alternates || other.alternates);
        }
    }

    private Shape parseAlternation(int depth) {
        Shape shape = parseSequence(depth);
        while (position < pattern.length() && pattern.charAt(position) == '|') {
            position++;
            shape = shape.with(parseSequence(depth)).with(new Shape(false, true));
        }
        return shape;
    }

    private Shape parseSequence(int depth) {
        Shape shape = new Shape(false, false);
        while (position < pattern.length()) {
            char c = pattern.charAt(position);
            if (c == '|' || c == ')') {
                if (c == ')' && depth == 0) {
                    throw refused("applicationForm.rule.pattern-syntax", position + 1);
                }
                return shape;
            }
            int start = position;
            Atom atom = parseAtom(depth);
            shape = shape.with(atom.shape());
            if (position < pattern.length() && "?*+{".indexOf(pattern.charAt(position)) >= 0) {
                if (!atom.repeatable()) {
                    throw refused("applicationForm.rule.pattern-syntax", position + 1);
                }
                if (atom.shape().repeats() || atom.shape().alternates()) {
                    throw refused("applicationForm.rule.pattern-nested", start + 1);
                }
                parseQuantifier();
                shape = shape.with(new Shape(true, false));
            }
        }
        return shape;
    }

    private record Atom(Shape shape, boolean repeatable) {}

    private Atom parseAtom(int depth) {
        char c = pattern.charAt(position);
        switch (c) {
            case '(' -> {
                int start = position;
                position++;
                if (pattern.startsWith("?:", position)) {
                    position += 2;
                } else if (position < pattern.length() && pattern.charAt(position) == '?') {
                    throw construct(start, 3);
                }
                Shape inner = parseAlternation(depth + 1);
                if (position >= pattern.length() || pattern.charAt(position) != ')') {
                    throw refused("applicationForm.rule.pattern-syntax", start + 1);
                }
                position++;
                return new Atom(inner, true);
            }
            case '[' -> {
                parseClass();
                return new Atom(new Shape(false, false), true);
            }
            case '\\' -> {
                parseEscape(false);
                return new Atom(new Shape(false, false), true);
            }
            case '^', '$' -> {
                position++;
                return new Atom(new Shape(false, false), false);
            }
            case '.' -> {
                position++;
                samples.add('a');
                return new Atom(new Shape(false, false), true);
            }
            case '*', '+', '?', '{', '}', ']' -> throw refused("applicationForm.rule.pattern-syntax", position + 1);
            default -> {
                position++;
                samples.add(c);
                return new Atom(new Shape(false, false), true);
            }
        }
    }

    private void parseQuantifier() {
        char c = pattern.charAt(position);
        int start = position;
        if (c == '{') {
            int close = pattern.indexOf('}', position);
            String body = close < 0 ? "" : pattern.substring(position + 1, close);
            if (!body.matches("[0-9]{1,4}(,[0-9]{0,4})?")) {
                throw refused("applicationForm.rule.pattern-syntax", start + 1);
            }
            String[] bounds = body.split(",", -1);
            int min = Integer.parseInt(bounds[0]);
            int max = bounds.length == 1 || bounds[1].isEmpty() ? min : Integer.parseInt(bounds[1]);
            if (min > MAX_REPEAT || max > MAX_REPEAT) {
                throw refused("applicationForm.rule.pattern-repeat", MAX_REPEAT);
            }
            if (max < min) {
                throw refused("applicationForm.rule.pattern-syntax", start + 1);
            }
            position = close + 1;
        } else {
            position++;
        }
        if (position < pattern.length() && pattern.charAt(position) == '?') {
            position++;
        } else if (position < pattern.length() && pattern.charAt(position) == '+') {
            throw construct(start, position + 1 - start);
        }
        if (position < pattern.length() && "?*+{".indexOf(pattern.charAt(position)) >= 0) {
            throw refused("applicationForm.rule.pattern-nested", start + 1);
        }
    }

    private void parseClass() {
        int start = position;
        position++;
        if (position < pattern.length() && pattern.charAt(position) == '^') {
            position++;
        }
        int items = 0;
        while (true) {
            if (position >= pattern.length()) {
                throw refused("applicationForm.rule.pattern-syntax", start + 1);
            }
            char c = pattern.charAt(position);
            if (c == ']' && items > 0) {
                position++;
                return;
            }
            if (c == ']' || c == '[') {
                throw c == '[' ? construct(position, 1) : refused("applicationForm.rule.pattern-syntax", position + 1);
            }
            if (c == '&' && pattern.startsWith("&&", position)) {
                throw construct(position, 2);
            }
            if (c == '\\') {
                parseEscape(true);
            } else {
                position++;
                samples.add(c);
                if (position + 1 < pattern.length()
                        && pattern.charAt(position) == '-'
                        && pattern.charAt(position + 1) != ']') {
                    char end = pattern.charAt(position + 1);
                    if (end == '\\' || end == '[' || end < c) {
                        throw refused("applicationForm.rule.pattern-syntax", position + 1);
                    }
                    position += 2;
                }
            }
            items++;
        }
    }

    private void parseEscape(boolean inClass) {
        int start = position;
        if (position + 1 >= pattern.length()) {
            throw refused("applicationForm.rule.pattern-syntax", start + 1);
        }
        char c = pattern.charAt(position + 1);
        switch (c) {
            case 'd', 'D' -> {
                samples.add('0');
                position += 2;
            }
            case 'w', 'W' -> {
                samples.add('a');
                position += 2;
            }
            case 's', 'S' -> {
                samples.add(' ');
                position += 2;
            }
            case 'p', 'P' -> {
                int close = pattern.indexOf('}', position);
                if (position + 2 >= pattern.length() || pattern.charAt(position + 2) != '{' || close < 0) {
                    throw construct(start, 2);
                }
                String name = pattern.substring(position + 3, close);
                if (!PROPERTIES.contains(name)) {
                    throw construct(start, close + 1 - start);
                }
                samples.add(name.equals("IsHan") ? '中' : name.equals("N") ? '0' : 'a');
                position = close + 1;
            }
            case 'u' -> {
                if (position + 6 > pattern.length()
                        || !pattern.substring(position + 2, position + 6).matches("[0-9a-fA-F]{4}")) {
                    throw construct(start, 2);
                }
                samples.add((char) Integer.parseInt(pattern.substring(position + 2, position + 6), 16));
                position += 6;
            }
            default -> {
                if (ESCAPABLE.indexOf(c) < 0) {
                    throw construct(start, 2);
                }
                samples.add(c);
                position += 2;
            }
        }
    }

    // ---- refusals ----

    private static final class Refused extends RuntimeException {
        final Refusal refusal;

        Refused(Refusal refusal) {
            super(refusal.messageKey(), null, false, false);
            this.refusal = refusal;
        }
    }

    private Refused construct(int start, int length) {
        String text = pattern.substring(start, Math.min(pattern.length(), start + length));
        return refused("applicationForm.rule.pattern-construct", start + 1, text);
    }

    private static Refused refused(String key, Object... arguments) {
        return new Refused(new Refusal(key, List.of(arguments)));
    }

    private static Optional<Refusal> refuse(String key, Object... arguments) {
        return Optional.of(new Refusal(key, List.of(arguments)));
    }

    /** Budget exhausted: thrown from inside the engine, without a stack trace, which nobody reads. */
    private static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded() {
            super("regular expression budget exceeded", null, false, false);
        }
    }

    /** The value as the engine reads it, one character at a time, each read counted against the budget. */
    private record Budgeted(String text, long[] reads) implements CharSequence {

        @Override
        public char charAt(int index) {
            if (++reads[0] > STEP_BUDGET) {
                throw new BudgetExceeded();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Budgeted(text.substring(start, end), reads);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
