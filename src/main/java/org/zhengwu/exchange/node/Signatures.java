package org.zhengwu.exchange.node;

import java.util.Base64;
import org.zhengwu.shared.crypto.Sm2;

/** How a delivery carries its origin: the sending node's name and its SM2 signature of the body's exact bytes. */
public final class Signatures {

    public static final String SIGNATURE = "X-Zhengwu-Signature";
    public static final String NODE = "X-Zhengwu-Node";

    private Signatures() {}

    /** Does {@code signature} (base64) of {@code body} check with the public key {@code publicKey}? */
    public static boolean verify(Sm2.PublicKey publicKey, byte[] body, String signature) {
        if (signature == null || signature.isBlank()) {
            return false;
        }
        try {
            return Sm2.verify(publicKey, body, Base64.getDecoder().decode(signature.strip()));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
