package org.zhengwu.shared.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * Starts PostgreSQL 17 inside the application when no external database is configured, so that a newcomer needs
 * nothing but a JDK. The cluster lives in {@code zhengwu.embedded-db.data-dir} and survives restarts; setting
 * {@code ZHENGWU_DB_URL} (or {@code spring.datasource.url}) switches this off entirely. A small county may run it as
 * it is, so it is durable (every commit flushed before it is acknowledged) and closed (a password for every
 * connection, see {@link SuperuserPassword}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabaseCondition.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);
    private static final String DATABASE = "zhengwu";

    /**
     * zonky starts PostgreSQL as for throw-away test databases: {@code -F} (fsync off) on the command line and
     * {@code synchronous_commit=off}, so an acknowledged write could be lost, or the cluster corrupted, by a crash.
     * A {@code -c} setting comes after {@code -F} on that command line and wins. An ephemeral cluster (the tests'),
     * deleted at shutdown, keeps zonky's settings: flushing data that is thrown away protects nothing and costs a
     * disk flush per commit.
     */
    static final Map<String, String> DURABLE =
            Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on");

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
        Path dataDir = properties.ephemeral()
                ? Files.createTempDirectory("zhengwu-pg-")
                : Path.of(properties.dataDir()).toAbsolutePath().normalize();
        Files.createDirectories(dataDir);
        StalePostmaster.stopIfRunning(dataDir);
        SuperuserPassword password = SuperuserPassword.prepare(dataDir);
        long started = System.nanoTime();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                // Spring stops the server after the connection pool has closed, not a JVM hook racing it.
                .setRegisterShutdownHook(false)
                .setPort(properties.port())
                .setPGStartupWait(Duration.ofSeconds(60))
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale", "C")
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", "128MB")
                .setServerConfig("timezone", "UTC")
                .setServerConfig("password_encryption", SuperuserPassword.METHOD)
                .setConnectConfig("password", password.secret());
        if (!properties.ephemeral()) {
            DURABLE.forEach(builder::setServerConfig);
        }
        password.initdbOptions().forEach(builder::setLocaleConfig);
        EmbeddedPostgres postgres;
        try {
            postgres = builder.start();
        } catch (IOException | RuntimeException e) {
            password.abandon();
            throw e;
        }
        try {
            password.secure(postgres);
            createDatabaseIfMissing(postgres);
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
        log.info(
                "Embedded PostgreSQL 17 on port {} with data in {} (ready in {} ms)",
                postgres.getPort(),
                dataDir,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return new EmbeddedPostgresServer(postgres, dataDir, properties.ephemeral(), password.secret());
    }

    /**
     * The pool, configured like an external database's by {@code spring.datasource.hikari.*} (its size from
     * {@code ZHENGWU_DB_POOL_SIZE}), bound onto the pool after this method.
     */
    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgresServer server) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("zhengwu-embedded");
        dataSource.setJdbcUrl(server.postgres().getJdbcUrl(SuperuserPassword.USER, DATABASE));
        dataSource.setUsername(SuperuserPassword.USER);
        dataSource.setPassword(server.password());
        return dataSource;
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) {
        JdbcClient admin = JdbcClient.create(postgres.getPostgresDatabase());
        boolean exists = admin.sql("SELECT count(*) FROM pg_database WHERE datname = ?")
                        .param(DATABASE)
                        .query(Long.class)
                        .single()
                > 0;
        if (!exists) {
            // CREATE DATABASE cannot take a bind parameter; the name is our constant, never input.
            admin.sql("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0")
                    .update();
        }
    }

    /** The running cluster; closing it stops PostgreSQL after the pool that uses it has closed. */
    record EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir, boolean ephemeral, String password)
            implements AutoCloseable {

        @Override
        public String toString() {
            return "embedded PostgreSQL on port " + postgres.getPort() + " in " + dataDir; // not the password
        }

        @Override
        public void close() {
            try {
                postgres.close();
                if (ephemeral) {
                    FileSystemUtils.deleteRecursively(dataDir);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
