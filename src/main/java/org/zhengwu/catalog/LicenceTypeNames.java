package org.zhengwu.catalog;

import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The names of the licence types a material names, in the reader's language, for the guide pages ({@code
 * @licenceTypeNames.of(m.replacingLicenceTypes(), #locale)}); a code the licence library no longer knows is shown as
 * it is.
 */
@Component("licenceTypeNames")
public class LicenceTypeNames {

    private final LicenceTypeOptions options;

    LicenceTypeNames(LicenceTypeOptions options) {
        this.options = options;
    }

    public String of(List<String> codes, Locale locale) {
        List<LicenceTypeOptions.LicenceTypeOption> known = options.licenceTypes();
        return String.join(
                "en".equals(locale == null ? null : locale.getLanguage()) ? ", " : "、",
                codes.stream()
                        .map(code -> known.stream()
                                .filter(t -> t.code().equals(code))
                                .map(t -> t.label(locale))
                                .findFirst()
                                .orElse(code))
                        .toList());
    }
}
