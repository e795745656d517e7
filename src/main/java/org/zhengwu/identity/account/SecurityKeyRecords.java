package org.zhengwu.identity.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Repository;

/**
 * The relying-party library's storage of users and their keys, in identity's own tables
 * ({@code identity_webauthn_user}, {@code identity_webauthn_credential}) rather than the library's JDBC tables: a
 * WebAuthn user is one of our accounts, found by its username, and a key belongs to an account so that the second
 * factor's rules (the last factor, the administrator's reset) can be said in SQL.
 *
 * <p>Saving a key that is already stored is the library recording a verified assertion; it is accepted only when the
 * signature counter moves forward (or both are zero: authenticators that keep no counter). The library compares the
 * counter with the one seen at registration only; comparing it, under a row lock, with the last one seen is what
 * catches a copied key, and an assertion sent twice at once.
 */
@Repository
class SecurityKeyRecords implements UserCredentialRepository {

    /** The counter of an assertion did not move past the last one seen: a copy of the key, or the same one again. */
    static final class CounterNotAdvanced extends RuntimeException {
        CounterNotAdvanced(long stored, long presented) {
            super("signature counter " + presented + " does not advance past " + stored);
        }
    }

    private static final String CREDENTIAL_COLUMNS = """
            c.credential_id, c.credential_type, c.public_key_cose, c.signature_count, c.uv_initialized,
            c.backup_eligible, c.backup_state, c.transports, c.attestation_object, c.attestation_client_data_json,
            c.label, c.created_at, c.last_used_at, u.user_handle""";

    private final JdbcClient jdbc;
    private final Users users = new Users();

    SecurityKeyRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Users users() {
        return users;
    }

    /** The WebAuthn users: our accounts, by their username and their random user handle. */
    final class Users implements PublicKeyCredentialUserEntityRepository {

        @Override
        public PublicKeyCredentialUserEntity findById(Bytes id) {
            return user("u.user_handle = :key", id.getBytes());
        }

        @Override
        public PublicKeyCredentialUserEntity findByUsername(String username) {
            return user("a.username = :key", username);
        }

        /** The user found by {@code condition} (a constant of this class) on {@code :key}, or null. */
        private PublicKeyCredentialUserEntity user(String condition, Object key) {
            return jdbc.sql("""
                            SELECT a.username, a.display_name, u.user_handle
                            FROM identity_webauthn_user u JOIN identity_account a ON a.id = u.account_id
                            """ + "WHERE " + condition)
                    .param("key", key)
                    .query(Users::userEntity)
                    .optional()
                    .orElse(null);
        }

        /** Only for an account that has none yet: an account keeps its handle until its keys are reset. */
        @Override
        public void save(PublicKeyCredentialUserEntity user) {
            jdbc.sql("""
                            INSERT INTO identity_webauthn_user (account_id, user_handle)
                            SELECT id, :handle FROM identity_account WHERE username = :username
                            ON CONFLICT (account_id) DO NOTHING""")
                    .param("handle", user.getId().getBytes())
                    .param("username", user.getName())
                    .update();
        }

        @Override
        public void delete(Bytes id) {
            jdbc.sql("""
                            DELETE FROM identity_webauthn_credential
                            WHERE account_id = (SELECT account_id FROM identity_webauthn_user WHERE user_handle = :handle)""").param("handle", id.getBytes()).update();
            jdbc.sql("DELETE FROM identity_webauthn_user WHERE user_handle = :handle")
                    .param("handle", id.getBytes())
                    .update();
        }

        /** Gives the account its WebAuthn user handle if it has none, so that concurrent requests agree on one. */
        void ensureUser(long accountId) {
            jdbc.sql("""
                            INSERT INTO identity_webauthn_user (account_id, user_handle) VALUES (:id, :handle)
                            ON CONFLICT (account_id) DO NOTHING""")
                    .param("id", accountId)
                    .param("handle", Bytes.random().getBytes())
                    .update();
        }

        private static PublicKeyCredentialUserEntity userEntity(ResultSet rs, int row) throws SQLException {
            return ImmutablePublicKeyCredentialUserEntity.builder()
                    .name(rs.getString("username"))
                    .displayName(rs.getString("display_name"))
                    .id(new Bytes(rs.getBytes("user_handle")))
                    .build();
        }
    }

    @Override
    public void save(CredentialRecord key) {
        int added = jdbc.sql("""
                        INSERT INTO identity_webauthn_credential (credential_id, account_id, label, credential_type,
                            public_key_cose, signature_count, uv_initialized, backup_eligible, backup_state, transports,
                            attestation_object, attestation_client_data_json, created_at, last_used_at)
                        SELECT :id, u.account_id, :label, :type, :publicKey, :count, :uv, :be, :bs, :transports,
                               :attestation, :clientData, :created, :lastUsed
                        FROM identity_webauthn_user u WHERE u.user_handle = :handle
                        ON CONFLICT (credential_id) DO NOTHING""")
                .param("id", key.getCredentialId().getBytes())
                .param("label", key.getLabel())
                .param(
                        "type",
                        key.getCredentialType() == null
                                ? "public-key"
                                : key.getCredentialType().getValue())
                .param("publicKey", key.getPublicKey().getBytes())
                .param("count", key.getSignatureCount())
                .param("uv", key.isUvInitialized())
                .param("be", key.isBackupEligible())
                .param("bs", key.isBackupState())
                .param("transports", transports(key.getTransports()))
                .param("attestation", bytes(key.getAttestationObject()))
                .param("clientData", bytes(key.getAttestationClientDataJSON()))
                .param("created", Timestamp.from(key.getCreated()))
                .param("lastUsed", Timestamp.from(key.getLastUsed()))
                .param("handle", key.getUserEntityUserId().getBytes())
                .update();
        if (added == 1) {
            return;
        }
        Long stored = jdbc.sql("""
                        SELECT c.signature_count FROM identity_webauthn_credential c
                        JOIN identity_webauthn_user u ON u.account_id = c.account_id
                        WHERE c.credential_id = :id AND u.user_handle = :handle FOR UPDATE OF c""")
                .param("id", key.getCredentialId().getBytes())
                .param("handle", key.getUserEntityUserId().getBytes())
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new IllegalArgumentException("no such key of this user"));
        long presented = key.getSignatureCount();
        if (presented <= stored && !(presented == 0 && stored == 0)) {
            throw new CounterNotAdvanced(stored, presented);
        }
        jdbc.sql("""
                        UPDATE identity_webauthn_credential SET signature_count = :count, last_used_at = :lastUsed,
                            backup_state = :bs
                        WHERE credential_id = :id""")
                .param("count", presented)
                .param("lastUsed", Timestamp.from(key.getLastUsed()))
                .param("bs", key.isBackupState())
                .param("id", key.getCredentialId().getBytes())
                .update();
    }

    @Override
    public CredentialRecord findByCredentialId(Bytes credentialId) {
        return credentials("c.credential_id = :key", credentialId).stream()
                .findFirst()
                .orElse(null);
    }

    @Override
    public List<CredentialRecord> findByUserId(Bytes userId) {
        return credentials("u.user_handle = :key", userId);
    }

    /** The keys found by {@code condition} (a constant of this class) on {@code :key}, oldest first. */
    private List<CredentialRecord> credentials(String condition, Bytes key) {
        return jdbc.sql("SELECT " + CREDENTIAL_COLUMNS + """
                         FROM identity_webauthn_credential c JOIN identity_webauthn_user u ON u.account_id = c.account_id
                        """ + "WHERE " + condition + " ORDER BY c.created_at")
                .param("key", key.getBytes())
                .query(SecurityKeyRecords::credential)
                .list();
    }

    @Override
    public void delete(Bytes credentialId) {
        jdbc.sql("DELETE FROM identity_webauthn_credential WHERE credential_id = :id")
                .param("id", credentialId.getBytes())
                .update();
    }

    /** The keys of an account, oldest first, as their owner sees them. */
    List<SecurityKey> of(long accountId) {
        return jdbc.sql("""
                        SELECT credential_id, label, backup_eligible, created_at, last_used_at
                        FROM identity_webauthn_credential WHERE account_id = :id ORDER BY created_at, label""")
                .param("id", accountId)
                .query((rs, n) -> new SecurityKey(
                        new Bytes(rs.getBytes("credential_id")).toBase64UrlString(),
                        rs.getString("label"),
                        rs.getBoolean("backup_eligible"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("last_used_at").toInstant()))
                .list();
    }

    boolean labelTaken(long accountId, String label) {
        return jdbc.sql("SELECT count(*) FROM identity_webauthn_credential WHERE account_id = :id AND label = :label")
                        .param("id", accountId)
                        .param("label", label)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The label of the account's key, or null when the account has no such key. */
    String remove(long accountId, Bytes credentialId) {
        return jdbc.sql("""
                        DELETE FROM identity_webauthn_credential WHERE account_id = :account AND credential_id = :id
                        RETURNING label""")
                .param("account", accountId)
                .param("id", credentialId.getBytes())
                .query(String.class)
                .optional()
                .orElse(null);
    }

    /** Every key of the account and its user handle; how many keys there were. */
    int removeAll(long accountId) {
        int removed = jdbc.sql("DELETE FROM identity_webauthn_credential WHERE account_id = :id")
                .param("id", accountId)
                .update();
        jdbc.sql("DELETE FROM identity_webauthn_user WHERE account_id = :id")
                .param("id", accountId)
                .update();
        return removed;
    }

    int count(long accountId) {
        return jdbc.sql("SELECT count(*) FROM identity_webauthn_credential WHERE account_id = :id")
                .param("id", accountId)
                .query(Integer.class)
                .single();
    }

    private static CredentialRecord credential(ResultSet rs, int row) throws SQLException {
        return ImmutableCredentialRecord.builder()
                .credentialId(new Bytes(rs.getBytes("credential_id")))
                .credentialType(PublicKeyCredentialType.valueOf(rs.getString("credential_type")))
                .userEntityUserId(new Bytes(rs.getBytes("user_handle")))
                .publicKey(new ImmutablePublicKeyCose(rs.getBytes("public_key_cose")))
                .signatureCount(rs.getLong("signature_count"))
                .uvInitialized(rs.getBoolean("uv_initialized"))
                .backupEligible(rs.getBoolean("backup_eligible"))
                .backupState(rs.getBoolean("backup_state"))
                .transports(transports(rs.getString("transports")))
                .attestationObject(new Bytes(rs.getBytes("attestation_object")))
                .attestationClientDataJSON(new Bytes(rs.getBytes("attestation_client_data_json")))
                .label(rs.getString("label"))
                .created(rs.getTimestamp("created_at").toInstant())
                .lastUsed(rs.getTimestamp("last_used_at").toInstant())
                .build();
    }

    /** The transports the browser reported that WebAuthn defines; anything else it sent is not kept. */
    private static String transports(Set<AuthenticatorTransport> transports) {
        Set<AuthenticatorTransport> known = Set.of(AuthenticatorTransport.values());
        return transports == null
                ? ""
                : transports.stream()
                        .filter(known::contains)
                        .map(AuthenticatorTransport::getValue)
                        .sorted()
                        .collect(Collectors.joining(","));
    }

    private static Set<AuthenticatorTransport> transports(String stored) {
        Set<AuthenticatorTransport> transports = new LinkedHashSet<>();
        Arrays.stream(stored.split(","))
                .filter(t -> !t.isBlank())
                .forEach(t -> transports.add(AuthenticatorTransport.valueOf(t)));
        return transports;
    }

    private static byte[] bytes(Bytes bytes) {
        return bytes == null ? new byte[0] : bytes.getBytes();
    }
}
