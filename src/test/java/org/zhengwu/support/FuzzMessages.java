package org.zhengwu.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the fuzz tests ask of a refusal: that it is a specific message a person can read. The key is in a module's
 * Chinese and English bundles, and the arguments fill exactly the placeholders of both texts (no {0} left unfilled,
 * no argument for a placeholder that is not there). Reads the bundle files directly, without Spring.
 */
public final class FuzzMessages {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");
    private static final Map<String, Properties> BUNDLES = new ConcurrentHashMap<>();

    private FuzzMessages() {}

    /** As {@link #assertMessage(String, String, List)}, for a key that is in the first of these modules' bundles that has it. */
    public static void assertMessage(List<String> modules, String key, List<?> arguments) {
        String module = modules.stream()
                .filter(m -> BUNDLES.computeIfAbsent(m, FuzzMessages::load).containsKey(key))
                .findFirst()
                .orElse(modules.get(0));
        assertMessage(module, key, arguments);
    }

    /** Asserts that {@code key} is a message of {@code module} in both languages, filled exactly by the arguments. */
    public static void assertMessage(String module, String key, List<?> arguments) {
        for (String suffix : List.of("", "_en")) {
            Properties bundle = BUNDLES.computeIfAbsent(module + suffix, FuzzMessages::load);
            String text = bundle.getProperty(key);
            assertThat(text)
                    .as("message %s in i18n/%s/messages%s.properties", key, module, suffix)
                    .isNotNull();
            int highest = -1;
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                highest = Math.max(highest, Integer.parseInt(m.group(1)));
            }
            assertThat(arguments)
                    .as("arguments of %s (%s) for the placeholders of: %s", key, arguments, text)
                    .hasSizeGreaterThan(highest);
            String formatted = new MessageFormat(text, Locale.ROOT).format(arguments.toArray());
            assertThat(formatted).as("formatted %s", key).isNotBlank();
        }
    }

    private static Properties load(String name) {
        String module = name.endsWith("_en") ? name.substring(0, name.length() - 3) : name;
        String file = "i18n/" + module + "/messages" + (name.endsWith("_en") ? "_en" : "") + ".properties";
        Properties properties = new Properties();
        try (InputStream in = FuzzMessages.class.getClassLoader().getResourceAsStream(file)) {
            assertThat(in).as(file).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
