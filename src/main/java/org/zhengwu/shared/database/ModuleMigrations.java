package org.zhengwu.shared.database;

import java.util.Set;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.modulith.core.ApplicationModuleIdentifiers;
import org.springframework.modulith.runtime.flyway.MigrationFilter;
import org.springframework.modulith.runtime.flyway.SpringModulithFlywayMigrationStrategy;

/**
 * Migrations per module, so that two modules can never claim the same version: each module keeps its scripts in
 * {@code db/migration/<module>/} and its versions in a history table of its own, {@code flyway_schema_history_<module>};
 * {@code db/migration/__root/} (unused so far) goes to {@code flyway_schema_history}. Modules migrate one after
 * another in the order of their dependencies. This is Spring Modulith's module-aware migration, preceded by one step
 * of our own: a database made before it, whose history of all modules is one table, has that table split first.
 */
class ModuleMigrations implements FlywayMigrationStrategy {

    private final ApplicationModuleIdentifiers modules;
    private final MigrationFilter filter;

    ModuleMigrations(ApplicationModuleIdentifiers modules, MigrationFilter filter) {
        this.modules = modules;
        this.filter = filter;
    }

    @Override
    public void migrate(Flyway flyway) {
        Set<String> names = modules.stream().map(Object::toString).collect(Collectors.toUnmodifiableSet());
        CombinedHistory.splitByModule(flyway.getConfiguration(), names);
        new SpringModulithFlywayMigrationStrategy(modules, filter).migrate(flyway);
    }
}
