package org.zhengwu.shared.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.modulith.core.ApplicationModuleIdentifiers;
import org.springframework.modulith.runtime.flyway.MigrationFilter;
import org.springframework.modulith.runtime.flyway.SpringModulithFlywayMigrationStrategy;

/**
 * Migrations per module, so that two modules can never claim the same version: each module keeps its scripts in
 * {@code db/migration/<module>/} and its versions in a history table of its own, {@code flyway_schema_history_<module>};
 * {@code db/migration/__root/} (unused so far) goes to {@code flyway_schema_history}. Modules migrate one after
 * another in the order of their dependencies. This is Spring Modulith's module-aware migration, preceded by two steps
 * of our own: scripts in a folder that is no module stop the start (Spring Modulith would skip them without a word),
 * and a database made before, whose history of all modules is one table, has that table split first. Afterwards the
 * libraries that keep their own tables update them ({@link LibrarySchema}), the tables partitioned by month get their
 * months ahead ({@link TimePartitions}), the application's role gets its grants
 * and the modules' {@link AfterMigration} steps run.
 *
 * <p>The modules and their order come from {@code META-INF/spring-modulith/application-modules.json}, which the build
 * writes (see pom.xml); without it Spring Modulith scans the application's classes at every start, which costs
 * seconds.
 */
class ModuleMigrations implements FlywayMigrationStrategy {

    static final String ROOT = "__root";

    private final ApplicationModuleIdentifiers modules;
    private final MigrationFilter filter;
    private final String applicationRole;
    private final Supplier<List<AfterMigration>> afterMigrations;
    private final Supplier<List<LibrarySchema>> librarySchemas;
    private final ResourcePatternResolver resources = new PathMatchingResourcePatternResolver();

    /**
     * @param afterMigrations asked for only once the migrations have run: the steps are beans, and beans that need
     *     the database wait for the migrations
     */
    ModuleMigrations(
            ApplicationModuleIdentifiers modules,
            MigrationFilter filter,
            String applicationRole,
            Supplier<List<AfterMigration>> afterMigrations,
            Supplier<List<LibrarySchema>> librarySchemas) {
        this.librarySchemas = librarySchemas;
        this.modules = modules;
        this.filter = filter;
        this.applicationRole = applicationRole;
        this.afterMigrations = afterMigrations;
    }

    @Override
    public void migrate(Flyway flyway) {
        Set<String> names = modules.stream().map(Object::toString).collect(Collectors.toUnmodifiableSet());
        requireModuleFolders(flyway.getConfiguration().getLocations(), names);
        CombinedHistory.splitByModule(flyway.getConfiguration(), names);
        new SpringModulithFlywayMigrationStrategy(modules, filter).migrate(flyway);
        librarySchemas
                .get()
                .forEach(schema -> schema.update(flyway.getConfiguration().getDataSource()));
        TimePartitions.addMonthsAhead(flyway.getConfiguration().getDataSource(), Clock.systemUTC());
        ApplicationRole.grant(flyway.getConfiguration().getDataSource(), applicationRole);
        afterMigrations.get().forEach(step -> step.run(flyway.getConfiguration().getDataSource()));
    }

    private void requireModuleFolders(Location[] locations, Set<String> modules) {
        Set<String> strays = new TreeSet<>();
        for (Location location : locations) {
            if (!location.isClassPath()) {
                continue;
            }
            try {
                for (Resource script : resources.getResources("classpath*:" + location.getPath() + "/*/*.sql")) {
                    String url = script.getURL().toString();
                    String folder = url.substring(0, url.lastIndexOf('/'));
                    folder = folder.substring(folder.lastIndexOf('/') + 1);
                    if (!folder.equals(ROOT) && !modules.contains(folder)) {
                        strays.add(location.getPath() + "/" + folder + "/");
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!strays.isEmpty()) {
            throw new IllegalStateException("Migrations in " + strays + " belong to no module of the application "
                    + new TreeSet<>(modules) + " and would never run; a new module needs a fresh build, which lists"
                    + " it in META-INF/spring-modulith/application-modules.json");
        }
    }
}
