package org.zhengwu.identity.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializationFailedException;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * The servlet sessions in PostgreSQL (Spring Session JDBC, tables of identity migration V40), as Spring Boot configures
 * them, with two changes.
 *
 * <p>A new session and each write of a session's last access are committed without waiting for the write-ahead log to
 * reach the disk ({@code synchronous_commit} off, for that transaction only: Spring Session writes a session in a
 * transaction of its own). Every signed-in request writes its session's last access, and waiting for the disk at each
 * one made a signed-in request many times slower than with sessions in memory (docs/BENCHMARKS.md). What a crash of
 * the database server may lose is the last fraction of a second of those writes: a session's last access (it expires a
 * little sooner), a session just begun or an attribute just set (its holder signs in or sends the form again) — never
 * a record of the platform, whose transactions keep synchronous commit. Deleting a session (signing out) still waits
 * for the disk, and what a session may still do is decided by identity_session, durable as every record.
 *
 * <p>A value that can no longer be read back — written by a release whose class has since changed incompatibly, or
 * damaged — reads as absent instead of failing every request of that session with an error: without its security
 * context, a session is simply not signed in, and its holder is sent to the sign-in page.
 */
@Configuration(proxyBeanMethods = false)
class HttpSessionStore implements BeanClassLoaderAware {

    private static final Logger log = LoggerFactory.getLogger(HttpSessionStore.class);

    /** In the FROM list of a statement: sets synchronous_commit off until the end of the statement's transaction. */
    private static final String ASYNCHRONOUS_COMMIT =
            "(SELECT set_config('synchronous_commit', 'off', true)) AS asynchronous_commit";

    /** Spring Session's statements of spring-session-jdbc 4.1, each with {@link #ASYNCHRONOUS_COMMIT}. */
    static final String CREATE_SESSION = "INSERT INTO %TABLE_NAME% (PRIMARY_ID, SESSION_ID, CREATION_TIME, "
            + "LAST_ACCESS_TIME, MAX_INACTIVE_INTERVAL, EXPIRY_TIME, PRINCIPAL_NAME) "
            + "SELECT ?, ?, ?, ?, ?, ?, ? FROM " + ASYNCHRONOUS_COMMIT;

    static final String UPDATE_SESSION = "UPDATE %TABLE_NAME% SET SESSION_ID = ?, LAST_ACCESS_TIME = ?, "
            + "MAX_INACTIVE_INTERVAL = ?, EXPIRY_TIME = ?, PRINCIPAL_NAME = ? FROM " + ASYNCHRONOUS_COMMIT
            + " WHERE PRIMARY_ID = ?";

    private ClassLoader classLoader;

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionStore() {
        return repository -> {
            repository.setCreateSessionQuery(CREATE_SESSION);
            repository.setUpdateSessionQuery(UPDATE_SESSION);
            repository.setConversionService(conversions());
        };
    }

    private GenericConversionService conversions() {
        GenericConversionService conversions = new GenericConversionService();
        conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
        DeserializingConverter deserialiser = new DeserializingConverter(classLoader);
        conversions.addConverter(byte[].class, Object.class, bytes -> {
            try {
                return deserialiser.convert(bytes);
            } catch (SerializationFailedException e) {
                log.warn(
                        "A session value could not be read and counts as absent: {}",
                        e.getMostSpecificCause().toString());
                return null;
            }
        });
        return conversions;
    }
}
