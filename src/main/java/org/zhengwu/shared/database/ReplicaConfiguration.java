package org.zhengwu.shared.database;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * Reads that tolerate lag ({@link ReplicaRead}) from a PostgreSQL streaming replica. With {@code
 * zhengwu.database.replica.url} ({@code ZHENGWU_DB_REPLICA_URL}) the application's data source becomes a {@link
 * LazyConnectionDataSourceProxy} over the primary's pool: a transaction fetches its connection at its first statement,
 * a read-only one started by a {@link ReplicaRead} method from the replica's pool ({@link ReplicaDataSource}), every
 * other one from the primary. Without the URL nothing changes but that {@link ReplicaRead} methods run in read-only
 * transactions on the primary.
 */
@Configuration(proxyBeanMethods = false)
class ReplicaConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ReplicaConfiguration.class);

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static DefaultPointcutAdvisor replicaReadAdvisor() {
        return ReplicaRouting.advisor();
    }

    /** The application's data source once a replica is configured: closing it closes both pools. */
    static final class RoutingDataSource extends LazyConnectionDataSourceProxy implements AutoCloseable {

        private final ReplicaDataSource reads;

        RoutingDataSource(DataSource primary, ReplicaDataSource reads) {
            setTargetDataSource(primary);
            setReadOnlyDataSource(reads);
            // Known in advance, so that no connection is fetched to learn them.
            setDefaultAutoCommit(true);
            setDefaultTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            afterPropertiesSet();
            this.reads = reads;
        }

        ReplicaDataSource reads() {
            return reads;
        }

        @Override
        public void close() throws Exception {
            reads.close();
            if (getTargetDataSource() instanceof AutoCloseable primary) {
                primary.close();
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(ReplicaConfigured.class)
    static class WithReplica {

        @Bean
        static BeanPostProcessor replicaRouting(Environment environment) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!"dataSource".equals(name)
                            || !(bean instanceof DataSource primary)
                            || bean instanceof RoutingDataSource) {
                        return bean;
                    }
                    ReplicaProperties properties =
                            Binder.get(environment).bindOrCreate(ReplicaProperties.PREFIX, ReplicaProperties.class);
                    return new RoutingDataSource(
                            primary,
                            new ReplicaDataSource(
                                    primary,
                                    replicaPool(properties, primary),
                                    properties.retryAfter(),
                                    properties.replayWait(),
                                    properties.maxLag()));
                }
            };
        }

        @Bean
        HealthIndicator replicaHealthIndicator(DataSource dataSource) {
            return dataSource instanceof RoutingDataSource routing
                    ? new ReplicaHealth(routing.reads())
                    : () -> Health.unknown().build();
        }
    }

    static HikariDataSource replicaPool(ReplicaProperties properties, DataSource primary) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("zhengwu-replica");
        pool.setJdbcUrl(properties.url());
        String username = properties.username();
        String password = properties.password();
        if ((username == null || username.isBlank()) && unwrapHikari(primary) instanceof HikariDataSource hikari) {
            username = hikari.getUsername();
            password = hikari.getPassword();
        }
        pool.setUsername(username);
        pool.setPassword(password);
        pool.setMaximumPoolSize(properties.poolSize());
        pool.setMinimumIdle(Math.min(2, properties.poolSize()));
        pool.setReadOnly(true);
        // Hikari's least; pgjdbc's own connect timeout (seconds) bounds a host that drops the connection attempt.
        pool.setConnectionTimeout(Math.max(250, properties.connectTimeout().toMillis()));
        pool.setValidationTimeout(250);
        pool.addDataSourceProperty(
                "connectTimeout", Math.max(1, properties.connectTimeout().toSeconds()));
        pool.addDataSourceProperty("ApplicationName", "zhengwu-replica-reads");
        // Started without a connection: an application whose replica is down starts, and reads from the primary.
        pool.setInitializationFailTimeout(-1);
        log.info(
                "Lag-tolerant reads from the streaming replica {} (pool {}, fallback to the primary after {} ms)",
                ReplicaProperties.withoutCredentials(properties.url()),
                properties.poolSize(),
                pool.getConnectionTimeout());
        return pool;
    }

    private static Object unwrapHikari(DataSource dataSource) {
        try {
            return dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    /** Matches when {@code zhengwu.database.replica.url} names a replica. */
    static class ReplicaConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty(ReplicaProperties.PREFIX + ".url");
            return url != null && !url.isBlank();
        }
    }

    /**
     * The replica's state for operators ({@code /actuator/health/replica}): UP while it answers as a standby, with
     * its replay lag behind the primary in bytes; otherwise (also while it is further behind than the bound) DEGRADED — reads go to the primary, the application
     * works, so neither the node's health nor its readiness goes down for it.
     */
    static final class ReplicaHealth implements HealthIndicator {

        static final Status DEGRADED = new Status("DEGRADED", "lag-tolerant reads are served by the primary");

        private final ReplicaDataSource reads;

        ReplicaHealth(ReplicaDataSource reads) {
            this.reads = reads;
        }

        @Override
        public Health health() {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("replica", reads.where());
            details.put("readsServedByReplica", reads.servedByReplica());
            details.put("readsServedByPrimary", reads.servedByPrimary());
            try (Connection connection = reads.replica().getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("""
                            SELECT pg_is_in_recovery(),
                                   CASE WHEN pg_is_in_recovery() THEN pg_is_wal_replay_paused() END,
                                   pg_last_wal_replay_lsn()::text""")) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    details.put("error", "not in recovery: promoted, or not a standby");
                    return Health.status(DEGRADED).withDetails(details).build();
                }
                details.put("replayPaused", rs.getBoolean(2));
                long replayed = ReplicaDataSource.parseLsn(rs.getString(3));
                long behind = reads.primaryLsn() - replayed;
                details.put("replayLagBytes", Math.max(0, behind));
                details.put("maxLag", reads.maxLag().toString());
                if (reads.lagging()) {
                    details.put("error", "more than " + reads.maxLag().toMillis() + " ms behind the primary");
                    return Health.status(DEGRADED).withDetails(details).build();
                }
                return Health.up().withDetails(details).build();
            } catch (SQLException | RuntimeException e) {
                details.put("error", String.valueOf(e.getMessage()));
                return Health.status(DEGRADED).withDetails(details).build();
            }
        }
    }
}
