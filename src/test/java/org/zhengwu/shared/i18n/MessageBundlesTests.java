package org.zhengwu.shared.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.zhengwu.ZhengwuApplication;

/**
 * Each module owns its texts: {@code i18n/<module>/messages.properties} (Chinese first) and
 * {@code messages_en.properties} (English), with the same keys, no blank text, and no key in two modules' bundles, so
 * that no page shows a key or a half-translated text and a module can be added or removed with its words. A template
 * names only keys that exist, and only keys of its own module, of {@code shared}, or of a module its module may depend
 * on ({@code @ApplicationModule(allowedDependencies=…)}). The templates at the root ({@code layout.html},
 * {@code forms.html}) and the error pages ({@code error/}) are rendered around or instead of every module's pages —
 * the error pages by shared itself, even without Spring MVC — and shared depends on no module: they use only
 * {@code shared}'s texts, although the portal serves the design system's files.
 */
class MessageBundlesTests {

    private static final Path BUNDLES = Path.of("src/main/resources/i18n");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final String CHINESE = "messages.properties";
    private static final String ENGLISH = "messages_en.properties";
    private static final String ERROR_PAGES = "error";

    /** A literal message key in a template: #{key} or #{key(arguments)}, not one assembled from expressions. */
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z][\\w.-]*)(?:\\(|})");

    /** A literal key given to the #messages utility: #messages.msg('key'), msgWithParams('key', …), msgOrNull(…). */
    private static final Pattern MESSAGES_CALL = Pattern.compile("#messages\\.msg\\w*\\(\\s*'([a-zA-Z][\\w.-]*)'");

    /** A family of keys a template completes at run time: #{'prefix.' + …} or @choices.named(…, 'prefix.', …). */
    private static final Pattern KEY_FAMILY = Pattern.compile(
            "#\\{\\s*'([a-zA-Z][\\w.-]*\\.)'\\s*\\+|@choices\\.named\\([^,()]+,\\s*'([a-zA-Z][\\w.-]*\\.)'");

    // A parser-level comment <!--/* … */-->, which Thymeleaf drops unread (a prototype-only comment <!--/*/ … /*/-->
    // is rendered, so it is read).
    private static final Pattern PARSER_COMMENT = Pattern.compile("<!--/\\*(?!/).*?\\*/-->", Pattern.DOTALL);

    private static ApplicationModules modules;

    private static synchronized ApplicationModules modules() {
        if (modules == null) {
            modules = ApplicationModules.of(ZhengwuApplication.class);
        }
        return modules;
    }

    private static Set<String> moduleNames() {
        Set<String> names = new TreeSet<>();
        modules().forEach(module -> names.add(module.getIdentifier().toString()));
        return names;
    }

    /** The module itself, shared, and the modules it declares it may depend on. */
    private static Set<String> mayUse(String module) {
        ApplicationModules all = modules();
        ApplicationModule owner = all.getModuleByName(module).orElseThrow();
        // A list, not Set.of: shared's own templates (templates/shared/) name shared twice.
        Set<String> allowed = new TreeSet<>(List.of(module, MessageBundles.SHARED));
        owner.getAllowedDependencies(all).stream()
                .map(dependency -> dependency.getTargetModule().getIdentifier().toString())
                .forEach(allowed::add);
        return allowed;
    }

    private static Properties load(Path file) throws IOException {
        Properties texts = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                texts.load(in);
            }
        }
        return texts;
    }

    /** Module folder → file name → texts, for every folder under i18n/. */
    private static Map<String, Map<String, Properties>> bundles() throws IOException {
        Map<String, Map<String, Properties>> bundles = new TreeMap<>();
        try (Stream<Path> folders = Files.list(BUNDLES)) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                bundles.put(
                        folder.getFileName().toString(),
                        Map.of(
                                CHINESE, load(folder.resolve(CHINESE)),
                                ENGLISH, load(folder.resolve(ENGLISH))));
            }
        }
        return bundles;
    }

    /** Key → the module whose bundles have it (the Chinese ones: the reference). */
    private static Map<String, String> owners() throws IOException {
        Map<String, String> owners = new TreeMap<>();
        bundles()
                .forEach((module, files) ->
                        files.get(CHINESE).stringPropertyNames().forEach(key -> owners.putIfAbsent(key, module)));
        return owners;
    }

    private static String file(String module, String name) {
        return "i18n/" + module + "/" + name;
    }

    /** What a template names: its literal keys and the prefixes of the key families it completes at run time. */
    private record Names(Path template, Set<String> keys, Set<String> families) {

        String path() {
            return "templates/" + TEMPLATES.relativize(template).toString().replace('\\', '/');
        }

        /** The module whose folder holds the template; null for the root templates and the error pages. */
        String folder() {
            Path relative = TEMPLATES.relativize(template);
            if (relative.getNameCount() == 1 || relative.getName(0).toString().equals(ERROR_PAGES)) {
                return null;
            }
            return relative.getName(0).toString();
        }
    }

    private static List<Names> templates() throws IOException {
        List<Names> names = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path template :
                    files.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                String text = PARSER_COMMENT.matcher(Files.readString(template)).replaceAll("");
                Set<String> keys = new TreeSet<>();
                for (Pattern literal : List.of(TEMPLATE_KEY, MESSAGES_CALL)) {
                    Matcher matcher = literal.matcher(text);
                    while (matcher.find()) {
                        keys.add(matcher.group(1));
                    }
                }
                Set<String> families = new TreeSet<>();
                Matcher family = KEY_FAMILY.matcher(text);
                while (family.find()) {
                    families.add(family.group(1) != null ? family.group(1) : family.group(2));
                }
                names.add(new Names(template, keys, families));
            }
        }
        return names;
    }

    @Test
    void everyFolderUnderI18nIsAModuleWithItsTwoBundlesAndNothingElse() throws IOException {
        Set<String> modules = moduleNames();
        List<String> failures = new ArrayList<>();
        try (Stream<Path> entries = Files.walk(BUNDLES)) {
            for (Path entry : entries.filter(p -> !p.equals(BUNDLES)).sorted().toList()) {
                Path relative = BUNDLES.relativize(entry);
                String module = relative.getName(0).toString();
                if (relative.getNameCount() == 1 && Files.isDirectory(entry) && !modules.contains(module)) {
                    failures.add("i18n/" + module + "/ is no module (the modules: " + modules + ")");
                } else if (Files.isRegularFile(entry)
                        && (relative.getNameCount() != 2
                                || !Set.of(CHINESE, ENGLISH)
                                        .contains(entry.getFileName().toString()))) {
                    failures.add("i18n/" + relative.toString().replace('\\', '/') + " is not a module's " + CHINESE
                            + " or " + ENGLISH);
                }
            }
        }
        bundles().keySet().stream().filter(modules::contains).forEach(module -> {
            for (String name : List.of(CHINESE, ENGLISH)) {
                if (!Files.isRegularFile(BUNDLES.resolve(module).resolve(name))) {
                    failures.add(file(module, name) + " is missing");
                }
            }
        });
        assertThat(bundles()).as("module folders under i18n/").containsKey(MessageBundles.SHARED);
        assertThat(failures).as("folders and files under i18n/").isEmpty();
    }

    @Test
    void bothLanguagesOfAModuleHaveTheSameKeysAndNoBlankText() throws IOException {
        List<String> failures = new ArrayList<>();
        bundles().forEach((module, files) -> {
            Properties chinese = files.get(CHINESE);
            Properties english = files.get(ENGLISH);
            for (String key : new TreeSet<>(chinese.stringPropertyNames())) {
                if (!english.containsKey(key)) {
                    failures.add(file(module, ENGLISH) + " lacks " + key + " (in " + CHINESE + ")");
                }
            }
            for (String key : new TreeSet<>(english.stringPropertyNames())) {
                if (!chinese.containsKey(key)) {
                    failures.add(file(module, CHINESE) + " lacks " + key + " (in " + ENGLISH + ")");
                }
            }
            files.forEach((name, texts) -> new TreeSet<>(texts.stringPropertyNames())
                    .stream()
                            .filter(key -> texts.getProperty(key).isBlank())
                            .forEach(key -> failures.add(file(module, name) + ": " + key + " has a blank text")));
        });
        assertThat(failures).as("keys and texts of each module's two languages").isEmpty();
    }

    /**
     * A key written twice in one file is silently the last one: two features using the same name (a page's title, a
     * refusal's text) each get the other's words on one of their pages.
     */
    @Test
    void noKeyIsWrittenTwiceInOneFile() throws IOException {
        List<String> failures = new ArrayList<>();
        try (Stream<Path> files = Files.walk(BUNDLES)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".properties")).toList()) {
                Map<String, Integer> firstLine = new java.util.HashMap<>();
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    int equals = line.indexOf('=');
                    if (line.isEmpty() || line.startsWith("#") || line.startsWith("!") || equals < 0) {
                        continue;
                    }
                    String key = line.substring(0, equals).strip();
                    Integer earlier = firstLine.putIfAbsent(key, i + 1);
                    if (earlier != null) {
                        failures.add(
                                BUNDLES.relativize(file) + ": " + key + " on lines " + earlier + " and " + (i + 1));
                    }
                }
            }
        }
        assertThat(failures).as("keys written twice in one file").isEmpty();
    }

    @Test
    void noKeyIsInTwoModulesBundles() throws IOException {
        Map<String, Set<String>> modulesByKey = new TreeMap<>();
        bundles()
                .forEach((module, files) -> files.forEach((name, texts) -> texts.stringPropertyNames()
                        .forEach(key -> modulesByKey
                                .computeIfAbsent(key, k -> new TreeSet<>())
                                .add(module))));
        List<String> failures = new ArrayList<>();
        modulesByKey.forEach((key, owners) -> {
            if (owners.size() > 1) {
                failures.add(key + " is in "
                        + owners.stream().map(m -> file(m, CHINESE)).toList()
                        + ": a key belongs to one module; the others may use it");
            }
        });
        assertThat(failures).as("keys in more than one module's bundles").isEmpty();
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        Map<String, String> owners = owners();
        List<String> failures = new ArrayList<>();
        for (Names names : templates()) {
            names.keys().stream()
                    .filter(key -> !owners.containsKey(key))
                    .forEach(key -> failures.add(names.path() + " names " + key + ", which no bundle has"));
            names.families().stream()
                    .filter(prefix -> owners.keySet().stream().noneMatch(key -> key.startsWith(prefix)))
                    .forEach(prefix ->
                            failures.add(names.path() + " names keys " + prefix + "…, of which no bundle has one"));
        }
        assertThat(failures).as("keys that templates name").isEmpty();
    }

    @Test
    void aTemplateNamesOnlyKeysOfItsModuleOfSharedOrOfAModuleItsModuleMayUse() throws IOException {
        Set<String> modules = moduleNames();
        Map<String, String> owners = owners();
        List<String> failures = new ArrayList<>();
        for (Names names : templates()) {
            String folder = names.folder();
            if (folder != null && !modules.contains(folder)) {
                failures.add(names.path() + " is in no module's folder: templates/<module>/, or at the root for the"
                        + " layout and the design system, or in templates/error/");
                continue;
            }
            Set<String> allowed = folder == null ? Set.of(MessageBundles.SHARED) : mayUse(folder);
            String user = folder == null ? "a root template" : folder;
            for (String key : names.keys()) {
                String owner = owners.get(key);
                if (owner != null && !allowed.contains(owner)) {
                    failures.add(names.path() + " names " + key + " of " + file(owner, CHINESE) + "; " + user
                            + " may use the texts of " + allowed);
                }
            }
            for (String prefix : names.families()) {
                Set<String> family = new TreeSet<>();
                owners.forEach((key, owner) -> {
                    if (key.startsWith(prefix)) {
                        family.add(owner);
                    }
                });
                if (!family.isEmpty() && family.stream().noneMatch(allowed::contains)) {
                    failures.add(names.path() + " names keys " + prefix + "… of " + family + "; " + user
                            + " may use the texts of " + allowed);
                }
            }
        }
        assertThat(failures).as("keys that templates may name").isEmpty();
    }

    @Test
    void theMessageSourceReadsEveryModulesBundlesSharedFirst() throws IOException {
        List<String> expected = new ArrayList<>(List.of(MessageBundles.basename(MessageBundles.SHARED)));
        bundles().keySet().stream()
                .filter(module -> !module.equals(MessageBundles.SHARED))
                .map(MessageBundles::basename)
                .forEach(expected::add);
        assertThat(MessageBundles.basenames(new PathMatchingResourcePatternResolver()))
                .containsExactlyElementsOf(expected);

        MessageSource messages = new MessageBundles().messageSource(new DefaultResourceLoader());
        bundles().forEach((module, files) -> {
            String key = new TreeSet<>(files.get(CHINESE).stringPropertyNames()).first();
            assertThat(messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE))
                    .as("%s in Chinese", key)
                    .isEqualTo(files.get(CHINESE).getProperty(key));
            assertThat(messages.getMessage(key, null, Locale.ENGLISH))
                    .as("%s in English", key)
                    .isEqualTo(files.get(ENGLISH).getProperty(key));
            assertThat(messages.getMessage(key, null, Locale.FRENCH))
                    .as("%s for a language we do not speak: Chinese, whatever the server's language", key)
                    .isEqualTo(files.get(CHINESE).getProperty(key));
        });
        // Asked again (answered from what the source remembers): the same texts, unknown keys still unknown, and
        // arguments still formatted in each language.
        for (int round = 0; round < 2; round++) {
            assertThatExceptionOfType(NoSuchMessageException.class)
                    .isThrownBy(() -> messages.getMessage("no.such.key", null, Locale.SIMPLIFIED_CHINESE));
            assertThat(messages.getMessage("validation.range", new Object[] {1, 9}, Locale.SIMPLIFIED_CHINESE))
                    .isEqualTo("请输入 1 到 9 之间的整数。");
            assertThat(messages.getMessage("validation.range", new Object[] {2, 5}, Locale.SIMPLIFIED_CHINESE))
                    .isEqualTo("请输入 2 到 5 之间的整数。");
            assertThat(messages.getMessage("validation.range", new Object[] {1, 9}, Locale.ENGLISH))
                    .isEqualTo(new java.text.MessageFormat(
                                    files(MessageBundles.SHARED, ENGLISH).getProperty("validation.range"),
                                    Locale.ENGLISH)
                            .format(new Object[] {1, 9}));
            assertThat(messages.getMessage("pagination.next", null, Locale.ENGLISH))
                    .isEqualTo("Next");
            assertThat(messages.getMessage("pagination.next", null, Locale.SIMPLIFIED_CHINESE))
                    .isEqualTo("下一页");
        }
    }

    private static java.util.Properties files(String module, String language) throws IOException {
        return bundles().get(module).get(language);
    }
}
