package org.zhengwu.licence.document;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param fontFile    the CJK font that licences are laid out and rendered with ({@code ZHENGWU_LICENCE_DOCUMENTS_FONT_FILE});
 *     empty: the first of {@link CjkFont#CANDIDATES} that exists (Debian's fonts-wqy-microhei first)
 * @param maxFileSize the largest OFD file verified, and the most its entries may unpack to (×4)
 * @param rootName    the platform root certificate's name, written once when the root is made
 */
@ConfigurationProperties("zhengwu.licence.documents")
record LicenceDocumentsProperties(
        @DefaultValue("") String fontFile,
        @DefaultValue("16MB") DataSize maxFileSize,
        @DefaultValue("政务服务平台电子印章根证书") String rootName) {}
