package org.zhengwu.licence.document;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.zip.CRC32C;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.X509CertificateHolder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.zhengwu.licence.document.Verification.Outcome;
import org.zhengwu.shared.crypto.Sm2;
import org.zhengwu.shared.crypto.Sm3;

/**
 * Verifies the GB/T 38540 seals of an OFD file with BouncyCastle and the platform's {@link Sm2}, {@link Sm3} alone
 * (not ofdrw's verifier, which needs BouncyCastle &lt; 1.75; see docs/LICENCES.md):
 *
 * <ol>
 *   <li>the package reads within bounds ({@link OfdPackage}), OFD.xml names its first document's Signatures.xml;
 *   <li>every file the seal protects (Signature.xml's References) has the SM3 digest written there, and no file of the
 *       package is left unprotected but the signature's own two;
 *   <li>SignedValue.dat is an SES_Signature whose dataHash is the SM3 of Signature.xml, signed (SM2 with SM3 over
 *       TBS_Sign) by the key of its signer certificate, which the seal lists; the seal's maker signature holds;
 *   <li>the signer certificate, and the seal maker's, were signed by a root on the trust list;
 *   <li>both, the root and the seal were valid at the signing time.
 * </ol>
 *
 * Results that depend only on certificates and seals are remembered: the maker's signature per seal (keyed by the
 * seal's exact bytes), the chain per certificate and trust-list version, the signer's SM2 key decoded once per key
 * (BouncyCastle keeps the point's precomputed multiples on it). Every file is still digested and its SM2 signature
 * checked, so a file of a known issuer costs the SM3 of its files and one SM2 verification.
 */
final class OfdVerifier {

    /** The trusted roots at some moment; a new version whenever the list changes. */
    record Roots(long version, List<X509CertificateHolder> certificates) {}

    private static final String SM3_OID = "1.2.156.10197.1.401";
    private static final DocumentBuilderFactory XML = secureFactory();
    /** A parser per thread, reset after each file (a DocumentBuilder is not thread-safe; making one costs). */
    private static final ThreadLocal<DocumentBuilder> PARSER = ThreadLocal.withInitial(OfdVerifier::newParser);
    /** At most this many bytes of seals are remembered with their maker-signature result (≈ 1,200 seals of 26 KB). */
    private static final long MAKER_CACHE_BYTES = 32L << 20;

    private final Supplier<Roots> roots;
    private final long maxBytes;
    private final Cache<Bytes, Boolean> makerSignatures = Caffeine.newBuilder()
            .maximumWeight(MAKER_CACHE_BYTES)
            .weigher((Bytes seal, Boolean holds) -> seal.length())
            .build();
    private final Cache<Bytes, Sm2.PublicKey> signerKeys =
            Caffeine.newBuilder().maximumSize(10_000).build();
    private final Cache<String, X509CertificateHolder> chains =
            Caffeine.newBuilder().maximumSize(10_000).build();

    OfdVerifier(Supplier<Roots> roots, long maxBytes) {
        this.roots = roots;
        this.maxBytes = maxBytes;
    }

    Verification verify(byte[] ofd) {
        try {
            return verifyOrThrow(ofd);
        } catch (OfdPackage.Malformed e) {
            return Verification.of(Outcome.MALFORMED_FILE, e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            // Whatever a hostile file makes a parser throw is a file we cannot read, never an error of the caller.
            return Verification.of(Outcome.MALFORMED_FILE, "unreadable: " + e);
        }
    }

    private Verification verifyOrThrow(byte[] ofd) throws OfdPackage.Malformed {
        Map<String, byte[]> files = OfdPackage.read(ofd, maxBytes);
        byte[] ofdXml = files.get("OFD.xml");
        if (ofdXml == null) {
            throw new OfdPackage.Malformed("no OFD.xml: not an OFD file");
        }
        Element root = parse(ofdXml, "OFD.xml").getDocumentElement();
        if (!"OFD".equals(root.getLocalName())) {
            throw new OfdPackage.Malformed("OFD.xml is not an OFD entry file");
        }
        Element body = first(root, "DocBody");
        if (body == null) {
            throw new OfdPackage.Malformed("OFD.xml has no DocBody");
        }
        String identifier = customData(body, LicenceDocuments.IDENTIFIER_DATA);
        Verification found = new Verification(null, identifier, null, null, null, null, null, customData(body));
        Element signaturesRef = first(body, "Signatures");
        if (signaturesRef == null) {
            return found.with(Outcome.UNSIGNED, "OFD.xml names no Signatures.xml");
        }
        String signaturesPath = resolve("", signaturesRef.getTextContent());
        byte[] signaturesXml = files.get(signaturesPath);
        if (signaturesXml == null) {
            return found.with(Outcome.SIGNATURE_INVALID, "Signatures.xml missing: " + signaturesPath);
        }
        List<String> signaturePaths = new ArrayList<>();
        NodeList list = parse(signaturesXml, signaturesPath).getElementsByTagNameNS("*", "Signature");
        for (int i = 0; i < list.getLength(); i++) {
            Element signature = (Element) list.item(i);
            signaturePaths.add(resolve(parent(signaturesPath), signature.getAttribute("BaseLoc")));
        }
        if (signaturePaths.isEmpty()) {
            return found.with(Outcome.UNSIGNED, "Signatures.xml lists no signature");
        }
        if (signaturePaths.size() > 1) {
            return found.with(Outcome.SIGNATURE_INVALID, "more than one signature; a licence carries one seal");
        }
        return verifySignature(files, signaturePaths.get(0), found);
    }

    private Verification verifySignature(Map<String, byte[]> files, String signaturePath, Verification found)
            throws OfdPackage.Malformed {
        byte[] signatureXml = files.get(signaturePath);
        if (signatureXml == null) {
            return found.with(Outcome.SIGNATURE_INVALID, "Signature.xml missing: " + signaturePath);
        }
        Document signature = parse(signatureXml, signaturePath);
        Element references = first(signature.getDocumentElement(), "References");
        Element signedValueRef = first(signature.getDocumentElement(), "SignedValue");
        if (references == null || signedValueRef == null) {
            return found.with(Outcome.SIGNATURE_INVALID, "Signature.xml without References or SignedValue");
        }
        String method = references.getAttribute("CheckMethod");
        if (!"SM3".equalsIgnoreCase(method) && !SM3_OID.equals(method)) {
            return found.with(Outcome.SIGNATURE_INVALID, "digest method " + method + " is not SM3");
        }
        String signedValuePath = resolve(parent(signaturePath), signedValueRef.getTextContent());
        Set<String> protectedFiles = new HashSet<>();
        NodeList refs = references.getElementsByTagNameNS("*", "Reference");
        for (int i = 0; i < refs.getLength(); i++) {
            Element ref = (Element) refs.item(i);
            String path = resolve("", ref.getAttribute("FileRef"));
            byte[] content = files.get(path);
            Element checkValue = first(ref, "CheckValue");
            if (content == null || checkValue == null) {
                return found.with(Outcome.SIGNATURE_INVALID, "protected file missing: " + path);
            }
            byte[] expected;
            try {
                expected = Base64.getMimeDecoder()
                        .decode(checkValue.getTextContent().strip());
            } catch (IllegalArgumentException e) {
                return found.with(Outcome.SIGNATURE_INVALID, "check value of " + path + " is not base64");
            }
            if (!MessageDigest.isEqual(expected, Sm3.hash(content))) {
                return found.with(Outcome.SIGNATURE_INVALID, "changed since sealed: " + path);
            }
            protectedFiles.add(path);
        }
        for (String path : files.keySet()) {
            if (!protectedFiles.contains(path) && !path.equals(signaturePath) && !path.equals(signedValuePath)) {
                return found.with(Outcome.SIGNATURE_INVALID, "not protected by the seal: " + path);
            }
        }
        if (!protectedFiles.contains("OFD.xml")) {
            return found.with(Outcome.SIGNATURE_INVALID, "OFD.xml is not protected by the seal");
        }
        byte[] signedValue = files.get(signedValuePath);
        if (signedValue == null) {
            return found.with(Outcome.SIGNATURE_INVALID, "SignedValue.dat missing: " + signedValuePath);
        }
        Ses.Signature ses;
        X509CertificateHolder signer;
        X509CertificateHolder maker;
        try {
            ses = Ses.readSignature(signedValue);
            signer = SealCertificates.holder(ses.signerCertificate());
            maker = SealCertificates.holder(ses.seal().makerCertificate());
        } catch (IllegalArgumentException e) {
            return found.with(Outcome.SIGNATURE_INVALID, "SignedValue.dat is not a GB/T 38540 signature: " + e);
        }
        Verification read = new Verification(
                null,
                found.identifier(),
                name(signer),
                SealCertificates.subject(signer, BCStyle.ORGANIZATION_IDENTIFIER),
                ses.signedAt(),
                ses.seal().name(),
                null,
                found.data());
        if (!MessageDigest.isEqual(ses.dataHash(), Sm3.hash(signatureXml))) {
            return read.with(Outcome.SIGNATURE_INVALID, "the seal's data hash is not Signature.xml's");
        }
        Sm2.PublicKey signerKey;
        try {
            signerKey = signerKeys.get(new Bytes(SealCertificates.publicKey(signer)), k -> Sm2.PublicKey.of(k.value()));
        } catch (IllegalArgumentException e) {
            return read.with(Outcome.SIGNATURE_INVALID, "signer certificate: " + e.getMessage());
        }
        if (!Sm2.verify(signerKey, ses.toBeSigned(), ses.signature())) {
            return read.with(Outcome.SIGNATURE_INVALID, "the signature over TBS_Sign does not hold");
        }
        if (ses.seal().certificates().stream().noneMatch(c -> MessageDigest.isEqual(c, ses.signerCertificate()))) {
            return read.with(Outcome.SIGNATURE_INVALID, "the seal does not list the signer's certificate");
        }
        if (!makerSignatureHolds(ses.seal(), maker)) {
            return read.with(Outcome.SIGNATURE_INVALID, "the seal's own signature does not hold");
        }
        Roots trusted = roots.get();
        X509CertificateHolder root = trustedRoot(trusted, signer);
        if (root == null || trustedRoot(trusted, maker) == null) {
            return read.with(Outcome.ISSUER_UNTRUSTED, "no trusted root signed " + signer.getSubject());
        }
        Instant at = ses.signedAt();
        if (!SealCertificates.validAt(signer, at) || !SealCertificates.validAt(root, at)) {
            return read.with(Outcome.CERTIFICATE_EXPIRED, "a certificate was not valid at " + at);
        }
        if (at.isBefore(ses.seal().validStart()) || at.isAfter(ses.seal().validEnd())) {
            return read.with(Outcome.CERTIFICATE_EXPIRED, "the seal was not valid at " + at);
        }
        return read.with(Outcome.VALID, "sealed by " + signer.getSubject());
    }

    /** Cached by the exact bytes of the seal (which hold the maker's certificate and signature). */
    private boolean makerSignatureHolds(Ses.Seal seal, X509CertificateHolder maker) {
        return makerSignatures.get(new Bytes(seal.encoded()), k -> {
            try {
                return Sm2.verify(SealCertificates.publicKey(maker), seal.makerSigned(), seal.makerSignature());
            } catch (IllegalArgumentException e) {
                return false;
            }
        });
    }

    /** The root on the list that is, or signed, the certificate; null if none. */
    private X509CertificateHolder trustedRoot(Roots trusted, X509CertificateHolder certificate) {
        String key;
        try {
            key = trusted.version() + ":" + SealCertificates.fingerprint(certificate.getEncoded());
        } catch (IOException e) {
            return null;
        }
        X509CertificateHolder cached = chains.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        for (X509CertificateHolder root : trusted.certificates()) {
            if (root.equals(certificate) || SealCertificates.signedBy(certificate, root)) {
                chains.put(key, root);
                return root;
            }
        }
        return null;
    }

    private static String name(X509CertificateHolder certificate) {
        String o = SealCertificates.subject(certificate, BCStyle.O);
        return o != null ? o : SealCertificates.subject(certificate, BCStyle.CN);
    }

    private static java.util.Map<String, String> customData(Element body) {
        java.util.Map<String, String> all = new java.util.LinkedHashMap<>();
        NodeList data = body.getElementsByTagNameNS("*", "CustomData");
        for (int i = 0; i < data.getLength() && i < 64; i++) {
            Element element = (Element) data.item(i);
            all.putIfAbsent(
                    element.getAttribute("Name"), element.getTextContent().strip());
        }
        return all;
    }

    private static String customData(Element body, String name) {
        NodeList data = body.getElementsByTagNameNS("*", "CustomData");
        for (int i = 0; i < data.getLength(); i++) {
            Element element = (Element) data.item(i);
            if (name.equals(element.getAttribute("Name"))) {
                return element.getTextContent().strip();
            }
        }
        return null;
    }

    private static Element first(Element parent, String localName) {
        NodeList nodes = parent.getElementsByTagNameNS("*", localName);
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element) {
                return element;
            }
        }
        return null;
    }

    /** A path of the package: absolute ("/Doc_0/…") from the root, otherwise from {@code base}; no leading slash. */
    static String resolve(String base, String loc) {
        String path = loc == null ? "" : loc.strip().replace('\\', '/');
        String joined = path.startsWith("/") ? path : (base.isEmpty() ? path : base + "/" + path);
        List<String> parts = new ArrayList<>();
        for (String part : joined.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
                continue;
            }
            parts.add(part);
        }
        return String.join("/", parts);
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static Document parse(byte[] xml, String name) throws OfdPackage.Malformed {
        DocumentBuilder builder = PARSER.get();
        try {
            return builder.parse(OfdPackage.stream(xml));
        } catch (SAXException | IOException e) {
            throw new OfdPackage.Malformed(name + " is not well-formed XML");
        } finally {
            builder.reset();
            builder.setErrorHandler(null);
        }
    }

    private static DocumentBuilder newParser() {
        try {
            DocumentBuilder builder = XML.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("cannot make an XML parser", e);
        }
    }

    /** Bytes compared by content: an exact cache key (CRC32C only spreads the keys; equality is byte for byte). */
    private record Bytes(byte[] value, int hash) {
        Bytes(byte[] value) {
            this(value, crc32c(value));
        }

        int length() {
            return value.length;
        }

        private static int crc32c(byte[] value) {
            CRC32C crc = new CRC32C();
            crc.update(value);
            return (int) crc.getValue();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Bytes that && hash == that.hash && Arrays.equals(value, that.value);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public String toString() {
            return value.length + " bytes";
        }
    }

    private static DocumentBuilderFactory secureFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try {
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (ParserConfigurationException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot make the XML parser safe", e);
        }
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }
}
