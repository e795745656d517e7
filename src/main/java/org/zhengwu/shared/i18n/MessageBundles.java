package org.zhengwu.shared.i18n;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternUtils;

/**
 * The application's message source: the bundles of every module, {@code i18n/<module>/messages.properties} and
 * {@code messages_en.properties}, as found on the class path at start-up (a new module adds its folder, nothing else).
 * A key lives in one module's bundles only ({@code MessageBundlesTests}), so the order of the bundles changes no
 * answer; it is fixed all the same: {@code shared} first, because a look-up tries the bundles in turn and shared's
 * texts — the layout, the words of the forms, the error pages — are asked for on every page; then the other modules by
 * name, whatever order the class path lists them in. Spring Boot's own message source backs off: it is made only when
 * no bean has this name.
 */
@Configuration(proxyBeanMethods = false)
class MessageBundles {

    /** Each module's Chinese bundle; its English one lies beside it. */
    static final String LOCATION = "classpath*:i18n/*/messages.properties";

    static final String SHARED = "shared";

    private static final Pattern MODULE = Pattern.compile("/i18n/([^/]+)/messages\\.properties$");

    @Bean(AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME)
    MessageSource messageSource(ResourceLoader resources) throws IOException {
        ResourceBundleMessageSource messages = new RememberingMessageSource();
        messages.setBasenames(basenames(ResourcePatternUtils.getResourcePatternResolver(resources))
                .toArray(String[]::new));
        messages.setDefaultEncoding("UTF-8");
        // A reader whose language we do not speak gets Chinese, not the server's language.
        messages.setFallbackToSystemLocale(false);
        // An unknown key is an error or the caller's own default, never the key passed off as a text.
        messages.setUseCodeAsDefaultMessage(false);
        return messages;
    }

    /** The base names of the bundles found: {@code i18n/shared/messages} first, then the modules by name. */
    static List<String> basenames(ResourcePatternResolver resolver) throws IOException {
        SortedSet<String> modules = new TreeSet<>();
        for (Resource bundle : resolver.getResources(LOCATION)) {
            Matcher module = MODULE.matcher(bundle.getURL().toString());
            if (module.find()) {
                modules.add(module.group(1));
            }
        }
        if (modules.isEmpty()) {
            throw new IllegalStateException("No message bundles on the class path (" + LOCATION + ")");
        }
        List<String> basenames = new ArrayList<>();
        if (modules.remove(SHARED)) {
            basenames.add(basename(SHARED));
        }
        modules.forEach(module -> basenames.add(basename(module)));
        return basenames;
    }

    static String basename(String module) {
        return "i18n/" + module + "/messages";
    }

    /**
     * Remembers where each text was found. A look-up tries the bundles in turn — ten of them, for a text of the last
     * module nine misses first — and a page asks for dozens of texts (the search page about 35: a tenth of its
     * rendering time in the profile of docs/BENCHMARKS.md); the answer for a language and a key never changes while
     * the application runs (the bundles are read once, never reloaded). Bounded, because a key may be built from what
     * a request sent and a language from its Accept-Language header.
     */
    static final class RememberingMessageSource extends ResourceBundleMessageSource {

        private record Key(Locale locale, String code) {}

        private final Cache<Key, Optional<String>> texts =
                Caffeine.newBuilder().maximumSize(50_000).build();
        private final Cache<Key, Optional<MessageFormat>> formats =
                Caffeine.newBuilder().maximumSize(50_000).build();

        @Override
        protected String resolveCodeWithoutArguments(String code, Locale locale) {
            return texts.get(
                            new Key(locale, code),
                            k -> Optional.ofNullable(super.resolveCodeWithoutArguments(code, locale)))
                    .orElse(null);
        }

        @Override
        protected MessageFormat resolveCode(String code, Locale locale) {
            // The same MessageFormat each time, as the bundles' own cache gives: Spring formats with it under its lock.
            return formats.get(new Key(locale, code), k -> Optional.ofNullable(super.resolveCode(code, locale)))
                    .orElse(null);
        }
    }
}
