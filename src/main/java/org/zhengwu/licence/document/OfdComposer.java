package org.zhengwu.licence.document;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.FontMetrics;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ofdrw.core.basicStructure.ofd.docInfo.CT_DocInfo;
import org.ofdrw.core.basicStructure.ofd.docInfo.CustomDatas;
import org.ofdrw.font.Font;
import org.ofdrw.layout.OFDDoc;
import org.ofdrw.layout.PageLayout;
import org.ofdrw.layout.VirtualPage;
import org.ofdrw.layout.element.Paragraph;
import org.ofdrw.layout.element.Position;
import org.ofdrw.layout.element.Span;
import org.ofdrw.layout.element.TextAlign;
import org.ofdrw.layout.element.canvas.Canvas;

/**
 * Lays a licence out on one OFD page (GB/T 33190) with ofdrw: the title, the number, the holder and the type's fields,
 * the validity, the issuer and the date the seal is stamped over, and a QR code of the verification address with the
 * identifier under it. The layout key chooses the page: {@code certificate} is A4 landscape,
 * {@code certificate-portrait} A4 portrait; an unknown key is laid out as {@code certificate}.
 */
final class OfdComposer {

    static final String CERTIFICATE = "certificate";
    static final String PORTRAIT = "certificate-portrait";
    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年MM月dd日");
    private static final int[] INK = {0x20, 0x20, 0x20};
    private static final int[] FRAME = {0xB8, 0x86, 0x0B};

    /** Where things go on a page, in millimetres. */
    record Geometry(
            double width,
            double height,
            double titleY,
            double bodyX,
            double labelWidth,
            double valueWidth,
            double bodyY,
            double qrX,
            double qrY,
            double issuerX,
            double issuerY,
            double issuerWidth) {

        /** The seal's box: centred over the issuer's name and date. */
        double[] sealBox() {
            double d = SealPicture.DIAMETER_MM;
            return new double[] {issuerX + issuerWidth / 2 - d / 2, issuerY - d / 2 + 4, d, d};
        }
    }

    static final Map<String, Geometry> GEOMETRY = Map.of(
            CERTIFICATE, new Geometry(297, 210, 24, 36, 40, 170, 50, 30, 156, 170, 162, 100),
            PORTRAIT, new Geometry(210, 297, 36, 24, 36, 125, 70, 24, 232, 100, 240, 90));

    private final CjkFont cjk;
    private final double[] asciiWidths;

    OfdComposer(CjkFont cjk) {
        this.cjk = cjk;
        // ofdrw places each glyph by these advance widths (CJK characters are one em); measured once from the font.
        java.awt.Font probe = cjk.derive(java.awt.Font.PLAIN, 1000f);
        FontMetrics metrics = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB)
                .createGraphics()
                .getFontMetrics(probe);
        asciiWidths = new double[95];
        for (char ch = 32; ch <= 126; ch++) {
            asciiWidths[ch - 32] = metrics.charWidth(ch) / 1000.0;
        }
    }

    static Geometry geometry(String layout) {
        return GEOMETRY.getOrDefault(layout, GEOMETRY.get(CERTIFICATE));
    }

    /** The unsigned OFD. */
    byte[] compose(LicenceContent content) {
        Geometry g = geometry(content.layout());
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try (OFDDoc doc = new OFDDoc(out)) {
            PageLayout page = new PageLayout(g.width(), g.height());
            page.setMargin(0d);
            doc.setDefaultPageLayout(page);
            CT_DocInfo info = doc.getOfdDir().getOfd().getDocBody().getDocInfo();
            info.setTile(content.title());
            info.setAuthor(content.issuerName());
            info.setCreator("Zhengwu");
            info.setCreationDate(content.issuedOn());
            info.setCustomDatas(new CustomDatas()
                    .addCustomData(LicenceDocuments.IDENTIFIER_DATA, content.identifier())
                    .addCustomData("licence.number", content.number())
                    .addCustomData("licence.version", Integer.toString(content.version()))
                    .addCustomData("licence.title", content.title())
                    .addCustomData("licence.holder.name", content.holderName())
                    .addCustomData("licence.holder.code", content.holderCode())
                    .addCustomData("licence.holder.code-kind", content.holderCodeKindLabel())
                    .addCustomData("licence.issuer.name", content.issuerName())
                    .addCustomData("licence.issuer.uscc", content.issuerUscc())
                    .addCustomData("licence.issued-on", content.issuedOn().toString())
                    .addCustomData("licence.valid-from", content.validFrom().toString())
                    .addCustomData(
                            "licence.valid-until",
                            content.validUntil() == null
                                    ? ""
                                    : content.validUntil().toString()));
            VirtualPage vPage = new VirtualPage(page);
            Font font = font();
            frame(vPage, g);
            text(vPage, content.title(), 0, g.titleY(), g.width(), 13, TextAlign.center, font, true);
            text(vPage, "证照编号：" + content.number(), g.width() - 130, 16, 112, 3.6, TextAlign.right, font, false);
            double y = g.bodyY();
            for (LicenceContent.Line line : rows(content)) {
                int lines = wrappedLines(line.value(), 4.6, g.valueWidth());
                text(vPage, line.label(), g.bodyX(), y, g.labelWidth(), 4.6, TextAlign.left, font, true);
                text(
                        vPage,
                        line.value(),
                        g.bodyX() + g.labelWidth(),
                        y,
                        g.valueWidth(),
                        4.6,
                        TextAlign.left,
                        font,
                        false);
                y += 7 * lines + 2.2;
            }
            qr(vPage, content.verificationUrl(), g.qrX(), g.qrY(), 30);
            text(vPage, "扫码核验", g.qrX(), g.qrY() + 31, 30, 3.2, TextAlign.center, font, false);
            text(
                    vPage,
                    "电子证照标识：" + content.identifier(),
                    g.qrX(),
                    g.height() - 16,
                    g.width() - 2 * g.qrX(),
                    2.8,
                    TextAlign.left,
                    font,
                    false);
            text(
                    vPage,
                    content.issuerName(),
                    g.issuerX(),
                    g.issuerY(),
                    g.issuerWidth(),
                    4.6,
                    TextAlign.center,
                    font,
                    false);
            text(
                    vPage,
                    CHINESE_DATE.format(content.issuedOn()),
                    g.issuerX(),
                    g.issuerY() + 8,
                    g.issuerWidth(),
                    4.6,
                    TextAlign.center,
                    font,
                    false);
            doc.addVPage(vPage);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (org.dom4j.DocumentException e) {
            throw new IllegalStateException("ofdrw could not read its own OFD.xml", e);
        }
        return out.toByteArray();
    }

    private List<LicenceContent.Line> rows(LicenceContent content) {
        List<LicenceContent.Line> rows = new ArrayList<>();
        rows.add(new LicenceContent.Line("持证主体", content.holderName()));
        rows.add(new LicenceContent.Line(content.holderCodeKindLabel(), content.holderCode()));
        rows.addAll(content.lines());
        rows.add(new LicenceContent.Line("有效期限", validity(content.validFrom(), content.validUntil())));
        return rows;
    }

    static String validity(LocalDate from, LocalDate until) {
        return CHINESE_DATE.format(from) + " 至 " + (until == null ? "长期" : CHINESE_DATE.format(until));
    }

    private Font font() {
        Font font = new Font(cjk.family, cjk.family, cjk.file);
        font.setEmbeddable(false);
        font.setPrintableAsciiWidthMap(asciiWidths);
        return font;
    }

    private int wrappedLines(String text, double size, double width) {
        double em = 0;
        for (char ch : (text == null ? "" : text).toCharArray()) {
            em += ch >= 32 && ch <= 126 ? asciiWidths[ch - 32] : 1;
        }
        return Math.max(1, (int) Math.ceil(em * size / (width - 1)));
    }

    private static void text(
            VirtualPage page,
            String text,
            double x,
            double y,
            double width,
            double size,
            TextAlign align,
            Font font,
            boolean bold) {
        if (text == null || text.isEmpty()) {
            return;
        }
        Span span = new Span(font, size, text).setColor(INK);
        span.setBold(bold);
        Paragraph p = new Paragraph().add(span);
        p.setWidth(width);
        p.setTextAlign(align);
        p.setLineSpace(size * 0.6);
        p.setPosition(Position.Absolute);
        p.setXY(x, y);
        page.add(p);
    }

    private static void frame(VirtualPage page, Geometry g) {
        Canvas canvas = new Canvas(0d, 0d, g.width(), g.height());
        canvas.setDrawer(ctx -> {
            ctx.setStrokeColor(FRAME);
            ctx.setLineWidth(1.2);
            ctx.strokeRect(8, 8, g.width() - 16, g.height() - 16);
            ctx.setLineWidth(0.4);
            ctx.strokeRect(11, 11, g.width() - 22, g.height() - 22);
        });
        canvas.setPosition(Position.Absolute);
        page.add(canvas);
    }

    /** The QR code as vector squares (no image file in the package). */
    private static void qr(VirtualPage page, String url, double x, double y, double size) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter()
                    .encode(
                            url,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
        } catch (WriterException e) {
            throw new IllegalArgumentException("verification address too long for a QR code", e);
        }
        double module = size / matrix.getWidth();
        Canvas canvas = new Canvas(x, y, size, size);
        canvas.setDrawer(ctx -> {
            // one path of all the dark runs, filled once: one PathObject rather than hundreds
            ctx.setFillColor(0, 0, 0);
            ctx.beginPath();
            for (int row = 0; row < matrix.getHeight(); row++) {
                int col = 0;
                while (col < matrix.getWidth()) {
                    if (!matrix.get(col, row)) {
                        col++;
                        continue;
                    }
                    int start = col;
                    while (col < matrix.getWidth() && matrix.get(col, row)) {
                        col++;
                    }
                    // slightly overlapping so no hairline shows between rows
                    ctx.rect(start * module, row * module, (col - start) * module + 0.02, module + 0.02);
                }
            }
            ctx.fill();
        });
        canvas.setPosition(Position.Absolute);
        page.add(canvas);
    }
}
