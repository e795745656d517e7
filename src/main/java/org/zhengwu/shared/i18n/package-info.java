/**
 * The platform's texts: each module keeps its own bundles under {@code i18n/<module>/} (简体中文 the default, English
 * beside it), and one message source reads them all. Modules ask Spring's {@code MessageSource}, templates say
 * {@code #{key}}; nothing needs this package's types.
 */
@NamedInterface("i18n")
package org.zhengwu.shared.i18n;

import org.springframework.modulith.NamedInterface;
