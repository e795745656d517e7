package org.zhengwu.licence.document;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * The picture of an organisation's round seal (公章): a red ring, the organisation's name along the upper arc, a
 * five-pointed star in the middle and the seal's use below it, on a transparent ground — drawn with Java2D and the
 * CJK font, as a PNG of {@link #PIXELS} square for a seal of {@link #DIAMETER_MM} mm.
 */
final class SealPicture {

    static final int DIAMETER_MM = 42;
    static final int PIXELS = 320;
    static final Color RED = new Color(0xD7, 0x1F, 0x1F);

    private SealPicture() {}

    static byte[] png(CjkFont font, String organisation, String use) {
        BufferedImage image = new BufferedImage(PIXELS, PIXELS, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(RED);
            double c = PIXELS / 2.0;
            float ring = PIXELS * 0.03f;
            g.setStroke(new BasicStroke(ring));
            g.draw(new java.awt.geom.Ellipse2D.Double(ring, ring, PIXELS - 2 * ring, PIXELS - 2 * ring));
            g.fill(star(c, c, PIXELS * 0.15));
            drawArc(g, font, organisation, c, PIXELS * 0.42);
            Font useFont = font.derive(Font.PLAIN, PIXELS * 0.075f);
            g.setFont(useFont);
            int width = g.getFontMetrics().stringWidth(use);
            g.drawString(use, (float) (c - width / 2.0), (float) (c + PIXELS * 0.29));
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

    /** The name along the upper arc, its characters upright to the circle, spread over up to 240°. */
    private static void drawArc(Graphics2D g, CjkFont cjk, String text, double c, double radius) {
        int n = text.codePointCount(0, text.length());
        float size = (float) Math.min(PIXELS * 0.1, 2 * Math.PI * radius * (240.0 / 360) / Math.max(n, 1) * 0.9);
        Font font = cjk.derive(Font.BOLD, size);
        FontRenderContext frc = g.getFontRenderContext();
        double sweep = Math.toRadians(Math.min(240, Math.max(90, n * size / radius * 180 / Math.PI * 1.05)));
        double start = -Math.PI / 2 - sweep / 2;
        double step = n > 1 ? sweep / (n - 1) : 0;
        int[] codePoints = text.codePoints().toArray();
        for (int i = 0; i < n; i++) {
            double angle = n > 1 ? start + i * step : -Math.PI / 2;
            GlyphVector glyph = font.createGlyphVector(frc, new String(Character.toChars(codePoints[i])));
            double w = glyph.getLogicalBounds().getWidth();
            AffineTransform t = new AffineTransform();
            t.translate(c + radius * Math.cos(angle), c + radius * Math.sin(angle));
            t.rotate(angle + Math.PI / 2);
            t.translate(-w / 2, size * 0.85);
            g.fill(t.createTransformedShape(glyph.getOutline()));
        }
    }

    private static Path2D star(double cx, double cy, double r) {
        Path2D path = new Path2D.Double();
        double inner = r * 0.382;
        for (int i = 0; i < 10; i++) {
            double angle = -Math.PI / 2 + i * Math.PI / 5;
            double radius = i % 2 == 0 ? r : inner;
            double x = cx + radius * Math.cos(angle);
            double y = cy + radius * Math.sin(angle);
            if (i == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        path.closePath();
        return path;
    }
}
