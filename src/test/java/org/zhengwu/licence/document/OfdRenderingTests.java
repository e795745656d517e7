package org.zhengwu.licence.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * A sealed licence drawn as a PNG: the page has its size, the title area holds Chinese glyphs (ink there, and two
 * different titles of the same length draw differently — missing glyphs would all be the same box), the seal is red
 * where it is stamped. Writes docs/licence-sample.png, which the README shows.
 */
class OfdRenderingTests {

    private static final CjkFont FONT = CjkFont.load("");
    private static final TestSeals SEALS = TestSeals.current("测试平台根证书");
    private static final int DPI = 120;

    @Test
    void anIssuedLicenceRendersWithChineseGlyphsAndItsRedSeal() throws Exception {
        LicenceContent content =
                TestSeals.businessLicence(OfdVerificationTests.IDENTIFIER, OfdVerificationTests.ISSUER);
        byte[] ofd = OfdVerificationTests.issue(SEALS, content);
        byte[] png = new OfdRenderer(FONT).png(OfdFiles.entries(ofd), DPI);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo((int) Math.ceil(297 * DPI / 25.4));
        assertThat(image.getHeight()).isEqualTo((int) Math.ceil(210 * DPI / 25.4));

        OfdComposer.Geometry g = OfdComposer.geometry(content.layout());
        int[] titleArea = mm(g.width() / 2 - 40, g.titleY(), 80, 16);
        assertThat(FONT.awt.canDisplayUpTo(content.title())).isEqualTo(-1);
        double ink = share(image, titleArea, OfdRenderingTests::dark);
        assertThat(ink).as("ink in the title area").isBetween(0.05, 0.6);

        LicenceContent otherTitle = new LicenceContent(
                content.identifier(),
                "结婚证书",
                content.number(),
                1,
                content.holderName(),
                content.holderCode(),
                content.holderCodeKindLabel(),
                content.issuerName(),
                content.issuerUscc(),
                content.issuedOn(),
                content.validFrom(),
                null,
                content.lines(),
                content.verificationUrl(),
                content.layout());
        BufferedImage other = ImageIO.read(new ByteArrayInputStream(
                new OfdRenderer(FONT).png(OfdFiles.entries(OfdVerificationTests.issue(SEALS, otherTitle)), DPI)));
        assertThat(differing(image, other, titleArea))
                .as("share of the title area that differs")
                .isGreaterThan(0.05);

        double[] seal = g.sealBox();
        assertThat(share(image, mm(seal[0], seal[1], seal[2], seal[3]), OfdRenderingTests::red))
                .as("red in the seal's box")
                .isGreaterThan(0.05);
        // the QR code is drawn: dark modules in its square, and it reads as the verification address
        assertThat(share(image, mm(g.qrX(), g.qrY(), 30, 30), OfdRenderingTests::dark))
                .isBetween(0.3, 0.7);
        assertThat(qr(image, g)).isEqualTo(content.verificationUrl());
        assertThat(qr(other, g)).isEqualTo(otherTitle.verificationUrl());

        Path docs = Path.of("docs");
        if (Files.isDirectory(docs)) {
            Files.write(docs.resolve("licence-sample.png"), png);
        }
    }

    @Test
    void thePortraitLayoutRendersUpright() throws Exception {
        LicenceContent landscape =
                TestSeals.businessLicence(OfdVerificationTests.IDENTIFIER, OfdVerificationTests.ISSUER);
        LicenceContent portrait = new LicenceContent(
                landscape.identifier(),
                "出生医学证明",
                landscape.number(),
                1,
                "王小明",
                "340104202611210011",
                "公民身份号码",
                landscape.issuerName(),
                landscape.issuerUscc(),
                landscape.issuedOn(),
                landscape.validFrom(),
                null,
                List.of(new LicenceContent.Line("出生时间", "2026年11月20日 08时30分")),
                landscape.verificationUrl(),
                OfdComposer.PORTRAIT);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(
                new OfdRenderer(FONT).png(OfdFiles.entries(OfdVerificationTests.issue(SEALS, portrait)), 72)));
        assertThat(image.getHeight()).isGreaterThan(image.getWidth());
    }

    /** The QR code in the page's QR square (with a white margin around it), decoded by zxing. */
    private static String qr(BufferedImage image, OfdComposer.Geometry g) throws Exception {
        int[] area = mm(g.qrX() - 4, g.qrY() - 4, 38, 38);
        int[] pixels = image.getRGB(area[0], area[1], area[2], area[3], null, 0, area[2]);
        com.google.zxing.BinaryBitmap bitmap =
                new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
                        new com.google.zxing.RGBLuminanceSource(area[2], area[3], pixels)));
        return new com.google.zxing.qrcode.QRCodeReader().decode(bitmap).getText();
    }

    private static int[] mm(double x, double y, double w, double h) {
        double s = DPI / 25.4;
        return new int[] {(int) (x * s), (int) (y * s), (int) (w * s), (int) (h * s)};
    }

    private static double share(BufferedImage image, int[] area, java.util.function.IntPredicate test) {
        int hits = 0;
        for (int y = area[1]; y < area[1] + area[3]; y++) {
            for (int x = area[0]; x < area[0] + area[2]; x++) {
                if (test.test(image.getRGB(x, y))) {
                    hits++;
                }
            }
        }
        return hits / (double) (area[2] * area[3]);
    }

    private static double differing(BufferedImage a, BufferedImage b, int[] area) {
        int hits = 0;
        for (int y = area[1]; y < area[1] + area[3]; y++) {
            for (int x = area[0]; x < area[0] + area[2]; x++) {
                if (dark(a.getRGB(x, y)) != dark(b.getRGB(x, y))) {
                    hits++;
                }
            }
        }
        return hits / (double) (area[2] * area[3]);
    }

    private static boolean dark(int rgb) {
        return ((rgb >> 16 & 0xFF) + (rgb >> 8 & 0xFF) + (rgb & 0xFF)) / 3 < 110;
    }

    private static boolean red(int rgb) {
        int r = rgb >> 16 & 0xFF;
        int g = rgb >> 8 & 0xFF;
        int b = rgb & 0xFF;
        return r > 150 && g < 110 && b < 110;
    }
}
