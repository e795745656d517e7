package org.zhengwu.licence.trust;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A certificate as people hand it in: DER, or PEM ("-----BEGIN CERTIFICATE-----" and base64). */
final class Certificates {

    private Certificates() {}

    static byte[] der(byte[] uploaded) {
        String text = new String(uploaded, StandardCharsets.US_ASCII);
        int begin = text.indexOf("-----BEGIN CERTIFICATE-----");
        if (begin < 0) {
            return uploaded;
        }
        int end = text.indexOf("-----END CERTIFICATE-----", begin);
        if (end < 0) {
            throw new IllegalArgumentException("a PEM certificate without its end line");
        }
        String body = text.substring(begin + "-----BEGIN CERTIFICATE-----".length(), end)
                .replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
