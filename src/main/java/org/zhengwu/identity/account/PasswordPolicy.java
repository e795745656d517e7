package org.zhengwu.identity.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * 等保 2.0 level-3 password rules (GB/T 22239-2019, 身份鉴别): at least 8 characters of at least three of the four
 * classes (upper case, lower case, digits, other), not containing the username or the 公民身份号码, and not one of the
 * common and breached passwords shipped with the platform ({@link CommonPasswords}: {@code Woaini1314} has three
 * classes and ten characters, and is among the first an attacker tries). Reuse of the last five passwords is checked
 * against their hashes by {@link Passwords}.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;
    public static final int HISTORY = 5;

    private PasswordPolicy() {}

    /** Message keys of the rules the password breaks; empty when it is acceptable. */
    public static List<String> check(String password, String username, String idNumber) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.length() < MIN_LENGTH) {
            problems.add("password.rule.length");
            return problems;
        }
        if (password.length() > MAX_LENGTH) {
            problems.add("password.rule.too-long");
            return problems;
        }
        int classes = 0;
        classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
        classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
        if (classes < 3) {
            problems.add("password.rule.classes");
        }
        if (CommonPasswords.contains(password)) {
            problems.add("password.rule.common");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
            problems.add("password.rule.username");
        }
        if (idNumber != null && !idNumber.isBlank()) {
            String id = idNumber.toLowerCase(Locale.ROOT);
            // The whole number, its date of birth or its last six characters are all guessable.
            if (lower.contains(id) || lower.contains(id.substring(6, 14)) || lower.contains(id.substring(12))) {
                problems.add("password.rule.id-number");
            }
        }
        return problems;
    }
}
