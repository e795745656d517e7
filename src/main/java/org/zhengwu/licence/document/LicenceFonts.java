package org.zhengwu.licence.document;

import org.springframework.stereotype.Component;

/**
 * The licence font, loaded at first use (not at start: a platform without a CJK font still starts, and says what is
 * missing the first time a licence is laid out).
 */
@Component
class LicenceFonts {

    private final String configured;
    private volatile CjkFont font;

    LicenceFonts(LicenceDocumentsProperties properties) {
        this.configured = properties.fontFile();
    }

    CjkFont font() {
        CjkFont current = font;
        if (current == null) {
            synchronized (this) {
                if (font == null) {
                    font = CjkFont.load(configured);
                }
                current = font;
            }
        }
        return current;
    }
}
