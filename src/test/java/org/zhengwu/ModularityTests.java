package org.zhengwu;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.DependencyType;
import org.springframework.modulith.core.EventType;
import org.springframework.modulith.docs.Documenter;

/**
 * The architecture is checked and drawn from the code. Fails the build when a module reaches into another module's
 * internals, depends on a module it does not declare, or the modules form a cycle; and keeps the generated module
 * documentation in {@code docs/modules} (linked from {@code docs/ARCHITECTURE.md}) identical to what the code says.
 */
class ModularityTests {

    /**
     * Every module and what it may use: other modules, and the shared kernels ({@code shared::*}: every named interface
     * of shared; shared itself uses nothing of ours).
     */
    private static final Map<String, List<String>> INTENDED = Map.of(
            "shared", List.of(),
            "basedata", List.of("shared::*"),
            "identity", List.of("basedata", "shared::*"),
            "catalog", List.of("basedata", "identity", "shared::*"),
            "portal", List.of("basedata", "identity", "catalog", "shared::*"),
            "cases", List.of("basedata", "identity", "catalog", "shared::*"),
            "licence", List.of("basedata", "identity", "catalog", "cases", "shared::*"),
            "exchange", List.of("basedata", "identity", "licence", "shared::*"));

    static final Path COMMITTED_DOCS = Path.of("docs/modules");
    private static final Path GENERATED_DOCS = Path.of("target/modulith-docs");

    private final ApplicationModules modules = ApplicationModules.of(ZhengwuApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void exactlyTheIntendedModulesExist() {
        assertThat(modules.stream().map(module -> module.getIdentifier().toString()))
                .containsExactlyInAnyOrderElementsOf(INTENDED.keySet());
    }

    /**
     * A module that does not declare {@code allowedDependencies} may use any other module; every module here declares
     * them, and exactly the intended ones, so a new dependency between modules is a visible decision in its
     * {@code package-info.java} and in this table.
     */
    @Test
    void everyModuleDeclaresItsAllowedDependencies() throws ClassNotFoundException {
        Map<String, List<String>> declared = new TreeMap<>();
        for (ApplicationModule module : modules) {
            String name = module.getIdentifier().toString();
            var annotation = Class.forName(module.getBasePackage().getName() + ".package-info")
                    .getAnnotation(org.springframework.modulith.ApplicationModule.class);
            assertThat(annotation)
                    .as("module %s has a package-info.java with @ApplicationModule", name)
                    .isNotNull();
            assertThat(annotation.allowedDependencies())
                    .as("module %s declares allowedDependencies", name)
                    .doesNotContain(org.springframework.modulith.ApplicationModule.OPEN_TOKEN);
            declared.put(name, List.of(annotation.allowedDependencies()));
        }
        INTENDED.forEach((name, dependencies) ->
                assertThat(declared.get(name)).as(name).containsExactlyInAnyOrderElementsOf(dependencies));
    }

    /**
     * Writes Spring Modulith's documentation — the overview diagram, one component diagram and one canvas per module
     * — and an overview page with a Mermaid diagram that GitHub shows as a picture, and compares them with the
     * committed copy in {@code docs/modules}. When the code changed the picture, the committed copy is replaced and
     * the test fails, so that the new picture is reviewed and committed with the change that made it. Lines are
     * compared as sorted multisets: Spring Modulith lists a diagram's relations in an order that differs from run to run,
     * which says nothing about the architecture (the first item of a table cell carries the cell mark).
     */
    @Test
    void committedModuleDocumentationMatchesTheCode() throws IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(GENERATED_DOCS.toString()))
                .writeDocumentation();
        Files.writeString(GENERATED_DOCS.resolve("README.md"), overview(), StandardCharsets.UTF_8);
        Map<String, String> generated = filesIn(GENERATED_DOCS);
        Map<String, String> committed = filesIn(COMMITTED_DOCS);
        if (!normalised(generated).equals(normalised(committed))) {
            replace(COMMITTED_DOCS, generated);
        }
        assertThat(normalised(committed))
                .as("docs/modules was out of date with the code and has been regenerated: review and commit it")
                .isEqualTo(normalised(generated));
    }

    /** The overview page: which module uses which and listens to whose events, and the links to each canvas. */
    private String overview() {
        List<ApplicationModule> ordered = modules.stream()
                .sorted(Comparator.comparing(module -> module.getIdentifier().toString()))
                .toList();
        StringBuilder page = new StringBuilder();
        page.append("# Modules (generated)\n\n")
                .append(
                        "Written by `ModularityTests` from the code; do not edit. Solid arrows: uses a bean or type of;")
                .append(
                        " dotted arrows: listens to events of. Every module may use the shared kernels (not drawn).\n\n")
                .append("```mermaid\nflowchart BT\n");
        for (ApplicationModule module : ordered) {
            page.append("    ")
                    .append(module.getIdentifier())
                    .append("[\"")
                    .append(module.getDisplayName())
                    .append("\"]\n");
        }
        for (ApplicationModule module : ordered) {
            Set<String> uses = new TreeSet<>();
            Set<String> listensTo = new TreeSet<>();
            module.getDirectDependencies(modules).stream()
                    .filter(dependency -> !isShared(dependency.getTargetModule()))
                    .forEach(dependency -> (dependency.getDependencyType() == DependencyType.EVENT_LISTENER
                                    ? listensTo
                                    : uses)
                            .add(dependency.getTargetModule().getIdentifier().toString()));
            uses.forEach(target -> page.append("    ")
                    .append(module.getIdentifier())
                    .append(" --> ")
                    .append(target)
                    .append("\n"));
            listensTo.forEach(target -> page.append("    ")
                    .append(module.getIdentifier())
                    .append(" -.-> ")
                    .append(target)
                    .append("\n"));
        }
        page.append(
                "```\n\n| Module | Package | May use | Publishes | Listens to | Details |\n|---|---|---|---|---|---|\n");
        for (ApplicationModule module : ordered) {
            String id = module.getIdentifier().toString();
            page.append("| ")
                    .append(module.getDisplayName())
                    .append(" | `")
                    .append(module.getBasePackage().getName())
                    .append("` | ")
                    .append(String.join(", ", INTENDED.get(id)))
                    .append(" | ")
                    .append(sortedNames(publishedBy(module)))
                    .append(" | ")
                    .append(sortedNames(
                            module.getEventsListenedTo(modules).stream().map(JavaClass::getSimpleName)))
                    .append(" | [canvas](module-")
                    .append(id)
                    .append(".adoc), [components](module-")
                    .append(id)
                    .append(".puml) |\n");
        }
        return page.toString();
    }

    /**
     * The events a module publishes: those Spring Modulith detects, and those of its own types that any module
     * listens to (an event record lives in the module that publishes it).
     */
    private Stream<String> publishedBy(ApplicationModule module) {
        Stream<JavaClass> detected = module.getPublishedEvents().stream().map(EventType::getType);
        Stream<JavaClass> listenedTo = modules.stream()
                .flatMap(listener -> listener.getEventsListenedTo(modules).stream())
                .filter(module::contains);
        return Stream.concat(detected, listenedTo).map(JavaClass::getSimpleName);
    }

    private static boolean isShared(ApplicationModule module) {
        return module.getIdentifier().toString().equals("shared");
    }

    private static String sortedNames(Stream<String> names) {
        return String.join(", ", names.collect(Collectors.toCollection(TreeSet::new)));
    }

    /** A line without the table-cell mark that only the first item of a cell carries, and without outer spaces. */
    private static String normalised(String line) {
        String stripped = line.strip();
        return (stripped.startsWith("|*") ? stripped.substring(1) : stripped).strip();
    }

    private static Map<String, List<String>> normalised(Map<String, String> files) {
        Map<String, List<String>> lines = new TreeMap<>();
        files.forEach((name, content) -> lines.put(
                name, content.lines().map(ModularityTests::normalised).sorted().toList()));
        return lines;
    }

    private static Map<String, String> filesIn(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> paths = Files.list(folder)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(path.getFileName().toString(), Files.readString(path, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private static void replace(Path folder, Map<String, String> files) throws IOException {
        Files.createDirectories(folder);
        List<Path> stale = new ArrayList<>();
        try (Stream<Path> paths = Files.list(folder)) {
            paths.filter(path -> !files.containsKey(path.getFileName().toString()))
                    .forEach(stale::add);
        }
        for (Path path : stale) {
            Files.delete(path);
        }
        for (var file : files.entrySet()) {
            Files.writeString(folder.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
    }
}
