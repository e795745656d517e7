package org.zhengwu.licence.document;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.ofdrw.converter.FontLoader;
import org.ofdrw.converter.ImageMaker;
import org.ofdrw.reader.OFDReader;

/**
 * A page of an OFD as a PNG, drawn by ofdrw-converter's {@link ImageMaker} (Java2D; the converter's PDF export, which
 * needs iText, is never loaded). The licence font is registered with ofdrw's font loader, and similar-font
 * replacement is on, so that a font an OFD names but this machine lacks is drawn with the CJK font rather than boxes.
 */
final class OfdRenderer {

    static final int MIN_DPI = 36;
    static final int MAX_DPI = 600;

    OfdRenderer(CjkFont font) {
        FontLoader.setSimilarFontReplace(true);
        FontLoader loader = FontLoader.getInstance();
        loader.loadFont(font.file);
        loader.addSystemFontMapping(font.family, font.file.toString());
        loader.addSimilarFontReplaceRegexMapping(".*", font.file.toString());
    }

    byte[] png(byte[] ofd, int page, int dpi) {
        if (dpi < MIN_DPI || dpi > MAX_DPI) {
            throw new IllegalArgumentException("dpi must be " + MIN_DPI + " to " + MAX_DPI);
        }
        try (OFDReader reader = new OFDReader(new ByteArrayInputStream(ofd))) {
            ImageMaker maker = new ImageMaker(reader, dpi / 25.4);
            BufferedImage image = maker.makePage(page);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
