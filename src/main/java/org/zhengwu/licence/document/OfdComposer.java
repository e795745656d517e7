package org.zhengwu.licence.document;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.FontMetrics;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Lays a licence out on one OFD page (GB/T 33190), written in memory as the package's XML files: the title, the number, the holder and the type's fields,
 * the validity, the issuer and the date the seal is stamped over, and a QR code of the verification address with the
 * identifier under it. The layout key chooses the page: {@code certificate} is A4 landscape,
 * {@code certificate-portrait} A4 portrait; an unknown key is laid out as {@code certificate}.
 *
 * <p>The files are those ofdrw-layout wrote for a licence (same elements, namespace, object ids, resource files and
 * font reference; elements in the order of the GB/T 33190 schema): OFD.xml with the DocInfo and its CustomData,
 * Doc_0/Document.xml, Doc_0/PublicRes.xml (the font, referenced by name, not embedded), Doc_0/DocumentRes.xml (the
 * draw parameters) and Doc_0/Pages/Page_0/Content.xml. Text is laid out as ofdrw-layout did: a glyph's advance is one em,
 * a printable ASCII character's its width in the font (measured once with Java2D), written as DeltaX; a paragraph
 * wraps before the character that would overflow its width, each line a TextObject {@code 1.6 × size} high.
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

    static final String OFD_NS = "http://www.ofdspec.org/2016";
    static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    static final String SIGNATURES = "Doc_0/Signs/Signatures.xml";
    private static final String CREATOR_VERSION = "1.0";

    private enum Align {
        LEFT,
        CENTER,
        RIGHT
    }

    private final String family;
    private final double[] asciiWidths;

    OfdComposer(CjkFont cjk) {
        this.family = cjk.family;
        // ofdrw placed each glyph by these advance widths (CJK characters are one em); measured once from the font.
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

    /** The unsigned OFD, packed. */
    byte[] compose(LicenceContent content) {
        return OfdPackage.write(files(content, false));
    }

    /**
     * The files of the unsigned package in the order they are packed, names without a leading slash. With
     * {@code signed}, OFD.xml names {@value #SIGNATURES}, which the sealer adds.
     */
    Map<String, byte[]> files(LicenceContent content, boolean signed) {
        Geometry g = geometry(content.layout());
        Page page = new Page();
        frame(page, g);
        page.text(content.title(), 0, g.titleY(), g.width(), 13, Align.CENTER, true);
        page.text("证照编号：" + content.number(), g.width() - 130, 16, 112, 3.6, Align.RIGHT, false);
        double y = g.bodyY();
        for (LicenceContent.Line line : rows(content)) {
            page.text(line.label(), g.bodyX(), y, g.labelWidth(), 4.6, Align.LEFT, true);
            int lines = page.text(line.value(), g.bodyX() + g.labelWidth(), y, g.valueWidth(), 4.6, Align.LEFT, false);
            y += 7 * Math.max(1, lines) + 2.2;
        }
        qr(page, content.verificationUrl(), g.qrX(), g.qrY(), 30);
        page.text("扫码核验", g.qrX(), g.qrY() + 31, 30, 3.2, Align.CENTER, false);
        page.text(
                "电子证照标识：" + content.identifier(),
                g.qrX(),
                g.height() - 16,
                g.width() - 2 * g.qrX(),
                2.8,
                Align.LEFT,
                false);
        page.text(content.issuerName(), g.issuerX(), g.issuerY(), g.issuerWidth(), 4.6, Align.CENTER, false);
        page.text(
                CHINESE_DATE.format(content.issuedOn()),
                g.issuerX(),
                g.issuerY() + 8,
                g.issuerWidth(),
                4.6,
                Align.CENTER,
                false);

        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("OFD.xml", ofdXml(content, signed));
        files.put("Doc_0/Document.xml", documentXml(g, page));
        files.put("Doc_0/PublicRes.xml", publicRes(page));
        files.put("Doc_0/DocumentRes.xml", documentRes(page));
        files.put("Doc_0/Pages/Page_0/Content.xml", page.content());
        return files;
    }

    private static byte[] ofdXml(LicenceContent content, boolean signed) {
        Xml x = new Xml(2048);
        x.raw(XML_DECLARATION).raw("<ofd:OFD xmlns:ofd=\"").raw(OFD_NS).raw("\" Version=\"1.2\" DocType=\"OFD\">");
        x.raw("<ofd:DocBody><ofd:DocInfo><ofd:DocID>")
                .raw(UUID.randomUUID().toString().replace("-", ""))
                .raw("</ofd:DocID>");
        x.element("ofd:Title", content.title());
        x.element("ofd:Author", content.issuerName());
        x.element("ofd:CreationDate", content.issuedOn().toString());
        x.element("ofd:Creator", "Zhengwu");
        x.element("ofd:CreatorVersion", CREATOR_VERSION);
        x.raw("<ofd:CustomDatas>");
        data(x, LicenceDocuments.IDENTIFIER_DATA, content.identifier());
        data(x, "licence.number", content.number());
        data(x, "licence.version", Integer.toString(content.version()));
        data(x, "licence.title", content.title());
        data(x, "licence.holder.name", content.holderName());
        data(x, "licence.holder.code", content.holderCode());
        data(x, "licence.holder.code-kind", content.holderCodeKindLabel());
        data(x, "licence.issuer.name", content.issuerName());
        data(x, "licence.issuer.uscc", content.issuerUscc());
        data(x, "licence.issued-on", content.issuedOn().toString());
        data(x, "licence.valid-from", content.validFrom().toString());
        data(
                x,
                "licence.valid-until",
                content.validUntil() == null ? "" : content.validUntil().toString());
        x.raw("</ofd:CustomDatas></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>");
        if (signed) {
            x.raw("<ofd:Signatures>/").raw(SIGNATURES).raw("</ofd:Signatures>");
        }
        return x.raw("</ofd:DocBody></ofd:OFD>").bytes();
    }

    private static void data(Xml x, String name, String value) {
        x.raw("<ofd:CustomData Name=\"").text(name).raw("\"");
        if (value == null || value.isEmpty()) {
            x.raw("/>");
        } else {
            x.raw(">").text(value).raw("</ofd:CustomData>");
        }
    }

    private static byte[] documentXml(Geometry g, Page page) {
        Xml x = new Xml(512);
        x.raw(XML_DECLARATION).raw("<ofd:Document xmlns:ofd=\"").raw(OFD_NS).raw("\"><ofd:CommonData>");
        x.raw("<ofd:MaxUnitID>").raw(Integer.toString(page.maxId)).raw("</ofd:MaxUnitID>");
        x.raw("<ofd:PageArea><ofd:PhysicalBox>0 0 ")
                .num(g.width())
                .raw(" ")
                .num(g.height())
                .raw("</ofd:PhysicalBox><ofd:ApplicationBox>0 0 ")
                .num(g.width())
                .raw(" ")
                .num(g.height())
                .raw("</ofd:ApplicationBox></ofd:PageArea>");
        x.raw("<ofd:PublicRes>PublicRes.xml</ofd:PublicRes><ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes>");
        x.raw("</ofd:CommonData><ofd:Pages><ofd:Page ID=\"")
                .raw(Integer.toString(page.pageId))
                .raw("\" BaseLoc=\"Pages/Page_0/Content.xml\"/></ofd:Pages></ofd:Document>");
        return x.bytes();
    }

    private byte[] publicRes(Page page) {
        Xml x = new Xml(256);
        x.raw(XML_DECLARATION).raw("<ofd:Res xmlns:ofd=\"").raw(OFD_NS).raw("\" BaseLoc=\"Res\">");
        if (page.fontId > 0) {
            x.raw("<ofd:Fonts><ofd:Font FontName=\"")
                    .text(family)
                    .raw("\" FamilyName=\"")
                    .text(family)
                    .raw("\" ID=\"")
                    .raw(Integer.toString(page.fontId))
                    .raw("\"/></ofd:Fonts>");
        }
        return x.raw("</ofd:Res>").bytes();
    }

    private static byte[] documentRes(Page page) {
        Xml x = new Xml(512);
        x.raw(XML_DECLARATION).raw("<ofd:Res xmlns:ofd=\"").raw(OFD_NS).raw("\" BaseLoc=\"Res\"><ofd:DrawParams>");
        x.raw(page.drawParams);
        return x.raw("</ofd:DrawParams></ofd:Res>").bytes();
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

    /** A character's advance in em: its width for printable ASCII, one em otherwise (CJK). */
    private double em(int codePoint) {
        return codePoint >= 32 && codePoint <= 126 ? asciiWidths[codePoint - 32] : 1;
    }

    private static void frame(Page page, Geometry g) {
        Xml x = page.body;
        x.raw("<ofd:PageBlock ID=\"").raw(Integer.toString(page.id())).raw("\">");
        framePath(page, g, 8, 1.2);
        framePath(page, g, 11, 0.4);
        x.raw("</ofd:PageBlock>");
    }

    private static void framePath(Page page, Geometry g, double inset, double lineWidth) {
        int id = page.id();
        int param = page.id();
        page.drawParams
                .raw("<ofd:DrawParam LineWidth=\"")
                .fixed(lineWidth)
                .raw("\" ID=\"")
                .raw(Integer.toString(param))
                .raw("\"><ofd:FillColor Value=\"0 0 0\"/><ofd:StrokeColor Value=\"")
                .raw(FRAME[0] + " " + FRAME[1] + " " + FRAME[2])
                .raw("\"/></ofd:DrawParam>");
        double right = g.width() - inset;
        double bottom = g.height() - inset;
        page.body
                .raw("<ofd:PathObject ID=\"")
                .raw(Integer.toString(id))
                .raw("\" Stroke=\"true\" Boundary=\"0 0 ")
                .num(g.width())
                .raw(" ")
                .num(g.height())
                .raw("\" DrawParam=\"")
                .raw(Integer.toString(param))
                .raw("\"><ofd:AbbreviatedData>M ")
                .num(inset)
                .raw(" ")
                .num(inset)
                .raw(" L ")
                .num(right)
                .raw(" ")
                .num(inset)
                .raw(" L ")
                .num(right)
                .raw(" ")
                .num(bottom)
                .raw(" L ")
                .num(inset)
                .raw(" ")
                .num(bottom)
                .raw(" C</ofd:AbbreviatedData></ofd:PathObject>");
    }

    /**
     * One mask pattern for every code: zxing otherwise builds the symbol with each of the eight and scores them, 0.6
     * ms of a licence's 3. Any mask is a conforming QR code that every reader decodes (the score only avoids large
     * uniform areas); OfdRenderingTests decodes the rendered page's code.
     */
    private static final Map<EncodeHintType, Object> QR_HINTS = Map.of(
            EncodeHintType.MARGIN,
            0,
            EncodeHintType.ERROR_CORRECTION,
            ErrorCorrectionLevel.M,
            EncodeHintType.QR_MASK_PATTERN,
            2);

    /** The QR code as one filled vector path of its dark runs (no image file in the package). */
    private static void qr(Page page, String url, double x, double y, double size) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0, QR_HINTS);
        } catch (WriterException e) {
            throw new IllegalArgumentException("verification address too long for a QR code", e);
        }
        double module = size / matrix.getWidth();
        Xml b = page.body;
        b.raw("<ofd:PageBlock ID=\"").raw(Integer.toString(page.id())).raw("\">");
        int id = page.id();
        int param = page.id();
        page.drawParams
                .raw("<ofd:DrawParam ID=\"")
                .raw(Integer.toString(param))
                .raw("\"><ofd:FillColor Value=\"0 0 0\"/><ofd:StrokeColor Value=\"0 0 0\"/></ofd:DrawParam>");
        b.raw("<ofd:PathObject ID=\"")
                .raw(Integer.toString(id))
                .raw("\" Fill=\"true\" LineWidth=\"0\" Boundary=\"")
                .num(x)
                .raw(" ")
                .num(y)
                .raw(" ")
                .num(size)
                .raw(" ")
                .num(size)
                .raw("\" DrawParam=\"")
                .raw(Integer.toString(param))
                .raw("\"><ofd:AbbreviatedData>");
        boolean first = true;
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
                double left = start * module;
                double top = row * module;
                double right = left + (col - start) * module + 0.02;
                double bottom = top + module + 0.02;
                b.raw(first ? "M " : " M ").num(left).raw(" ").num(top);
                b.raw(" L ").num(right).raw(" ").num(top);
                b.raw(" L ").num(right).raw(" ").num(bottom);
                b.raw(" L ").num(left).raw(" ").num(bottom).raw(" C");
                first = false;
            }
        }
        b.raw("</ofd:AbbreviatedData></ofd:PathObject></ofd:PageBlock>");
    }

    /** The page being written: its object ids (one sequence, as ofdrw numbers them), body and draw parameters. */
    private final class Page {
        final int pageId = 1;
        final int layerId = 2;
        int maxId = 2;
        int fontId;
        final Xml body = new Xml(64 * 1024);
        final Xml drawParams = new Xml(512);

        int id() {
            return ++maxId;
        }

        /**
         * A paragraph at (x, y), {@code width} wide, wrapped before the character that would overflow it; one
         * TextObject per line. Control characters are written as spaces. The number of lines (0 for no text).
         */
        int text(String text, double x, double y, double width, double size, Align align, boolean bold) {
            if (text == null || text.isEmpty()) {
                return 0;
            }
            if (fontId == 0) {
                fontId = id();
            }
            int[] codePoints = text.codePoints()
                    .map(c -> c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0xFFFE || c == 0xFFFF ? ' ' : c)
                    .toArray();
            double[] advances = new double[codePoints.length];
            for (int i = 0; i < codePoints.length; i++) {
                advances[i] = em(codePoints[i]) * size;
            }
            double lineHeight = size * 1.6;
            int lines = 0;
            int start = 0;
            while (start < codePoints.length) {
                int end = start;
                double lineWidth = 0;
                while (end < codePoints.length && (end == start || lineWidth + advances[end] <= width)) {
                    lineWidth += advances[end];
                    end++;
                }
                double offset = switch (align) {
                    case LEFT -> 0;
                    case CENTER -> (width - lineWidth) / 2;
                    case RIGHT -> width - lineWidth;
                };
                line(codePoints, advances, start, end, x + offset, y + lines * lineHeight, lineWidth, size, bold);
                lines++;
                start = end;
            }
            return lines;
        }

        private void line(
                int[] codePoints,
                double[] advances,
                int start,
                int end,
                double x,
                double y,
                double width,
                double size,
                boolean bold) {
            Xml b = body;
            b.raw("<ofd:TextObject ID=\"")
                    .raw(Integer.toString(id()))
                    .raw("\" Boundary=\"")
                    .num(x)
                    .raw(" ")
                    .num(y)
                    .raw(" ")
                    .num(width)
                    .raw(" ")
                    .num(size * 1.6)
                    .raw("\" Font=\"")
                    .raw(Integer.toString(fontId))
                    .raw("\" Size=\"")
                    .num(size)
                    .raw(bold ? "\" Weight=\"800\">" : "\">");
            b.raw("<ofd:FillColor Value=\"")
                    .raw(INK[0] + " " + INK[1] + " " + INK[2])
                    .raw("\"/><ofd:TextCode X=\"0\" Y=\"")
                    .num(size)
                    .raw("\"");
            if (end - start > 1) {
                b.raw(" DeltaX=\"");
                for (int i = start; i < end - 1; i++) {
                    if (i > start) {
                        b.raw(" ");
                    }
                    b.num(advances[i]);
                }
                b.raw("\"");
            }
            b.raw(">").text(new String(codePoints, start, end - start)).raw("</ofd:TextCode></ofd:TextObject>");
        }

        byte[] content() {
            Xml x = new Xml(body.length() + 256);
            x.raw(XML_DECLARATION).raw("<ofd:Page xmlns:ofd=\"").raw(OFD_NS).raw("\"><ofd:Content>");
            x.raw("<ofd:Layer Type=\"Body\" ID=\"")
                    .raw(Integer.toString(layerId))
                    .raw("\">");
            x.raw(body);
            return x.raw("</ofd:Layer></ofd:Content></ofd:Page>").bytes();
        }
    }

    /** A small XML writer: text escaped, numbers as ofdrw wrote them (integers bare, otherwise three decimals). */
    static final class Xml {
        private final StringBuilder out;

        Xml(int capacity) {
            out = new StringBuilder(capacity);
        }

        Xml raw(String s) {
            out.append(s);
            return this;
        }

        Xml raw(Xml other) {
            out.append(other.out);
            return this;
        }

        int length() {
            return out.length();
        }

        Xml element(String name, String value) {
            return raw("<").raw(name).raw(">").text(value).raw("</").raw(name).raw(">");
        }

        /** Character data or an attribute value: ampersand, angle brackets and double quote escaped. */
        Xml text(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '&' -> out.append("&amp;");
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case '"' -> out.append("&quot;");
                    default -> out.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? ' ' : c);
                }
            }
            return this;
        }

        /** An integer bare, anything else rounded to three decimals (1.2 is written 1.200). */
        Xml num(double v) {
            if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                out.append((long) v);
                return this;
            }
            return fixed(v);
        }

        Xml fixed(double v) {
            long thousandths = Math.round(Math.abs(v) * 1000);
            if (v < 0 && thousandths != 0) {
                out.append('-');
            }
            out.append(thousandths / 1000).append('.');
            long fraction = thousandths % 1000;
            if (fraction < 100) {
                out.append('0');
            }
            if (fraction < 10) {
                out.append('0');
            }
            out.append(fraction);
            return this;
        }

        byte[] bytes() {
            return out.toString().getBytes(StandardCharsets.UTF_8);
        }
    }
}
