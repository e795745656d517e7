package org.zhengwu.catalog.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns text into search terms without a dictionary: Chinese runs give their single characters and overlapping
 * character pairs (bigrams), Latin letters and digits give whole lower-case words. A query matches a document when
 * the document holds all of the query's terms, so 营业执照 (营业, 业执, 执照) finds any text containing 营业执照.
 */
public final class SearchTerms {

    public static final int MAX_QUERY_TERMS = 40;

    private SearchTerms() {}

    /** Full-width letters and digits to half-width, lower case, outer blanks removed. */
    public static String normalise(String text) {
        return text == null
                ? ""
                : Normalizer.normalize(text, Normalizer.Form.NFKC)
                        .toLowerCase(Locale.ROOT)
                        .strip();
    }

    /** Every term a document offers: unigrams and bigrams of Chinese runs, and words. */
    public static Set<String> ofDocument(String... texts) {
        Set<String> terms = new LinkedHashSet<>();
        for (String text : texts) {
            for (Run run : runs(normalise(text))) {
                if (run.chinese()) {
                    terms.addAll(characters(run.text()));
                    terms.addAll(bigrams(run.text()));
                } else {
                    terms.add(run.text());
                }
            }
        }
        return terms;
    }

    /** The terms a query needs: bigrams of each Chinese run (the character itself for a single one), and words. */
    public static List<String> ofQuery(String query) {
        Set<String> terms = new LinkedHashSet<>();
        for (Run run : runs(normalise(query))) {
            if (run.chinese()) {
                terms.addAll(
                        run.text().codePointCount(0, run.text().length()) == 1
                                ? List.of(run.text())
                                : bigrams(run.text()));
            } else {
                terms.add(run.text());
            }
        }
        return new ArrayList<>(terms).subList(0, Math.min(terms.size(), MAX_QUERY_TERMS));
    }

    private record Run(String text, boolean chinese) {}

    private static List<Run> runs(String text) {
        List<Run> runs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        Boolean currentChinese = null;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            boolean chinese = Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
            boolean word = !chinese && Character.isLetterOrDigit(codePoint);
            if (!chinese && !word) {
                flush(runs, current, currentChinese);
                currentChinese = null;
                continue;
            }
            if (currentChinese != null && currentChinese != chinese) {
                flush(runs, current, currentChinese);
            }
            currentChinese = chinese;
            current.appendCodePoint(codePoint);
        }
        flush(runs, current, currentChinese);
        return runs;
    }

    private static void flush(List<Run> runs, StringBuilder current, Boolean chinese) {
        if (!current.isEmpty()) {
            runs.add(new Run(current.toString(), chinese));
            current.setLength(0);
        }
    }

    private static List<String> characters(String run) {
        return run.codePoints().mapToObj(Character::toString).toList();
    }

    private static List<String> bigrams(String run) {
        int[] codePoints = run.codePoints().toArray();
        List<String> bigrams = new ArrayList<>();
        for (int i = 0; i + 1 < codePoints.length; i++) {
            bigrams.add(new String(codePoints, i, 2));
        }
        return bigrams;
    }
}
