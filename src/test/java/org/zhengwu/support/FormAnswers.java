package org.zhengwu.support;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.zhengwu.catalog.ApplicationForm;
import org.zhengwu.catalog.FormField;

/**
 * An item's application form filled in as an applicant would: a field keeps what the page already shows (prefilled
 * from the account), and an empty one gets a valid value of its type — the applicant's own 公民身份号码 and mobile
 * where the form asks for them.
 */
public final class FormAnswers {

    private FormAnswers() {}

    /** The form's fields as posted ({@code values[key]}), without the CSRF token or any button. */
    public static Map<String, String> of(ApplicationForm form, Document formPage, String idNumber, String mobile) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (FormField f : form.fields()) {
            Element control = formPage.getElementById("values" + f.key());
            String shown = control == null ? "" : control.val();
            String value = !shown.isBlank()
                            && !"radio".equals(control.attr("type"))
                            && !"checkbox".equals(control.attr("type"))
                    ? shown
                    : switch (f.type()) {
                        case TEXT -> "测试内容";
                        case TEXTAREA -> "测试说明";
                        case NUMBER -> "1";
                        case DATE -> "2026-01-05";
                        case CHOICE -> f.options().get(0).code();
                        case CHECKBOX -> "true";
                        case CITIZEN_ID -> idNumber;
                        case USCC -> TestPeople.newCreditCode();
                        case DIVISION -> "340100";
                        case MOBILE -> mobile;
                        case EMAIL -> "applicant@example.cn";
                    };
            fields.put("values[" + f.key() + "]", value);
        }
        return fields;
    }
}
