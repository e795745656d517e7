package org.zhengwu.licence.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.zhengwu.licence.document.Verification.Outcome;

/**
 * The page written without ofdrw: wrapping of long mixed Chinese/ASCII values within the value column, glyph advances
 * (one em for Chinese, the font's width for ASCII), XML special characters in any field, all under a valid seal.
 */
class OfdComposerTests {

    private static final TestSeals SEALS = TestSeals.current("测试平台根证书");
    private static final OfdVerifier VERIFIER = new OfdVerifier(
            () -> new OfdVerifier.Roots(1, List.of(SealCertificates.holder(SEALS.rootCertificate))), 16 << 20);

    @Test
    void aLongMixedValueWrapsWithinItsColumnAndKeepsEveryCharacter() throws Exception {
        String scope = "许可项目：食品销售（仅销售预包装食品）；Retail of pre-packed food & drinks <A/B>；"
                + "餐饮服务 catering services 123456789；一般项目：食用农产品零售 agricultural products retail。";
        LicenceContent base = TestSeals.businessLicence(OfdVerificationTests.IDENTIFIER, OfdVerificationTests.ISSUER);
        LicenceContent content = withLines(base, List.of(new LicenceContent.Line("经营范围", scope)));
        byte[] ofd = OfdVerificationTests.issue(SEALS, content);
        assertThat(VERIFIER.verify(ofd).outcome()).isEqualTo(Outcome.VALID);

        OfdComposer.Geometry g = OfdComposer.geometry(content.layout());
        double valueX = g.bodyX() + g.labelWidth();
        List<Element> lines = new ArrayList<>();
        for (Element text : textObjects(ofd)) {
            if (Math.abs(boundary(text)[0] - valueX) < 1e-6) {
                lines.add(text);
            }
        }
        // holder, code, the scope's lines, validity
        StringBuilder joined = new StringBuilder();
        List<Element> scopeLines = lines.subList(2, lines.size() - 1);
        assertThat(scopeLines).hasSizeGreaterThanOrEqualTo(3);
        double previousY = -1;
        for (Element line : scopeLines) {
            double[] b = boundary(line);
            assertThat(b[2]).as("line width").isLessThanOrEqualTo(g.valueWidth());
            assertThat(b[1]).as("lines go down by 1.6 × size").isGreaterThan(previousY);
            if (previousY >= 0) {
                assertThat(b[1] - previousY).isCloseTo(4.6 * 1.6, org.assertj.core.data.Offset.offset(0.002));
            }
            previousY = b[1];
            Element code =
                    (Element) line.getElementsByTagNameNS("*", "TextCode").item(0);
            String text = code.getTextContent();
            double[] deltas = numbers(code.getAttribute("DeltaX"));
            assertThat(deltas).hasSize(text.codePointCount(0, text.length()) - 1);
            int[] cps = text.codePoints().toArray();
            for (int i = 0; i < deltas.length; i++) {
                if (cps[i] > 0x2E80) {
                    assertThat(deltas[i]).as("a Chinese glyph is one em").isEqualTo(4.6);
                } else if (cps[i] >= 'a' && cps[i] <= 'z' || cps[i] == ' ') {
                    assertThat(deltas[i])
                            .as("ASCII is narrower")
                            .isLessThan(4.6)
                            .isGreaterThan(0.5);
                }
            }
            joined.append(text);
        }
        assertThat(joined.toString()).isEqualTo(scope);
        // a line is full: the next character would not have fitted
        assertThat(boundary(scopeLines.get(0))[2]).isGreaterThan(g.valueWidth() - 4.6);
    }

    @Test
    void markupInAnyFieldIsTextAndTheFileIsValid() {
        LicenceContent base = TestSeals.businessLicence(OfdVerificationTests.IDENTIFIER, OfdVerificationTests.ISSUER);
        String holder = "A&B <贸易> \"有限\" 公司]]>";
        LicenceContent content = new LicenceContent(
                base.identifier(),
                "证<照>",
                base.number(),
                2,
                holder,
                base.holderCode(),
                base.holderCodeKindLabel(),
                base.issuerName(),
                base.issuerUscc(),
                base.issuedOn(),
                base.validFrom(),
                base.validFrom().plusYears(5),
                List.of(new LicenceContent.Line("备注&", "a < b & c > d")),
                base.verificationUrl() + "&x=<1>",
                OfdComposer.PORTRAIT);
        Verification v = VERIFIER.verify(OfdVerificationTests.issue(SEALS, content));
        assertThat(v.outcome()).as(v.detail()).isEqualTo(Outcome.VALID);
        assertThat(v.data())
                .containsEntry("licence.holder.name", holder)
                .containsEntry("licence.title", "证<照>")
                .containsEntry("licence.version", "2")
                .containsEntry(
                        "licence.valid-until", base.validFrom().plusYears(5).toString());
    }

    private static LicenceContent withLines(LicenceContent c, List<LicenceContent.Line> lines) {
        return new LicenceContent(
                c.identifier(),
                c.title(),
                c.number(),
                c.version(),
                c.holderName(),
                c.holderCode(),
                c.holderCodeKindLabel(),
                c.issuerName(),
                c.issuerUscc(),
                c.issuedOn(),
                c.validFrom(),
                c.validUntil(),
                lines,
                c.verificationUrl(),
                c.layout());
    }

    private static List<Element> textObjects(byte[] ofd) throws Exception {
        Map<String, byte[]> files = OfdFiles.entries(ofd);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        NodeList nodes = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(files.get("Doc_0/Pages/Page_0/Content.xml")))
                .getElementsByTagNameNS("*", "TextObject");
        List<Element> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        assertThat(new String(files.get("OFD.xml"), StandardCharsets.UTF_8)).startsWith("<?xml");
        return list;
    }

    private static double[] boundary(Element e) {
        return numbers(e.getAttribute("Boundary"));
    }

    private static double[] numbers(String s) {
        if (s.isBlank()) {
            return new double[0];
        }
        String[] parts = s.trim().split("\\s+");
        double[] values = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = Double.parseDouble(parts[i]);
        }
        return values;
    }
}
