package org.zhengwu.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

    /**
     * The check of a bundle's merged form (一表申请).
     *
     * @param merged       the merged form's own check
     * @param problems     every problem, by the merged form's field: its own, then those a member's form finds in the
     *                     answers it is given (a value the merged form lets pass but an entry does not)
     * @param gaps         members' fields the merged form cannot answer (the bundle's definition is at fault), each
     *                     as the entry's name and the field's label
     * @param memberValues the accepted values of each member's own form, by 实施编码, for the members that take part
     */
    public record BundleCheck(
            ApplicationFormCheck.Result merged,
            List<ApplicationFormCheck.FieldProblem> problems,
            List<List<String>> gaps,
            Map<String, Map<String, String>> memberValues) {

        public boolean valid() {
            return problems.isEmpty() && gaps.isEmpty();
        }
    }

    /** The merged form's answers checked, and each taking member's form checked with the answers it is given. */
    public BundleCheck check(PublishedBundle bundle, Map<String, String> submitted) {
        ApplicationForm form = bundle.bundle().form();
        ApplicationFormCheck.Result merged = check(form, submitted);
        List<ApplicationFormCheck.FieldProblem> problems = new ArrayList<>(merged.problems());
        List<List<String>> gaps = new ArrayList<>();
        Map<String, Map<String, String>> memberValues = new LinkedHashMap<>();
        for (PublishedBundle.PublishedMember m : bundle.taking(merged.values())) {
            ApplicationForm own = formOf(m.item().guide());
            ApplicationFormCheck.Result result =
                    check(own, PublishedBundle.memberValues(m.member(), own, form, merged.values()));
            for (ApplicationFormCheck.FieldProblem problem : result.problems()) {
                if (m.member().shared().containsKey(problem.field())) {
                    continue;
                }
                String source = PublishedBundle.sourceField(m.member(), form, problem.field());
                if (source == null) {
                    gaps.add(List.of(
                            m.item().name(),
                            own.field(problem.field()).map(f -> f.labelZh()).orElse(problem.field())));
                } else if (problems.stream().noneMatch(p -> p.field().equals(source))) {
                    problems.add(
                            new ApplicationFormCheck.FieldProblem(source, problem.messageKey(), problem.arguments()));
                }
            }
            memberValues.put(m.item().implementationCode(), result.values());
        }
        return new BundleCheck(merged, problems, gaps, memberValues);
    }
}
