package org.zhengwu.catalog;

import java.util.Map;
import org.springframework.stereotype.Service;
import org.zhengwu.basedata.Divisions;

/**
 * What the cases module asks of an item's application form: which form an applicant fills in, and whether the
 * answers are acceptable, against today's division register.
 */
@Service
public class ApplicationForms {

    private final Divisions divisions;

    ApplicationForms(Divisions divisions) {
        this.divisions = divisions;
    }

    /** The guide's own form, or the standard one of its 服务对象 where its editors defined none. */
    public ApplicationForm formOf(Guide guide) {
        return guide.applicationForm() != null
                ? guide.applicationForm()
                : ApplicationForm.standard(guide.serviceObjects());
    }

    /** The answers checked; see {@link ApplicationFormCheck}. */
    public ApplicationFormCheck.Result check(ApplicationForm form, Map<String, String> submitted) {
        return ApplicationFormCheck.check(form, submitted, divisions.today(), divisions);
    }
}
