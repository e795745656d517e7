package org.zhengwu.licence.document;

import java.time.LocalDate;
import java.util.List;

/**
 * What a licence file shows (照面信息) and carries: the fields of the licence record, in the words printed on the
 * page. {@code identifier} is the GB/T 36904 电子证照标识, written into the document's metadata (DocInfo CustomData
 * {@value LicenceDocuments#IDENTIFIER_DATA}) under the seal's signature.
 *
 * @param title               证照名称, e.g. 营业执照
 * @param holderCodeKindLabel how the holder's code is named on the page, e.g. 公民身份号码, 统一社会信用代码
 * @param validUntil          null: 长期
 * @param lines               the type's fields, label and value, in print order
 * @param verificationUrl     what the QR code leads to (the public verification page of this licence)
 * @param layout              the type's layout key: {@code certificate} (A4 landscape) or {@code certificate-portrait}
 */
public record LicenceContent(
        String identifier,
        String title,
        String number,
        int version,
        String holderName,
        String holderCode,
        String holderCodeKindLabel,
        String issuerName,
        String issuerUscc,
        LocalDate issuedOn,
        LocalDate validFrom,
        LocalDate validUntil,
        List<Line> lines,
        String verificationUrl,
        String layout) {

    public LicenceContent {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public record Line(String label, String value) {}
}
