package org.zhengwu.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.core.ApplicationModuleIdentifiers;
import org.springframework.modulith.core.ApplicationModules;
import org.zhengwu.ZhengwuApplication;
import org.zhengwu.support.ZhengwuTest;

/** The running platform migrated its new database module by module. */
@ZhengwuTest
class ModuleMigrationsTests {

    @Autowired
    FlywayMigrationStrategy strategy;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationModuleIdentifiers modules;

    @Test
    void theModulesComeFromTheMetadataTheBuildWroteAndAreInTheOrderOfAScan() {
        assertThat(new ClassPathResource("META-INF/spring-modulith/application-modules.json").exists())
                .as("written by the build (exec-maven-plugin), so that a start scans no classes")
                .isTrue();
        assertThat(modules.stream().map(Object::toString))
                .containsExactlyElementsOf(ApplicationModules.of(ZhengwuApplication.class).stream()
                        .map(module -> module.getIdentifier().toString())
                        .toList());
    }

    @Test
    void eachModuleWithScriptsHasAHistoryOfItsOwnAndThereIsNoCombinedOne() {
        assertThat(strategy).isInstanceOf(ModuleMigrations.class);
        assertThat(jdbc.sql("""
                        SELECT tablename FROM pg_tables
                        WHERE schemaname = current_schema() AND tablename LIKE 'flyway%' ORDER BY 1""").query(String.class).list())
                .containsExactly(
                        "flyway_schema_history_basedata",
                        "flyway_schema_history_cases",
                        "flyway_schema_history_catalog",
                        "flyway_schema_history_exchange",
                        "flyway_schema_history_identity",
                        "flyway_schema_history_licence",
                        "flyway_schema_history_shared");
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM flyway_schema_history_identity WHERE script = 'V12__token_lookups.sql'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
