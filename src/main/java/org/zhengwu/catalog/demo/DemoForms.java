package org.zhengwu.catalog.demo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws the blank application form (空白表格) and the filled-in sample (示例样表) of a demo material as a one-page
 * A4 PDF. The text uses the standard Chinese font STSong-Light, which every PDF reader supplies, so nothing is
 * embedded and a form is a few kilobytes.
 */
final class DemoForms {

    private static final float PAGE_WIDTH = 595;
    private static final float MARGIN = 60;
    private static final float ROW_HEIGHT = 36;
    private static final float LABEL_WIDTH = 150;

    private DemoForms() {}

    /** The labels of the form's rows and what the sample writes in them. */
    private record Row(String label, String sample, float height) {}

    static byte[] blank(String formName, String itemName) {
        return draw(formName, itemName, false);
    }

    static byte[] sample(String formName, String itemName) {
        return draw(formName, itemName, true);
    }

    private static byte[] draw(String formName, String itemName, boolean sample) {
        List<Row> rows = List.of(
                new Row("申请人（单位）名称", "张三", ROW_HEIGHT),
                new Row("身份证件号码或统一社会信用代码", "340102199001010014", ROW_HEIGHT),
                new Row("联系电话", "0551-12345678", ROW_HEIGHT),
                new Row("联系地址", "合肥市蜀山区长江西路100号", ROW_HEIGHT),
                new Row("申请事项", itemName, ROW_HEIGHT),
                new Row("申请内容", "申请办理" + itemName + "，所附材料真实有效。", ROW_HEIGHT * 3),
                new Row("申请人（签字或盖章）", "张三", ROW_HEIGHT),
                new Row("申请日期", "2026年11月22日", ROW_HEIGHT));
        StringBuilder page = new StringBuilder();
        float y = 780;
        text(page, centred(formName, 18), y, 18, formName);
        y -= 26;
        String subtitle = "事项：" + itemName;
        text(page, centred(subtitle, 11), y, 11, subtitle);
        y -= 24;
        float tableWidth = PAGE_WIDTH - 2 * MARGIN;
        for (Row row : rows) {
            page.append(String.format(
                    Locale.ROOT, "%.1f %.1f %.1f %.1f re S%n", MARGIN, y - row.height(), tableWidth, row.height()));
            page.append(String.format(
                    Locale.ROOT,
                    "%.1f %.1f m %.1f %.1f l S%n",
                    MARGIN + LABEL_WIDTH,
                    y,
                    MARGIN + LABEL_WIDTH,
                    y - row.height()));
            text(page, MARGIN + 6, y - 22, 9, row.label());
            if (sample) {
                text(page, MARGIN + LABEL_WIDTH + 8, y - 22, 11, row.sample());
            }
            y -= row.height();
        }
        text(page, MARGIN, y - 30, 9, "填表说明：请用黑色墨水笔或签字笔填写，字迹清楚；所填内容须与所附材料一致。");
        text(page, MARGIN, 40, 8, "安徽政务服务网提供（演示数据）");
        if (sample) {
            page.append("0.6 g\n");
            text(page, 360, 560, 72, "示例");
            page.append("0 g\n");
        }
        return pdf(page.toString());
    }

    private static float centred(String text, float size) {
        return (PAGE_WIDTH - text.length() * size) / 2;
    }

    private static void text(StringBuilder page, float x, float y, float size, String text) {
        page.append(String.format(Locale.ROOT, "BT /F1 %.1f Tf %.1f %.1f Td <%s> Tj ET%n", size, x, y, ucs2(text)));
    }

    /** UCS-2 big-endian hex, as the UniGB-UCS2-H encoding reads it; characters beyond the BMP become '?'. */
    private static String ucs2(String text) {
        StringBuilder hex = new StringBuilder();
        text.codePoints().forEach(cp -> hex.append(String.format("%04X", cp > 0xFFFF ? '?' : cp)));
        return hex.toString();
    }

    private static byte[] pdf(String content) {
        byte[] stream = content.getBytes(StandardCharsets.US_ASCII);
        List<String> objects = new ArrayList<>();
        objects.add("<< /Type /Catalog /Pages 2 0 R >>");
        objects.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
                + "/Contents 4 0 R >>");
        objects.add(null);
        objects.add("<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
                + "/DescendantFonts [6 0 R] >>");
        objects.add(
                "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
                        + "/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 /W [1 95 500] >>");
        objects.add("<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] "
                + "/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            write(out, (i + 1) + " 0 obj\n");
            if (objects.get(i) == null) {
                write(out, "<< /Length " + stream.length + " >>\nstream\n");
                out.writeBytes(stream);
                write(out, "\nendstream");
            } else {
                write(out, objects.get(i));
            }
            write(out, "\nendobj\n");
        }
        int xref = out.size();
        write(out, "xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        offsets.forEach(offset -> write(out, String.format("%010d 00000 n \n", offset)));
        write(out, "trailer\n<< /Size " + (objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n");
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }
}
