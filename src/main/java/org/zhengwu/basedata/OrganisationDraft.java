package org.zhengwu.basedata;

/**
 * What an administrator enters to register or change an organisation; codes as typed, checked by
 * {@link Organisations#validate}.
 *
 * @param acceptLegacyCode the administrator confirms that a code failing its check character is a registered
 *                         legacy code (pilot-era codes are legal although their check character is wrong)
 */
public record OrganisationDraft(
        String uscc,
        String name,
        String divisionCode,
        String exerciseLevel,
        String nature,
        String parentUscc,
        String address,
        String phone,
        boolean acceptLegacyCode) {

    public static OrganisationDraft of(Organisation o) {
        return new OrganisationDraft(
                o.uscc(),
                o.name(),
                o.divisionCode(),
                o.exerciseLevel().code(),
                o.nature().code(),
                o.parentUscc(),
                o.address(),
                o.phone(),
                o.legacyCode());
    }
}
