package org.zhengwu.shared.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.shared.crypto.OwnerOnlyFiles;

/**
 * The embedded cluster's superuser password: without it, every other user of the machine could connect to the
 * database as its superuser. Generated at first start and kept owner-only in {@value #FILE} in the cluster's data
 * directory (so it travels with the data it protects); every connection, local socket or TCP, must prove it with
 * SCRAM-SHA-256.
 *
 * <p>A new cluster is never open: initdb is given the password file and SCRAM for every rule. A cluster made before
 * (trust for every local connection, no password) is converted at its first start with this code: the password is
 * generated and set, each {@code trust} rule in pg_hba.conf becomes {@code scram-sha-256}, and the configuration is
 * reloaded; the step is logged.
 */
final class SuperuserPassword {

    static final String FILE = "superuser.password";
    static final String USER = "postgres";
    static final String METHOD = "scram-sha-256";

    private static final Logger log = LoggerFactory.getLogger(SuperuserPassword.class);
    private static final Pattern TRUST = Pattern.compile("(?<=\\s)trust(?=\\s|$)");

    private final Path dataDir;
    private final String secret;
    private final Path initdbFile;
    private final boolean trustToConvert;

    private SuperuserPassword(Path dataDir, String secret, Path initdbFile, boolean trustToConvert) {
        this.dataDir = dataDir;
        this.secret = secret;
        this.initdbFile = initdbFile;
        this.trustToConvert = trustToConvert;
    }

    /** Reads the password of the cluster in {@code dataDir}, or prepares one for a cluster still to be made. */
    static SuperuserPassword prepare(Path dataDir) {
        try {
            Path file = dataDir.resolve(FILE);
            Path initdbFile = initdbFile(dataDir);
            if (!Files.exists(dataDir.resolve("postgresql.conf"))) {
                // initdb wants an empty directory: the password waits next to it until the cluster exists.
                String secret = generate();
                Files.deleteIfExists(initdbFile);
                OwnerOnlyFiles.writeOnce(initdbFile, secret + "\n");
                return new SuperuserPassword(dataDir, secret, initdbFile, false);
            }
            if (!Files.exists(file) && Files.exists(initdbFile)) {
                // A first start that stopped after initdb: the cluster was made with this password.
                Files.move(initdbFile, file, StandardCopyOption.ATOMIC_MOVE);
            }
            boolean trust = hasTrustRules(dataDir);
            if (Files.exists(file)) {
                return new SuperuserPassword(dataDir, read(file), null, trust);
            }
            if (!trust) {
                throw new IllegalStateException("The embedded PostgreSQL in " + dataDir
                        + " asks for a password, but its password file " + file + " is missing. Restore the file"
                        + " from the backup of this directory (it was generated at the cluster's first start).");
            }
            String secret = generate();
            OwnerOnlyFiles.writeOnce(file, secret + "\n");
            return new SuperuserPassword(dataDir, read(file), null, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String secret() {
        return secret;
    }

    /**
     * initdb options for a new cluster: SCRAM for local sockets and TCP, the superuser's password from the file.
     * zonky 2.2.2 passes every "locale" setting to initdb as {@code --key=value} after its own {@code -A trust},
     * so these win over it.
     */
    Map<String, String> initdbOptions() {
        if (initdbFile == null) {
            return Map.of();
        }
        return Map.of("auth-local", METHOD, "auth-host", METHOD, "pwfile", initdbFile.toString());
    }

    /** After the server started: keeps the new cluster's password with it, or closes a cluster that trusted. */
    void secure(EmbeddedPostgres postgres) {
        try {
            if (initdbFile != null) {
                Files.move(initdbFile, dataDir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE);
                log.info("Embedded PostgreSQL in {} asks every connection for the password in {}", dataDir, FILE);
            }
            if (trustToConvert) {
                convert(postgres);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** After a failed start: a password prepared for a cluster that was never made is not left behind. */
    void abandon() {
        try {
            if (initdbFile != null && !Files.exists(dataDir.resolve("postgresql.conf"))) {
                Files.deleteIfExists(initdbFile);
            }
        } catch (IOException e) {
            log.warn("Could not remove {}", initdbFile, e);
        }
    }

    private void convert(EmbeddedPostgres postgres) throws IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            // The driver computes the SCRAM verifier itself: the password never reaches the server or its log.
            connection.unwrap(PGConnection.class).alterUserPassword(USER, secret.toCharArray(), METHOD);
        } catch (SQLException e) {
            throw new IllegalStateException("could not set the embedded PostgreSQL superuser's password", e);
        }
        Path hba = dataDir.resolve("pg_hba.conf");
        OwnerOnlyFiles.replace(
                hba,
                Files.readAllLines(hba).stream()
                                .map(SuperuserPassword::withoutTrust)
                                .collect(Collectors.joining("\n")) + "\n");
        JdbcClient admin = JdbcClient.create(postgres.getPostgresDatabase());
        admin.sql("SELECT pg_reload_conf()").query().singleValue();
        List<String> open = admin.sql("""
                        SELECT line_number || ': ' || coalesce(auth_method, error) FROM pg_hba_file_rules
                        WHERE auth_method IS DISTINCT FROM 'scram-sha-256'""").query(String.class).list();
        if (!open.isEmpty()) {
            throw new IllegalStateException(
                    "pg_hba.conf in " + dataDir + " still has rules without a password: " + open);
        }
        log.warn(
                "Converted the embedded PostgreSQL in {} from trust to password authentication (SCRAM-SHA-256): the"
                        + " superuser's password is in {} (owner-only); back it up with the data directory",
                dataDir,
                dataDir.resolve(FILE));
    }

    /** A pg_hba.conf line with its {@code trust} method replaced; comments and other methods stay as they are. */
    static String withoutTrust(String line) {
        int comment = line.indexOf('#');
        String rule = comment < 0 ? line : line.substring(0, comment);
        String rest = comment < 0 ? "" : line.substring(comment);
        return TRUST.matcher(rule).replaceAll(Matcher.quoteReplacement(METHOD)) + rest;
    }

    private static boolean hasTrustRules(Path dataDir) throws IOException {
        Path hba = dataDir.resolve("pg_hba.conf");
        return Files.exists(hba) && Files.readAllLines(hba).stream().anyMatch(line -> !line.equals(withoutTrust(line)));
    }

    static Path initdbFile(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + "." + FILE + ".initdb");
    }

    private static String generate() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    private static String read(Path file) throws IOException {
        String secret = Files.readString(file).strip();
        if (secret.isEmpty()) {
            throw new IllegalStateException(file + " is empty: restore it from the backup of the data directory");
        }
        return secret;
    }
}
