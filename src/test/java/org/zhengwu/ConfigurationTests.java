package org.zhengwu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.unit.DataSize;

/**
 * The settings a deployment is told about keep working, and each default is written once: in application.yml where
 * an environment variable needs a placeholder, otherwise in the module's {@code @ConfigurationProperties} record.
 */
class ConfigurationTests {

    /** README's configuration table: {@code | `VARIABLE` (`property`) | default | meaning |}. */
    private static final Pattern DOCUMENTED = Pattern.compile("^\\| `([A-Z0-9_]+)` \\(`([a-z0-9.-]+)`\\) \\|");

    /** Documented in README without their property name in the table. */
    private static final Map<String, String> ALSO_DOCUMENTED = Map.of(
            "ZHENGWU_SERVICE_CLIENT_ID", "zhengwu.identity.service-client.id",
            "ZHENGWU_SERVICE_CLIENT_SECRET", "zhengwu.identity.service-client.secret");

    @Test
    void everyEnvironmentVariableTheReadmeNamesReachesItsProperty() throws IOException {
        Map<String, String> documented = new LinkedHashMap<>(ALSO_DOCUMENTED);
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            Matcher row = DOCUMENTED.matcher(line);
            if (row.find()) {
                documented.put(row.group(1), row.group(2));
            }
        }
        assertThat(documented).containsKeys("ZHENGWU_AUDIT_RETENTION", "ZHENGWU_CATALOG_SEPARATE_REVIEWER");
        documented.forEach((variable, property) -> {
            String value =
                    property.endsWith("enabled") || property.endsWith("reviewer") ? "false" : "probe-" + variable;
            Binder binder = binder(Map.of(variable, value));
            assertThat(binder.bind(property, String.class).orElse(null))
                    .as("%s sets %s", variable, property)
                    .isEqualTo(value);
        });
    }

    @Test
    void aDefaultInARecordIsNotRepeatedInApplicationYml() throws IOException {
        Map<String, Object> yml = flattened(new ClassPathResource("application.yml"));
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        List<String> recordDefaults = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("org.zhengwu")) {
            Class<?> type = load(candidate.getBeanClassName());
            collectDefaults(type.getAnnotation(ConfigurationProperties.class).value(), type, recordDefaults);
        }
        assertThat(recordDefaults)
                .as("settings with a default in their record")
                .contains(
                        "zhengwu.audit.retention", "zhengwu.catalog.code-layout.base", "zhengwu.portal.page-cache-ttl");
        assertThat(recordDefaults).as("also given a value in application.yml").noneMatch(yml::containsKey);
    }

    @Test
    void theUploadLimitIsTheContainersLimitPerFile() throws IOException {
        Map<String, Object> yml = flattened(new ClassPathResource("application.yml"));
        assertThat(yml).containsEntry("zhengwu.files.upload-limit", "20MB");
        assertThat(yml).containsEntry("spring.servlet.multipart.max-request-size", "60MB");
        assertThat(binder(Map.of())
                        .bind("spring.servlet.multipart.max-file-size", DataSize.class)
                        .get())
                .isEqualTo(DataSize.ofMegabytes(20));
        Binder configured = binder(Map.of("ZHENGWU_FILES_UPLOAD_LIMIT", "7MB"));
        assertThat(configured.bind("zhengwu.files.upload-limit", DataSize.class).get())
                .isEqualTo(DataSize.ofMegabytes(7));
        assertThat(configured
                        .bind("spring.servlet.multipart.max-file-size", DataSize.class)
                        .get())
                .as("the container follows the upload limit")
                .isEqualTo(DataSize.ofMegabytes(7));
    }

    private static void collectDefaults(String prefix, Class<?> type, List<String> into) {
        if (!type.isRecord()) {
            return;
        }
        RecordComponent[] components = type.getRecordComponents();
        Parameter[] parameters = canonicalConstructor(type, components).getParameters();
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            String name = prefix + "." + kebab(component.getName());
            // @DefaultValue applies to the canonical constructor's parameters, not to the record components.
            DefaultValue defaultValue = parameters[i].getAnnotation(DefaultValue.class);
            if (defaultValue != null && defaultValue.value().length > 0) {
                into.add(name);
            } else if (component.getType().isRecord()) {
                collectDefaults(name, component.getType(), into);
            }
        }
    }

    private static Constructor<?> canonicalConstructor(Class<?> type, RecordComponent[] components) {
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        try {
            return type.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static Binder binder(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        try {
            for (PropertySource<?> source :
                    new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ConfigurationPropertySources.attach(environment);
        return Binder.get(environment);
    }

    private static Map<String, Object> flattened(ClassPathResource yml) throws IOException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (PropertySource<?> source : new YamlPropertySourceLoader().load(yml.getPath(), yml)) {
            EnumerablePropertySource<?> enumerable = (EnumerablePropertySource<?>) source;
            for (String name : enumerable.getPropertyNames()) {
                values.put(name, String.valueOf(enumerable.getProperty(name)));
            }
        }
        return values;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
