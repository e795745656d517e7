package org.zhengwu.licence.document;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.cert.X509CertificateHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;

/**
 * The trust list for licence seals: the issuer roots whose seals verify (互认). The platform's own root is always on
 * it; other platforms' roots are added and removed by staff holding {@code licence.trust} (the caller checks the
 * permission), each change in the accountability log. Each node re-reads the list at most a minute after another
 * node changed it, and at once after its own change.
 */
@Service
public class IssuerTrust {

    /** @param platform the platform's own root: always trusted, cannot be removed */
    public record TrustedRoot(
            String fingerprint,
            String name,
            String subject,
            Instant notAfter,
            String addedBy,
            Instant addedAt,
            boolean platform) {}

    private static final Duration REFRESH = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final LocalSealSigner platform;
    private final AccountabilityLog audit;
    private final Clock clock;
    private final AtomicLong version = new AtomicLong();
    private volatile OfdVerifier.Roots snapshot;
    private volatile Instant loadedAt = Instant.EPOCH;

    IssuerTrust(JdbcClient jdbc, LocalSealSigner platform, AccountabilityLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.platform = platform;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Trusts another platform's issuer root.
     *
     * @throws IllegalArgumentException when the bytes are not a self-signed SM2 X.509 certificate valid now (the
     *     message says which), or it is the platform's own root
     */
    @Transactional
    public TrustedRoot trust(String name, byte[] certificateDer, String addedBy) {
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw new IllegalArgumentException("a name of 1 to 200 characters is needed");
        }
        X509CertificateHolder certificate = SealCertificates.holder(certificateDer);
        SealCertificates.publicKey(certificate);
        if (!SealCertificates.signedBy(certificate, certificate)) {
            throw new IllegalArgumentException("not a self-signed SM2 root certificate");
        }
        Instant now = clock.instant();
        if (!SealCertificates.validAt(certificate, now)) {
            throw new IllegalArgumentException("the certificate is not valid now");
        }
        String fingerprint = SealCertificates.fingerprint(certificateDer);
        if (fingerprint.equals(SealCertificates.fingerprint(platform.root().certificate()))) {
            throw new IllegalArgumentException("the platform's own root is always trusted");
        }
        jdbc.sql("""
                        INSERT INTO licence_trusted_root (fingerprint, name, subject, certificate, not_after, added_by,
                            added_at)
                        VALUES (:fingerprint, :name, :subject, :certificate, :notAfter, :addedBy, :now)
                        ON CONFLICT (fingerprint) DO UPDATE SET name = EXCLUDED.name""")
                .param("fingerprint", fingerprint)
                .param("name", name.strip())
                .param("subject", certificate.getSubject().toString())
                .param("certificate", certificateDer)
                .param("notAfter", Timestamp.from(certificate.getNotAfter().toInstant()))
                .param("addedBy", addedBy)
                .param("now", Timestamp.from(now))
                .update();
        audit.record(AuditEvent.success(addedBy, "licence.trust.add", "trusted-root", fingerprint)
                .withDetails(name.strip() + " — " + certificate.getSubject()));
        changed();
        return list().stream()
                .filter(root -> root.fingerprint().equals(fingerprint))
                .findFirst()
                .orElseThrow();
    }

    /** Removes a root from the list; false when it was not on it (the platform's own root never is). */
    @Transactional
    public boolean untrust(String fingerprint, String removedBy) {
        int removed = jdbc.sql("DELETE FROM licence_trusted_root WHERE fingerprint = :fingerprint")
                .param("fingerprint", fingerprint)
                .update();
        if (removed == 1) {
            audit.record(AuditEvent.success(removedBy, "licence.trust.remove", "trusted-root", fingerprint));
            changed();
        }
        return removed == 1;
    }

    /** The platform's root first, then the others by name. */
    public List<TrustedRoot> list() {
        List<TrustedRoot> roots = new ArrayList<>();
        byte[] own = platform.root().certificate();
        X509CertificateHolder holder = SealCertificates.holder(own);
        roots.add(new TrustedRoot(
                SealCertificates.fingerprint(own),
                SealCertificates.subject(holder, org.bouncycastle.asn1.x500.style.BCStyle.CN),
                holder.getSubject().toString(),
                holder.getNotAfter().toInstant(),
                "system",
                holder.getNotBefore().toInstant(),
                true));
        roots.addAll(jdbc.sql("""
                        SELECT fingerprint, name, subject, not_after, added_by, added_at
                        FROM licence_trusted_root ORDER BY name, fingerprint""")
                .query((rs, n) -> new TrustedRoot(
                        rs.getString("fingerprint"),
                        rs.getString("name"),
                        rs.getString("subject"),
                        rs.getTimestamp("not_after").toInstant(),
                        rs.getString("added_by"),
                        rs.getTimestamp("added_at").toInstant(),
                        false))
                .list());
        return roots;
    }

    /** The platform's own root certificate (DER), to hand to other platforms for their trust lists. */
    public byte[] platformRoot() {
        return platform.root().certificate().clone();
    }

    /** The roots seals are checked against now. */
    OfdVerifier.Roots roots() {
        OfdVerifier.Roots current = snapshot;
        Instant now = clock.instant();
        if (current == null || now.isAfter(loadedAt.plus(REFRESH))) {
            List<X509CertificateHolder> certificates = new ArrayList<>();
            certificates.add(SealCertificates.holder(platform.root().certificate()));
            jdbc.sql("SELECT certificate FROM licence_trusted_root ORDER BY fingerprint")
                    .query((rs, n) -> rs.getBytes("certificate"))
                    .list()
                    .forEach(der -> certificates.add(SealCertificates.holder(der)));
            boolean same = current != null && current.certificates().equals(certificates);
            current = same ? current : new OfdVerifier.Roots(version.incrementAndGet(), List.copyOf(certificates));
            snapshot = current;
            loadedAt = now;
        }
        return current;
    }

    private void changed() {
        snapshot = null;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // a reader on this node may have loaded the old list meanwhile
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    snapshot = null;
                }
            });
        }
    }
}
