package org.zhengwu.shared.access;

import java.util.Locale;

/**
 * A name in the platform's two languages, as the administration screens show it: Chinese, and English for readers
 * who chose it ({@code ?lang=en}).
 */
public record Bilingual(String chinese, String english) {

    /** The longest name the tables keep. */
    public static final int MAX_LENGTH = 100;

    public Bilingual {
        chinese = required(chinese, "Chinese");
        english = required(english, "English");
    }

    /** The name in the reader's language: English for an English locale, Chinese for every other. */
    public String in(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? english : chinese;
    }

    private static String required(String text, String language) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a " + language + " name is required");
        }
        String name = text.strip();
        if (name.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "the " + language + " name '" + name + "' is longer than " + MAX_LENGTH + " characters");
        }
        return name;
    }
}
