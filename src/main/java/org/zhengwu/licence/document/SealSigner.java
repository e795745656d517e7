package org.zhengwu.licence.document;

/**
 * Who holds the organisations' seal keys and signs with them. The default, {@link LocalSealSigner}, keeps an SM2 key,
 * certificate and GB/T 38540 seal per organisation in the database (private keys SM4-encrypted under the platform's
 * field key) under a platform root made at first start. A deployment with a certified signing server (签章服务器,
 * 密码机) provides its own bean of this interface, marked {@code @Primary}: {@link #seal} returns the organisation's
 * seal as the server issued it (SES_Seal DER and the signer certificate it lists), and {@link #sign} sends the
 * TBS_Sign bytes to the server and returns its SM2 signature. Nothing else in the module changes; the server's root
 * is added to the trust list ({@link IssuerTrust#trust}).
 */
public interface SealSigner {

    /** The organisation's seal, made on first use where the signer can make seals. */
    OrganisationSeal seal(String issuerUscc, String issuerName);

    /**
     * The SM2 signature (with SM3 and the default signer identity 1234567812345678, DER of r and s) of
     * {@code toBeSigned} under the key of the seal's signer certificate.
     */
    byte[] sign(OrganisationSeal seal, byte[] toBeSigned);

    /**
     * @param signerCertificate the X.509 certificate (DER) whose key signs with this seal; listed in the seal
     * @param seal              the GB/T 38540 SES_Seal (DER)
     */
    record OrganisationSeal(String issuerUscc, String issuerName, byte[] signerCertificate, byte[] seal) {}
}
