package org.zhengwu.licence.document;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.cert.X509CertificateHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.zhengwu.shared.crypto.PlatformKeys;
import org.zhengwu.shared.crypto.Sm2;

/**
 * The embedded default {@link SealSigner}: the platform root (made once, at first start or first use) and each
 * organisation's seal (made at its first licence) live in the database, private keys sealed with the platform's field
 * key (SM4-GCM; the context names the row, so a key copied to another row does not open). Two nodes or threads making
 * the same seal at once both insert with ON CONFLICT DO NOTHING and then both read the one row that won. Seals are
 * cached per node once read — rows only change when a certificate expires, and then every node reads the new one.
 */
@Component
class LocalSealSigner implements SealSigner, ApplicationRunner {

    static final Duration ROOT_VALIDITY = Duration.ofDays(20 * 366);
    static final Duration SEAL_VALIDITY = Duration.ofDays(5 * 366);
    private static final Duration SKEW = Duration.ofDays(1);
    private static final Logger log = LoggerFactory.getLogger(LocalSealSigner.class);

    /** A seal's private key is sealed with this followed by its owner: the issuer's credit code, or root. */
    static final String CONTEXT_PREFIX = "licence_seal.private_key/";

    record Root(byte[] certificate, byte[] privateKey) {}

    private record Material(OrganisationSeal seal, byte[] privateKey, X509CertificateHolder certificate) {}

    private final JdbcClient jdbc;
    private final PlatformKeys keys;
    private final Clock clock;
    private final CjkFont font;
    private final String rootName;
    private volatile Root root;
    private final Map<String, Material> seals = new ConcurrentHashMap<>();

    LocalSealSigner(
            JdbcClient jdbc,
            PlatformKeys keys,
            Clock clock,
            LicenceFonts fonts,
            LicenceDocumentsProperties properties) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.clock = clock;
        this.font = fonts.font();
        this.rootName = properties.rootName();
    }

    /** The platform root is made at the first start on a new database. */
    @Override
    public void run(ApplicationArguments args) {
        root();
    }

    /** The platform root, made on first call on a new database. */
    Root root() {
        Root current = root;
        if (current == null) {
            current = readRoot().orElseGet(this::makeRoot);
            root = current;
        }
        return current;
    }

    @Override
    public OrganisationSeal seal(String issuerUscc, String issuerName) {
        Material material = seals.get(issuerUscc);
        if (material == null || !usable(material.certificate())) {
            material = load(issuerUscc, issuerName);
            seals.put(issuerUscc, material);
        }
        return material.seal();
    }

    @Override
    public byte[] sign(OrganisationSeal seal, byte[] toBeSigned) {
        Material material = seals.get(seal.issuerUscc());
        if (material == null
                || !java.util.Arrays.equals(material.seal().signerCertificate(), seal.signerCertificate())) {
            throw new IllegalArgumentException("not a seal of this signer: " + seal.issuerUscc());
        }
        return Sm2.sign(material.privateKey(), toBeSigned);
    }

    private Material load(String uscc, String name) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<Material> stored = readSeal(uscc);
            if (stored.isPresent() && usable(stored.get().certificate())) {
                return stored.get();
            }
            Root r = root();
            Instant now = clock.instant();
            SealMaker.Made made = SealMaker.make(
                    font, r.certificate(), r.privateKey(), uscc, name, now.minus(SKEW), now.plus(SEAL_VALIDITY));
            int written;
            if (stored.isEmpty()) {
                written = jdbc.sql("""
                                INSERT INTO licence_seal (issuer_uscc, issuer_name, certificate, private_key, seal,
                                    seal_id, valid_until, created_at)
                                VALUES (:uscc, :name, :certificate, :key, :seal, :sealId, :validUntil, :now)
                                ON CONFLICT DO NOTHING""")
                        .param("uscc", uscc)
                        .param("name", name)
                        .param("certificate", made.seal().signerCertificate())
                        .param("key", seal(made.privateKey(), uscc))
                        .param("seal", made.seal().seal())
                        .param("sealId", made.sealId())
                        .param("validUntil", Timestamp.from(made.validUntil()))
                        .param("now", Timestamp.from(now))
                        .update();
            } else {
                // Expired: replace it, unless another node already did (then read theirs).
                written = jdbc.sql("""
                                UPDATE licence_seal SET issuer_name = :name, certificate = :certificate,
                                    private_key = :key, seal = :seal, seal_id = :sealId, valid_until = :validUntil,
                                    created_at = :now
                                WHERE issuer_uscc = :uscc AND certificate = :old""")
                        .param("uscc", uscc)
                        .param("name", name)
                        .param("certificate", made.seal().signerCertificate())
                        .param("key", seal(made.privateKey(), uscc))
                        .param("seal", made.seal().seal())
                        .param("sealId", made.sealId())
                        .param("validUntil", Timestamp.from(made.validUntil()))
                        .param("now", Timestamp.from(now))
                        .param("old", stored.get().seal().signerCertificate())
                        .update();
            }
            if (written == 1) {
                log.info("Made the licence seal of {} ({})", name, uscc);
                return new Material(
                        made.seal(),
                        made.privateKey(),
                        SealCertificates.holder(made.seal().signerCertificate()));
            }
        }
        throw new IllegalStateException("could not make or read the seal of " + uscc);
    }

    private boolean usable(X509CertificateHolder certificate) {
        return SealCertificates.validAt(certificate, clock.instant().plus(Duration.ofHours(1)));
    }

    private Optional<Material> readSeal(String uscc) {
        return jdbc.sql(
                        "SELECT issuer_name, certificate, private_key, seal FROM licence_seal WHERE issuer_uscc = :uscc")
                .param("uscc", uscc)
                .query((rs, n) -> {
                    byte[] certificate = rs.getBytes("certificate");
                    return new Material(
                            new OrganisationSeal(uscc, rs.getString("issuer_name"), certificate, rs.getBytes("seal")),
                            open(rs.getBytes("private_key"), uscc),
                            SealCertificates.holder(certificate));
                })
                .optional();
    }

    private Optional<Root> readRoot() {
        return jdbc.sql("SELECT certificate, private_key FROM licence_seal_root WHERE id = 1")
                .query((rs, n) -> new Root(rs.getBytes("certificate"), open(rs.getBytes("private_key"), "root")))
                .optional();
    }

    private Root makeRoot() {
        byte[] key = Sm2.newPrivateKey();
        Instant now = clock.instant();
        byte[] certificate = SealCertificates.root(rootName, key, now.minus(SKEW), now.plus(ROOT_VALIDITY));
        int inserted = jdbc.sql("""
                        INSERT INTO licence_seal_root (id, certificate, private_key, created_at)
                        VALUES (1, :certificate, :key, :now) ON CONFLICT (id) DO NOTHING""")
                .param("certificate", certificate)
                .param("key", seal(key, "root"))
                .param("now", Timestamp.from(now))
                .update();
        if (inserted == 1) {
            log.info("Made the platform's root certificate for licence seals ({})", rootName);
            return new Root(certificate, key);
        }
        return readRoot().orElseThrow(() -> new IllegalStateException("licence seal root vanished"));
    }

    private byte[] seal(byte[] privateKey, String owner) {
        return keys.encrypt(Base64.getEncoder().encodeToString(privateKey), context(owner));
    }

    private byte[] open(byte[] sealed, String owner) {
        return Base64.getDecoder().decode(keys.decrypt(sealed, context(owner)).getBytes(StandardCharsets.US_ASCII));
    }

    private static String context(String owner) {
        return CONTEXT_PREFIX + owner;
    }
}
