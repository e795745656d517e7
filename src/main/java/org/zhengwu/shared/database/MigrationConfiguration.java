package org.zhengwu.shared.database;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.modulith.core.ApplicationModuleIdentifiers;
import org.springframework.modulith.runtime.flyway.ActiveModules;
import org.springframework.modulith.runtime.flyway.HasMigrationFiles;
import org.springframework.modulith.runtime.flyway.MigrationFilter;

/**
 * Flyway runs {@link ModuleMigrations}. Spring Modulith's own switch for the same ({@code
 * spring.modulith.runtime.flyway-enabled}) stays off: it would skip splitting an older database's combined history.
 */
@Configuration(proxyBeanMethods = false)
class MigrationConfiguration {

    /**
     * Modules with no scripts get no history table; in a module test ({@code @ApplicationModuleTest}) only the
     * modules under test migrate.
     */
    @Bean
    ModuleMigrations moduleMigrations(
            ApplicationModuleIdentifiers modules,
            BeanFactory beans,
            ResourcePatternResolver resources,
            ObjectProvider<MigrationFilter> filters,
            ObjectProvider<AfterMigration> afterMigrations,
            ObjectProvider<LibrarySchema> librarySchemas,
            Environment environment) {
        MigrationFilter filter = filters.orderedStream()
                .reduce(new ActiveModules(beans).and(new HasMigrationFiles(resources)), MigrationFilter::and);
        return new ModuleMigrations(
                modules,
                filter,
                environment.getProperty("spring.datasource.username"),
                () -> afterMigrations.orderedStream().toList(),
                () -> librarySchemas.orderedStream().toList());
    }
}
