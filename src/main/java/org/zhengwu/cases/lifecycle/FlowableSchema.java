package org.zhengwu.cases.lifecycle;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flowable.common.engine.impl.AbstractEngineConfiguration;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.zhengwu.shared.database.LibrarySchema;

/**
 * Flowable's tables, created and upgraded by Flowable itself as the tables' owner in the migration step — in
 * production the application's role may not create tables, so the running engine finds them in place (and, with
 * nothing to change, changes nothing). Several nodes starting at once take turns under an advisory lock.
 */
@Component
class FlowableSchema implements LibrarySchema {

    private static final long LOCK = 7_100_423_280_001L;

    @Override
    public void update(DataSource owner) {
        try (Connection lockHolder = owner.getConnection()) {
            try (PreparedStatement lock = lockHolder.prepareStatement("SELECT pg_advisory_lock(?)")) {
                lock.setLong(1, LOCK);
                lock.execute();
            }
            try {
                StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
                configuration.setDataSource(owner);
                configuration.setDatabaseSchemaUpdate(AbstractEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
                configuration.setAsyncExecutorActivate(false);
                configuration.setEngineName("zhengwu-schema");
                ProcessEngine engine = configuration.buildProcessEngine();
                engine.close();
            } finally {
                try (PreparedStatement unlock = lockHolder.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                    unlock.setLong(1, LOCK);
                    unlock.execute();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not bring Flowable's tables up to date: " + e.getMessage(), e);
        }
    }

    /** The running engine starts only once the migrations (and with them Flowable's tables) are done. */
    @Configuration(proxyBeanMethods = false)
    static class EngineAfterMigrations {

        @Bean
        static BeanFactoryPostProcessor processEngineAfterMigrations() {
            return (ConfigurableListableBeanFactory beans) -> {
                if (beans.containsBeanDefinition("processEngine")
                        && beans.containsBeanDefinition("flywayInitializer")) {
                    var definition = beans.getBeanDefinition("processEngine");
                    String[] dependsOn = definition.getDependsOn() == null ? new String[0] : definition.getDependsOn();
                    String[] extended = java.util.Arrays.copyOf(dependsOn, dependsOn.length + 1);
                    extended[dependsOn.length] = "flywayInitializer";
                    definition.setDependsOn(extended);
                }
            };
        }
    }
}
