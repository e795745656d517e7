package org.zhengwu.licence.document;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The CJK font licences are laid out, sealed and rendered with. A fresh machine has none: Debian's
 * {@code fonts-wqy-microhei} (WenQuanYi Micro Hei, Apache 2.0 or GPLv3 with the font exception) is what .ci/run
 * installs, and the default; a deployment names another file with {@code ZHENGWU_LICENCE_DOCUMENTS_FONT_FILE}. The OFD
 * names the font (FontName and FamilyName) without embedding the 5 MB collection: readers use the same font where
 * installed and a similar 黑体 otherwise.
 */
final class CjkFont {

    static final List<String> CANDIDATES = List.of(
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");

    final Path file;
    final Font awt;
    final String family;

    private CjkFont(Path file, Font awt) {
        this.file = file;
        this.awt = awt;
        this.family = awt.getFamily(java.util.Locale.ROOT);
    }

    /** @throws IllegalStateException naming the files tried, when none holds a font that shows Chinese */
    static CjkFont load(String configured) {
        List<String> tried = new ArrayList<>();
        List<String> paths = configured == null || configured.isBlank() ? CANDIDATES : List.of(configured.strip());
        for (String candidate : paths) {
            Path path = Path.of(candidate);
            tried.add(candidate);
            if (!Files.isReadable(path)) {
                continue;
            }
            try {
                Font[] fonts = Font.createFonts(path.toFile());
                if (fonts.length > 0 && fonts[0].canDisplayUpTo("电子证照营业执照") == -1) {
                    return new CjkFont(path, fonts[0]);
                }
            } catch (IOException | FontFormatException e) {
                // try the next
            }
        }
        throw new IllegalStateException("no CJK font for licences: tried " + tried
                + " (install Debian's fonts-wqy-microhei, or set ZHENGWU_LICENCE_DOCUMENTS_FONT_FILE)");
    }

    Font derive(int style, float size) {
        return awt.deriveFont(style, size);
    }
}
