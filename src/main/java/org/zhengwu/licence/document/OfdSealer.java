package org.zhengwu.licence.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.jcajce.provider.digest.SM3;
import org.ofdrw.core.signatures.SigType;
import org.ofdrw.reader.OFDReader;
import org.ofdrw.sign.ExtendSignatureContainer;
import org.ofdrw.sign.OFDSigner;
import org.ofdrw.sign.SignMode;
import org.ofdrw.sign.stamppos.NormalStampPos;
import org.springframework.util.FileSystemUtils;
import org.zhengwu.shared.crypto.Sm3;

/**
 * Applies an organisation's GB/T 38540 seal to an OFD with ofdrw's {@link OFDSigner} (whole-document protection: every
 * file of the package, OFD.xml with its metadata included, is listed with its SM3 digest in Signature.xml), the
 * seal's picture stamped on the first page. The SES_Signature is built here ({@link Ses}) and signed by the
 * {@link SealSigner}, so that a signing server sees only the TBS_Sign bytes.
 */
final class OfdSealer {

    private OfdSealer() {}

    static byte[] seal(
            byte[] unsigned, SealSigner signer, SealSigner.OrganisationSeal seal, double[] box, Clock clock) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("licence-seal");
            Path out = dir.resolve("sealed.ofd");
            OFDReader reader = new OFDReader(new ByteArrayInputStream(unsigned));
            try {
                OFDSigner ofdSigner = new OFDSigner(reader, out);
                ofdSigner.setSignMode(SignMode.WholeProtected);
                ofdSigner.setSignContainer(new Container(signer, seal, clock));
                ofdSigner.addApPos(new NormalStampPos(1, box[0], box[1], box[2], box[3]));
                ofdSigner.exeSign();
                ofdSigner.close();
            } finally {
                reader.close();
            }
            return Files.readAllBytes(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed", e);
        } finally {
            if (dir != null) {
                try {
                    FileSystemUtils.deleteRecursively(dir);
                } catch (IOException e) {
                    // a temporary directory left behind is removed with the others at the next boot
                }
            }
        }
    }

    /** ofdrw's hook: the digest of protected files, and the seal value of Signature.xml. */
    private record Container(SealSigner signer, SealSigner.OrganisationSeal seal, Clock clock)
            implements ExtendSignatureContainer {

        @Override
        public MessageDigest getDigestFnc() {
            return new SM3.Digest();
        }

        @Override
        public ASN1ObjectIdentifier getSignAlgOID() {
            return Ses.SM2_WITH_SM3;
        }

        @Override
        public byte[] sign(InputStream signatureXml, String propertyInfo) throws IOException {
            byte[] toBeSigned = Ses.signatureToBeSigned(
                    seal.seal(), clock.instant(), Sm3.hash(signatureXml.readAllBytes()), propertyInfo);
            return Ses.signature(toBeSigned, seal.signerCertificate(), signer.sign(seal, toBeSigned));
        }

        @Override
        public byte[] getSeal() {
            return seal.seal();
        }

        @Override
        public SigType getSignType() {
            return SigType.Seal;
        }
    }
}
