package org.zhengwu.catalog.admin;

/** A new entry: which base item, which organisation implements it, and its first guide. */
public class NewEntryForm {

    private String baseCode;
    private String organisationUscc;
    private GuideForm guide = new GuideForm();

    public String getBaseCode() {
        return baseCode;
    }

    public void setBaseCode(String baseCode) {
        this.baseCode = baseCode;
    }

    public String getOrganisationUscc() {
        return organisationUscc;
    }

    public void setOrganisationUscc(String organisationUscc) {
        this.organisationUscc = organisationUscc;
    }

    public GuideForm getGuide() {
        return guide;
    }

    public void setGuide(GuideForm guide) {
        this.guide = guide;
    }
}
