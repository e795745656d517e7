package org.zhengwu.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModuleIdentifier;
import org.springframework.modulith.core.ApplicationModuleIdentifiers;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.runtime.flyway.MigrationFilter;
import org.zhengwu.ZhengwuApplication;

/**
 * The migration scripts on the classpath, read before Flyway sees them: each lies in the folder of a module (or
 * {@code __root}), has a name Flyway reads as a versioned migration, and no two scripts of one folder share a version
 * — two modules may both have a V13, since each module has its own history (see {@link ModuleMigrations}).
 */
class MigrationScriptsTests {

    private static final String LOCATION = "db/migration/";
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__([a-z0-9_]+)\\.sql");
    private static final Set<String> MODULES = Set.of("shared", "basedata", "identity", "catalog", "portal");

    @Test
    void theShippedScriptsLieInModuleFoldersAndNoTwoOfAModuleShareAVersion() throws IOException {
        Set<String> modules = ApplicationModules.of(ZhengwuApplication.class).stream()
                .map(ApplicationModule::getIdentifier)
                .map(Object::toString)
                .collect(Collectors.toSet());
        List<String> scripts = shippedScripts();

        assertThat(scripts).contains("shared/V1__event_publication_registry.sql", "identity/V12__token_lookups.sql");
        assertThat(problems(scripts, modules)).isEmpty();
    }

    @Test
    void twoScriptsOfOneModuleWithTheSameVersionAreBothNamed() {
        assertThat(problems(List.of("identity/V13__roles.sql", "identity/V13__permissions.sql"), MODULES))
                .containsExactly("identity: version 13 is claimed by V13__permissions.sql and V13__roles.sql");
    }

    @Test
    void versionsAreComparedAsFlywayComparesThem() {
        assertThat(problems(List.of("catalog/V12__a.sql", "catalog/V012__b.sql", "catalog/V12.0__c.sql"), MODULES))
                .containsExactly("catalog: version 12 is claimed by V012__b.sql and V12.0__c.sql and V12__a.sql");
        assertThat(problems(List.of("catalog/V12_1__a.sql", "catalog/V12.1__b.sql"), MODULES))
                .containsExactly("catalog: version 12.1 is claimed by V12.1__b.sql and V12_1__a.sql");
        assertThat(problems(List.of("catalog/V12__a.sql", "catalog/V12.1__b.sql", "catalog/V120__c.sql"), MODULES))
                .isEmpty();
    }

    @Test
    void theSameVersionInTwoModulesIsAllowed() {
        assertThat(problems(List.of("identity/V13__roles.sql", "catalog/V13__codes.sql", "__root/V13__x.sql"), MODULES))
                .isEmpty();
    }

    @Test
    void aScriptOutsideAModuleFolderOrWithANameFlywayWouldSkipIsNamed() {
        assertThat(problems(
                        List.of(
                                "catlog/V1__typo_in_folder.sql",
                                "V1__no_folder.sql",
                                "identity/nested/V1__too_deep.sql",
                                "identity/V14_one_underscore.sql",
                                "identity/v14__lower_case_prefix.sql",
                                "identity/V14__Capitals.sql",
                                "identity/V14__no_suffix"),
                        MODULES))
                .containsExactlyInAnyOrder(
                        "catlog/V1__typo_in_folder.sql: catlog is not a module " + new TreeSet<>(MODULES),
                        "V1__no_folder.sql: not in a module's folder db/migration/<module>/",
                        "identity/nested/V1__too_deep.sql: not in a module's folder db/migration/<module>/",
                        "identity/V14_one_underscore.sql: not named V<version>__<lower_case_description>.sql",
                        "identity/v14__lower_case_prefix.sql: not named V<version>__<lower_case_description>.sql",
                        "identity/V14__Capitals.sql: not named V<version>__<lower_case_description>.sql",
                        "identity/V14__no_suffix: not named V<version>__<lower_case_description>.sql");
    }

    @Test
    void scriptsInAFolderThatIsNoModuleStopTheMigrationBeforeItBegins() {
        Flyway flyway = Flyway.configure().locations("classpath:db/stray").load();
        ModuleMigrations migrations = new ModuleMigrations(
                ApplicationModuleIdentifiers.of(
                        MODULES.stream().map(ApplicationModuleIdentifier::of).toList()),
                MigrationFilter.USE_ALL,
                null,
                List::of,
                List::of);

        assertThatThrownBy(() -> migrations.migrate(flyway))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("db/stray/catlog/")
                .hasMessageContaining("would never run");
    }

    /** The scripts under {@value #LOCATION}, as paths below it. */
    static List<String> shippedScripts() throws IOException {
        List<String> scripts = new ArrayList<>();
        for (Resource resource :
                new PathMatchingResourcePatternResolver().getResources("classpath*:" + LOCATION + "**")) {
            String url = resource.getURL().toString();
            if (!url.endsWith("/")) {
                scripts.add(url.substring(url.lastIndexOf(LOCATION) + LOCATION.length()));
            }
        }
        return scripts;
    }

    /** Everything wrong with these scripts, one sentence each; empty when nothing is. */
    static List<String> problems(Collection<String> scripts, Set<String> modules) {
        List<String> problems = new ArrayList<>();
        Map<String, Map<MigrationVersion, Set<String>>> versions = new HashMap<>();
        for (String script : scripts) {
            String[] parts = script.split("/");
            if (parts.length != 2) {
                problems.add(script + ": not in a module's folder db/migration/<module>/");
                continue;
            }
            String folder = parts[0];
            if (!modules.contains(folder) && !folder.equals("__root")) {
                problems.add(script + ": " + folder + " is not a module " + new TreeSet<>(modules));
                continue;
            }
            Matcher name = VERSIONED.matcher(parts[1]);
            if (!name.matches()) {
                problems.add(script + ": not named V<version>__<lower_case_description>.sql");
                continue;
            }
            versions.computeIfAbsent(folder, f -> new HashMap<>())
                    .computeIfAbsent(
                            MigrationVersion.fromVersion(name.group(1).replace('_', '.')), v -> new TreeSet<>())
                    .add(parts[1]);
        }
        versions.forEach((folder, byVersion) -> byVersion.forEach((version, files) -> {
            if (files.size() > 1) {
                problems.add(folder + ": version " + version + " is claimed by " + String.join(" and ", files));
            }
        }));
        return problems;
    }
}
