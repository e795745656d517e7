package org.zhengwu.licence.document;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * A page of a licence OFD as a PNG, drawn with Java2D from the page description: text objects (with their DeltaX
 * glyph positions, size, weight and fill colour), path objects (the AbbreviatedData commands M, L, B, Q, C, with the
 * draw parameters' stroke, fill and line width) and the seal's stamp annotation (the SES_Seal picture in its box).
 * That is every kind of object {@link OfdComposer} writes for a licence; other OFD content (images, clips, shadings,
 * composite objects) is not drawn. Every font is drawn with the licence CJK font.
 *
 * <p>Not ofdrw-converter's {@code ImageMaker}: its font loader cannot be linked without iText 7 (AGPL) on the class
 * path — see docs/LICENCES.md.
 */
final class OfdRenderer {

    static final int MIN_DPI = 36;
    static final int MAX_DPI = 600;
    private static final DocumentBuilderFactory XML = secureFactory();

    private final CjkFont font;

    OfdRenderer(CjkFont font) {
        this.font = font;
    }

    byte[] png(Map<String, byte[]> files, int dpi) {
        if (dpi < MIN_DPI || dpi > MAX_DPI) {
            throw new IllegalArgumentException("dpi must be " + MIN_DPI + " to " + MAX_DPI);
        }
        Element ofd = xml(files, "OFD.xml");
        String documentPath = OfdVerifier.resolve("", text(first(ofd, "DocRoot")));
        String docDir = parent(documentPath);
        Element document = xml(files, documentPath);
        double[] box = numbers(text(first(first(document, "PageArea"), "PhysicalBox")));
        Map<String, Element> drawParams = new HashMap<>();
        for (String res : List.of("PublicRes", "DocumentRes")) {
            Element ref = first(document, res);
            if (ref != null) {
                for (Element p : all(xml(files, OfdVerifier.resolve(docDir, text(ref))), "DrawParam")) {
                    drawParams.put(p.getAttribute("ID"), p);
                }
            }
        }
        Element page = first(document, "Page");
        String pageId = page.getAttribute("ID");
        String pagePath = OfdVerifier.resolve(docDir, page.getAttribute("BaseLoc"));
        double scale = dpi / 25.4;
        int width = (int) Math.ceil(box[2] * scale);
        int height = (int) Math.ceil(box[3] * scale);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.scale(scale, scale);
            Element content = xml(files, pagePath);
            for (Element object : objects(content)) {
                if ("TextObject".equals(object.getLocalName())) {
                    text(g, object);
                } else {
                    path(g, object, drawParams);
                }
            }
            stamps(g, files, pageId);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void text(Graphics2D g, Element object) {
        double[] boundary = numbers(object.getAttribute("Boundary"));
        double size = number(object.getAttribute("Size"), 3.5);
        boolean bold = number(object.getAttribute("Weight"), 400) >= 700;
        g.setColor(color(first(object, "FillColor"), Color.BLACK));
        Font awt = font.derive(bold ? Font.BOLD : Font.PLAIN, (float) size);
        g.setFont(awt);
        for (Element code : all(object, "TextCode")) {
            double x = boundary[0] + number(code.getAttribute("X"), 0);
            double y = boundary[1] + number(code.getAttribute("Y"), 0);
            double[] deltas = deltas(code.getAttribute("DeltaX"));
            int[] codePoints = code.getTextContent().codePoints().toArray();
            for (int i = 0; i < codePoints.length; i++) {
                g.drawString(new String(Character.toChars(codePoints[i])), (float) x, (float) y);
                x += i < deltas.length ? deltas[i] : size;
            }
        }
    }

    private static void path(Graphics2D g, Element object, Map<String, Element> drawParams) {
        Element param = drawParams.get(object.getAttribute("DrawParam"));
        double[] boundary = numbers(object.getAttribute("Boundary"));
        Path2D shape = abbreviated(text(first(object, "AbbreviatedData")));
        shape.transform(AffineTransform.getTranslateInstance(boundary[0], boundary[1]));
        boolean fill = "true".equals(object.getAttribute("Fill"));
        boolean stroke = !"false".equals(object.getAttribute("Stroke")) && (!fill || object.hasAttribute("Stroke"));
        if (fill) {
            g.setColor(color(
                    first(object, "FillColor"), color(param == null ? null : first(param, "FillColor"), Color.BLACK)));
            g.fill(shape);
        }
        if (stroke) {
            double width = number(
                    object.getAttribute("LineWidth"),
                    param == null ? 0.353 : number(param.getAttribute("LineWidth"), 0.353));
            g.setStroke(new BasicStroke((float) width));
            g.setColor(color(
                    first(object, "StrokeColor"),
                    color(param == null ? null : first(param, "StrokeColor"), Color.BLACK)));
            g.draw(shape);
        }
    }

    /** The seal pictures stamped on the page (Signature.xml's StampAnnot, picture from the seal). */
    private static void stamps(Graphics2D g, Map<String, byte[]> files, String pageId) {
        for (Map.Entry<String, byte[]> entry : files.entrySet()) {
            if (!entry.getKey().endsWith("/Signature.xml")) {
                continue;
            }
            Element signature = xml(files, entry.getKey());
            String dir = parent(entry.getKey());
            Element signedValue = first(signature, "SignedValue");
            if (signedValue == null) {
                continue;
            }
            byte[] value = files.get(OfdVerifier.resolve(dir, text(signedValue)));
            BufferedImage picture;
            try {
                picture = ImageIO.read(
                        new ByteArrayInputStream(Ses.readSignature(value).seal().picture()));
            } catch (IOException | IllegalArgumentException | NullPointerException e) {
                continue;
            }
            for (Element stamp : all(signature, "StampAnnot")) {
                if (picture != null && pageId.equals(stamp.getAttribute("PageRef"))) {
                    double[] b = numbers(stamp.getAttribute("Boundary"));
                    AffineTransform t = AffineTransform.getTranslateInstance(b[0], b[1]);
                    t.scale(b[2] / picture.getWidth(), b[3] / picture.getHeight());
                    g.drawImage(picture, t, null);
                }
            }
        }
    }

    private static Path2D abbreviated(String data) {
        Path2D path = new Path2D.Double();
        String[] t = data.trim().split("\\s+");
        int i = 0;
        while (i < t.length) {
            switch (t[i]) {
                case "S", "M" -> {
                    path.moveTo(d(t[i + 1]), d(t[i + 2]));
                    i += 3;
                }
                case "L" -> {
                    path.lineTo(d(t[i + 1]), d(t[i + 2]));
                    i += 3;
                }
                case "Q" -> {
                    path.quadTo(d(t[i + 1]), d(t[i + 2]), d(t[i + 3]), d(t[i + 4]));
                    i += 5;
                }
                case "B" -> {
                    path.curveTo(d(t[i + 1]), d(t[i + 2]), d(t[i + 3]), d(t[i + 4]), d(t[i + 5]), d(t[i + 6]));
                    i += 7;
                }
                case "C" -> {
                    path.closePath();
                    i += 1;
                }
                default -> i += 1;
            }
        }
        return path;
    }

    /** DeltaX with its abbreviation "g n v" (n times v). */
    private static double[] deltas(String text) {
        if (text == null || text.isBlank()) {
            return new double[0];
        }
        String[] t = text.trim().split("\\s+");
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < t.length; i++) {
            if ("g".equals(t[i]) && i + 2 < t.length) {
                int n = Integer.parseInt(t[i + 1]);
                double v = d(t[i + 2]);
                for (int k = 0; k < n; k++) {
                    values.add(v);
                }
                i += 2;
            } else {
                values.add(d(t[i]));
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static List<Element> objects(Element content) {
        List<Element> objects = new ArrayList<>();
        collect(content, objects);
        return objects;
    }

    private static void collect(Element element, List<Element> into) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                String name = e.getLocalName();
                if ("TextObject".equals(name) || "PathObject".equals(name)) {
                    into.add(e);
                } else {
                    collect(e, into);
                }
            }
        }
    }

    private static Color color(Element element, Color otherwise) {
        if (element == null || !element.hasAttribute("Value")) {
            return otherwise;
        }
        double[] rgb = numbers(element.getAttribute("Value"));
        return rgb.length < 3 ? otherwise : new Color((int) rgb[0], (int) rgb[1], (int) rgb[2]);
    }

    private static double d(String s) {
        return Double.parseDouble(s);
    }

    private static double number(String s, double otherwise) {
        return s == null || s.isBlank() ? otherwise : Double.parseDouble(s.trim());
    }

    private static double[] numbers(String s) {
        String[] parts = s.trim().split("\\s+");
        double[] values = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = Double.parseDouble(parts[i]);
        }
        return values;
    }

    private static String text(Element element) {
        if (element == null) {
            throw new IllegalArgumentException("an element the page needs is missing");
        }
        return element.getTextContent().strip();
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static Element first(Element parent, String localName) {
        if (parent == null) {
            return null;
        }
        NodeList nodes = parent.getElementsByTagNameNS("*", localName);
        return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
    }

    private static List<Element> all(Element parent, String localName) {
        NodeList nodes = parent.getElementsByTagNameNS("*", localName);
        List<Element> list = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }

    private static Element xml(Map<String, byte[]> files, String path) {
        byte[] bytes = files.get(path);
        if (bytes == null) {
            throw new IllegalArgumentException("missing " + path);
        }
        try {
            return XML.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(bytes))
                    .getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException(path + " is not well-formed XML");
        }
    }

    private static DocumentBuilderFactory secureFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try {
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        return factory;
    }
}
