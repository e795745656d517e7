package org.zhengwu.identity.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The passwords shipped in {@code identity/common-passwords.txt} (one a line, lower case): the most common and most
 * often breached passwords, and the patterns Chinese users favour — pinyin names with years and birthdays, keyboard
 * walks, 我爱你 numbers. They are what an attacker tries first, whatever their length and character classes. Read once,
 * on first use, into a set; a check is a hash lookup, and sign-in never makes one.
 */
public final class CommonPasswords {

    static final String RESOURCE = "identity/common-passwords.txt";

    private CommonPasswords() {}

    private static final class Loaded {
        static final Set<String> LIST = load();
    }

    /**
     * Whether the password, ignoring case, is on the list — also once the symbols typed before or after it are taken
     * off ({@code Zhang1990!!} is {@code zhang1990} with decoration).
     */
    public static boolean contains(String password) {
        if (password == null) {
            return false;
        }
        String lower = password.toLowerCase(Locale.ROOT);
        return Loaded.LIST.contains(lower) || Loaded.LIST.contains(undecorated(lower));
    }

    /** How many passwords the list holds. */
    public static int size() {
        return Loaded.LIST.size();
    }

    static String undecorated(String password) {
        int start = 0;
        int end = password.length();
        while (start < end && !Character.isLetterOrDigit(password.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetterOrDigit(password.charAt(end - 1))) {
            end--;
        }
        return password.substring(start, end);
    }

    private static Set<String> load() {
        try (InputStream in = CommonPasswords.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            Set<String> list = new HashSet<>(16_384);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    list.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
            return Set.copyOf(list);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
