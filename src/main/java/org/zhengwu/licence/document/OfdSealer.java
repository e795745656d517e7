package org.zhengwu.licence.document;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.zhengwu.shared.crypto.Sm3;

/**
 * Applies an organisation's GB/T 38540 seal to the files of an OFD in memory and packs them once: Signatures.xml
 * naming the one signature, the seal (Seal.esl), Signature.xml — whole-document protection: every file of the package,
 * OFD.xml with its metadata included, listed with its SM3 digest; the seal's picture stamped (StampAnnot) on the first
 * page — and SignedValue.dat, the SES_Signature ({@link Ses}) whose dataHash is the SM3 of Signature.xml, signed by
 * the {@link SealSigner}, so that a signing server sees only the TBS_Sign bytes. The files and their ids are those
 * ofdrw-sign's {@code OFDSigner} wrote, elements in the order of the GB/T 33190 schema.
 */
final class OfdSealer {

    static final String SIGN_DIR = "Doc_0/Signs/Sign_0/";
    static final String SIGNATURE = SIGN_DIR + "Signature.xml";
    static final String SIGNED_VALUE = SIGN_DIR + "SignedValue.dat";
    static final String SEAL = SIGN_DIR + "Seal.esl";
    private static final DateTimeFormatter SIGNATURE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String NS = OfdComposer.OFD_NS;
    private static final byte[] SIGNATURES_XML = (OfdComposer.XML_DECLARATION + "<ofd:Signatures xmlns:ofd=\"" + NS
                    + "\"><ofd:MaxSignId>s002</ofd:MaxSignId><ofd:Signature ID=\"s001\" Type=\"Seal\" BaseLoc=\"/"
                    + SIGNATURE + "\"/></ofd:Signatures>")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private static final String SIGNATURES_DIGEST = digest(SIGNATURES_XML);
    /** The SM3 of a seal's bytes, by identity: a signer hands out the same seal object while it is current. */
    private static final Cache<byte[], String> SEAL_DIGESTS =
            Caffeine.newBuilder().weakKeys().maximumSize(10_000).build();

    private OfdSealer() {}

    /**
     * The sealed package of {@code unsigned} (the composer's files, OFD.xml naming {@value OfdComposer#SIGNATURES}),
     * the seal's picture in {@code box} (x, y, width, height in mm) on the first page.
     */
    static byte[] seal(
            Map<String, byte[]> unsigned,
            SealSigner signer,
            SealSigner.OrganisationSeal seal,
            double[] box,
            Clock clock) {
        Map<String, byte[]> files = new LinkedHashMap<>(unsigned);
        files.put(OfdComposer.SIGNATURES, SIGNATURES_XML);
        files.put(SEAL, seal.seal());
        Instant now = clock.instant();
        OfdComposer.Xml x = new OfdComposer.Xml(2048);
        x.raw(OfdComposer.XML_DECLARATION)
                .raw("<ofd:Signature xmlns:ofd=\"")
                .raw(NS)
                .raw("\"><ofd:SignedInfo>");
        x.raw("<ofd:Provider ProviderName=\"Zhengwu\" Company=\"Zhengwu\" Version=\"1.0\"/>");
        x.raw("<ofd:SignatureMethod>").raw(Ses.SM2_WITH_SM3.getId()).raw("</ofd:SignatureMethod>");
        x.raw("<ofd:SignatureDateTime")
                .raw(">")
                .raw(SIGNATURE_TIME.format(now.atZone(ZoneId.systemDefault())))
                .raw("</ofd:SignatureDateTime>");
        x.raw("<ofd:References CheckMethod=\"SM3\">");
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String path = file.getKey();
            String digest = path.equals(OfdComposer.SIGNATURES)
                    ? SIGNATURES_DIGEST
                    : path.equals(SEAL)
                            ? SEAL_DIGESTS.get(file.getValue(), OfdSealer::digest)
                            : digest(file.getValue());
            x.raw("<ofd:Reference FileRef=\"/")
                    .text(path)
                    .raw("\"><ofd:CheckValue>")
                    .raw(digest)
                    .raw("</ofd:CheckValue></ofd:Reference>");
        }
        x.raw("</ofd:References>");
        x.raw("<ofd:StampAnnot ID=\"s002\" Boundary=\"")
                .num(box[0])
                .raw(" ")
                .num(box[1])
                .raw(" ")
                .num(box[2])
                .raw(" ")
                .num(box[3])
                .raw("\" PageRef=\"1\"/>");
        x.raw("<ofd:Seal><ofd:BaseLoc>/").raw(SEAL).raw("</ofd:BaseLoc></ofd:Seal></ofd:SignedInfo>");
        x.raw("<ofd:SignedValue>/").raw(SIGNED_VALUE).raw("</ofd:SignedValue></ofd:Signature>");
        byte[] signatureXml = x.bytes();
        byte[] toBeSigned = Ses.signatureToBeSigned(seal.seal(), now, Sm3.hash(signatureXml), "/" + SIGNATURE);
        byte[] signedValue = Ses.signature(toBeSigned, seal.signerCertificate(), signer.sign(seal, toBeSigned));
        files.put(SIGNATURE, signatureXml);
        files.put(SIGNED_VALUE, signedValue);
        return OfdPackage.write(files);
    }

    private static String digest(byte[] content) {
        return Base64.getEncoder().encodeToString(Sm3.hash(content));
    }
}
