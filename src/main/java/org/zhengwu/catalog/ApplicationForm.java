package org.zhengwu.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The application form (申请表) of an implementation entry version: the questions an applicant answers when applying,
 * declared by the catalogue's editors and stored, versioned and published with the rest of the {@link Guide}. The
 * cases module renders it ({@code templates/catalog/application-form.html}) and checks the answers
 * ({@link ApplicationForms}); docs/FORMS.md describes the shape.
 *
 * @param fields the questions in the order asked; a condition names only an earlier field
 */
public record ApplicationForm(List<FormField> fields) {

    /** More than this is not a form a person fills in online; split the item or use a material. */
    public static final int MAX_FIELDS = 60;

    public ApplicationForm {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public Optional<FormField> field(String key) {
        return fields.stream()
                .filter(f -> f.key() != null && f.key().equals(key))
                .findFirst();
    }

    /**
     * The platform's standard form for an item that defines none, from its 服务对象: a natural person gives name,
     * identity number and mobile, an organisation its name, 统一社会信用代码, legal representative and a contact mobile;
     * an item for both asks which the applicant is first. The keys are the same in every form that uses them, so
     * that a bundle (一件事) can ask them once.
     */
    public static ApplicationForm standard(Set<ServiceObject> serviceObjects) {
        boolean person = serviceObjects.contains(ServiceObject.NATURAL_PERSON);
        boolean organisation = serviceObjects.stream().anyMatch(o -> o != ServiceObject.NATURAL_PERSON);
        List<FormField> fields = new ArrayList<>();
        boolean both = person && organisation;
        if (both) {
            fields.add(FormField.of(APPLICANT_KIND, "申请人类型", "Applicant", FieldType.CHOICE, true)
                    .withOptions(List.of(
                            new FormField.Option(PERSON, "个人", "An individual"),
                            new FormField.Option(ORGANISATION, "单位（企业、机构、组织）", "An organisation"))));
        }
        if (person) {
            fields.add(when(
                    both,
                    PERSON,
                    FormField.of("applicant_name", "申请人姓名", "Applicant's name", FieldType.TEXT, true)
                            .withText(50, null)
                            .withPrefill(Prefill.NAME)));
            fields.add(when(
                    both,
                    PERSON,
                    FormField.of(
                                    "applicant_id_number",
                                    "申请人公民身份号码",
                                    "Applicant's citizen identity number",
                                    FieldType.CITIZEN_ID,
                                    true)
                            .withPrefill(Prefill.CITIZEN_ID_NUMBER)));
        }
        if (organisation) {
            fields.add(when(
                    both,
                    ORGANISATION,
                    FormField.of("enterprise_name", "单位名称", "Name of the organisation", FieldType.TEXT, true)
                            .withText(100, null)
                            .withPrefill(Prefill.ENTERPRISE_NAME)));
            fields.add(when(
                    both,
                    ORGANISATION,
                    FormField.of("enterprise_uscc", "统一社会信用代码", "Unified social credit code", FieldType.USCC, true)
                            .withHint("18 位，见营业执照或登记证书", "18 characters, on the business licence or certificate")
                            .withPrefill(Prefill.ENTERPRISE_USCC)));
            fields.add(when(
                    both,
                    ORGANISATION,
                    FormField.of("legal_representative", "法定代表人（负责人）姓名", "Legal representative", FieldType.TEXT, true)
                            .withText(50, null)));
        }
        fields.add(FormField.of("contact_mobile", "联系人手机号码", "Contact mobile number", FieldType.MOBILE, true)
                .withHint("用于接收办理进度短信", "For text messages about the progress of the application")
                .withPrefill(Prefill.MOBILE));
        return new ApplicationForm(fields);
    }

    static final String APPLICANT_KIND = "applicant_kind";
    static final String PERSON = "person";
    static final String ORGANISATION = "organisation";

    private static FormField when(boolean conditional, String kind, FormField field) {
        return conditional ? field.shownWhen(APPLICANT_KIND, kind) : field;
    }
}
