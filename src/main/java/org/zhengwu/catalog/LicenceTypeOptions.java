package org.zhengwu.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.zhengwu.shared.access.Bilingual;

/**
 * The licence types (证照类型, GB/T 36902) a guide material may name as replacing it ({@link
 * Guide.Material#replacingLicenceTypes()}). Offered by the module that issues licences (licence), asked by the
 * catalogue when an entry is edited, imported or submitted and when a guide is shown, so that the catalogue need not
 * know the licence library.
 */
public interface LicenceTypeOptions {

    /** A licence type: its 21-character code and its name. */
    record LicenceTypeOption(String code, Bilingual name) {
        public String label(Locale locale) {
            return name.in(locale);
        }
    }

    /** Every licence type a material may name, by code. */
    List<LicenceTypeOption> licenceTypes();

    default Optional<LicenceTypeOption> licenceType(String code) {
        return licenceTypes().stream().filter(t -> t.code().equals(code)).findFirst();
    }
}
