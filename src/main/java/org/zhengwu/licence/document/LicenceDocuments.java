package org.zhengwu.licence.document;

import java.time.Clock;
import java.util.Objects;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Licence files: an OFD (GB/T 33190) laid out from a licence's content and sealed with the issuing organisation's
 * GB/T 38540 electronic seal ({@link #issue}); the verification of such a file, whoever issued it ({@link #verify});
 * and its page as a picture ({@link #render}). The seal keys are the {@link SealSigner}'s; the roots whose seals
 * verify are {@link IssuerTrust}'s. See docs/LICENCES.md.
 */
@Service
@EnableConfigurationProperties(LicenceDocumentsProperties.class)
public class LicenceDocuments {

    /**
     * The DocInfo CustomData that carries the licence identifier, under the seal. Beside it the document carries, also
     * sealed, {@code licence.number}, {@code licence.version}, {@code licence.title}, {@code licence.holder.name},
     * {@code licence.holder.code}, {@code licence.holder.code-kind}, {@code licence.issuer.name},
     * {@code licence.issuer.uscc}, {@code licence.issued-on}, {@code licence.valid-from} and
     * {@code licence.valid-until} (empty: 长期) — what another platform needs to register an imported licence.
     */
    public static final String IDENTIFIER_DATA = "licence.identifier";

    private final SealSigner signer;
    private final LicenceFonts fonts;
    private final Clock clock;
    private final OfdVerifier verifier;
    private final long maxFileSize;
    private volatile OfdComposer composer;
    private volatile OfdRenderer renderer;

    LicenceDocuments(
            SealSigner signer,
            LicenceFonts fonts,
            IssuerTrust trust,
            Clock clock,
            LicenceDocumentsProperties properties) {
        this.signer = signer;
        this.fonts = fonts;
        this.clock = clock;
        this.maxFileSize = properties.maxFileSize().toBytes();
        this.verifier = new OfdVerifier(trust::roots, maxFileSize);
    }

    /**
     * The sealed OFD of a licence, the issuer's seal (made on its first licence) stamped over the issuer's name.
     *
     * @throws IllegalStateException when no CJK font is installed (the message says what to install)
     */
    public byte[] issue(LicenceContent content) {
        return issue(content, signer);
    }

    byte[] issue(LicenceContent content, SealSigner with) {
        Objects.requireNonNull(content.identifier(), "identifier");
        Objects.requireNonNull(content.issuerUscc(), "issuerUscc");
        SealSigner.OrganisationSeal seal = with.seal(content.issuerUscc(), content.issuerName());
        return OfdSealer.seal(
                composer().files(content, true),
                with,
                seal,
                OfdComposer.geometry(content.layout()).sealBox(),
                clock);
    }

    /** What the file's seal says; never throws for any input (null included: {@code MALFORMED_FILE}). */
    public Verification verify(byte[] ofd) {
        return verifier.verify(ofd);
    }

    /**
     * The first page as a PNG at {@code dpi} dots per inch (36 to 600).
     *
     * @throws IllegalArgumentException when the dpi is out of range or the file cannot be read as an OFD
     */
    public byte[] render(byte[] ofd, int dpi) {
        java.util.Map<String, byte[]> files;
        try {
            files = OfdPackage.read(ofd, maxFileSize);
        } catch (OfdPackage.Malformed e) {
            throw new IllegalArgumentException("not an OFD file: " + e.getMessage());
        }
        try {
            return renderer().png(files, dpi);
        } catch (RuntimeException e) {
            throw e instanceof IllegalArgumentException ? e : new IllegalArgumentException("cannot draw: " + e, e);
        }
    }

    private OfdComposer composer() {
        OfdComposer current = composer;
        if (current == null) {
            current = new OfdComposer(fonts.font());
            composer = current;
        }
        return current;
    }

    private OfdRenderer renderer() {
        OfdRenderer current = renderer;
        if (current == null) {
            current = new OfdRenderer(fonts.font());
            renderer = current;
        }
        return current;
    }
}
