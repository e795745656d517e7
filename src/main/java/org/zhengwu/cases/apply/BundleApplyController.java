package org.zhengwu.cases.apply;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhengwu.cases.CaseNumber;
import org.zhengwu.cases.lifecycle.BundleLifecycle;
import org.zhengwu.cases.lifecycle.BundleRow;
import org.zhengwu.cases.lifecycle.CaseConflictException;
import org.zhengwu.cases.lifecycle.CaseRecords;
import org.zhengwu.cases.lifecycle.CaseRow;
import org.zhengwu.cases.lifecycle.CaseStep;
import org.zhengwu.catalog.ApplicationFormCheck;
import org.zhengwu.catalog.ApplicationForms;
import org.zhengwu.catalog.PublishedBundle;
import org.zhengwu.catalog.PublishedItem;
import org.zhengwu.identity.AccountType;
import org.zhengwu.identity.Actor;
import org.zhengwu.identity.Actors;
import org.zhengwu.shared.web.UserFacingException;

/**
 * 一件事 for a person: start from the bundle's guide, fill in the merged form once, hand in each merged material once,
 * review, submit, keep the one receipt; then the bundle's page with every branch's progress. The same journey as one
 * item's ({@link ApplyController}), without JavaScript; every bundle is found through its owner, so another person's
 * bundle id is a 404.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class BundleApplyController {

    /** A branch as the applicant's pages show it: the case, its entry's department and its timeline. */
    record Branch(CaseRow branch, String organisationName, CaseNumber number, List<CaseStep> steps) {}

    private final BundleLifecycle bundles;
    private final CaseRecords records;
    private final ApplicationForms forms;
    private final ApplicationPages pages;
    private final BundlePages bundlePages;
    private final BundleUploads uploads;
    private final Actors actors;

    BundleApplyController(
            BundleLifecycle bundles,
            CaseRecords records,
            ApplicationForms forms,
            ApplicationPages pages,
            BundlePages bundlePages,
            BundleUploads uploads,
            Actors actors) {
        this.bundles = bundles;
        this.records = records;
        this.forms = forms;
        this.pages = pages;
        this.bundlePages = bundlePages;
        this.uploads = uploads;
        this.actors = actors;
    }

    @GetMapping("/apply/bundles/{code}")
    String start(@PathVariable String code, Model model) {
        Actor actor = person();
        PublishedBundle bundle = bundles.applicable(code);
        model.addAttribute("bundle", bundle);
        model.addAttribute("levelEnough", actor.realNameLevel().atLeast(bundle.realNameLevel()));
        return "cases/apply/bundle-start";
    }

    @PostMapping("/apply/bundles/{code}")
    String begin(@PathVariable String code) {
        Actor actor = person();
        PublishedBundle bundle = bundles.applicable(code);
        long id =
                bundles.startDraft(actor, code, pages.prefilled(bundle.bundle().form(), actor, null));
        return "redirect:/my/bundles/" + id + "/form";
    }

    @GetMapping("/my/bundles/{id}/form")
    String form(@PathVariable long id, Model model) {
        BundleRow draft = draft(id);
        PublishedBundle bundle = bundles.applicable(draft.bundleCode());
        Map<String, String> saved = bundles.values(draft);
        if (!model.containsAttribute("answers")) {
            ApplyController.ValuesForm answers = new ApplyController.ValuesForm();
            answers.setValues(new HashMap<>(saved));
            model.addAttribute("answers", answers);
        }
        model.addAttribute("draft", draft);
        model.addAttribute("bundle", bundle);
        model.addAttribute("applicationForm", bundle.bundle().form());
        model.addAttribute(
                "slots",
                bundlePages.slots(
                        bundle, draft, forms.check(bundle, saved).merged().values()));
        return "cases/apply/bundle-form";
    }

    @PostMapping("/my/bundles/{id}/form")
    String saveForm(
            @PathVariable long id,
            @ModelAttribute("answers") ApplyController.ValuesForm answers,
            BindingResult binding,
            @RequestParam(defaultValue = "save") String next,
            Model model,
            RedirectAttributes redirect) {
        Actor actor = person();
        BundleRow draft = draft(id);
        PublishedBundle bundle = bundles.applicable(draft.bundleCode());
        bundles.saveDraft(actor, id, answers.getValues());
        if (!"review".equals(next)) {
            redirect.addFlashAttribute("notice", "cases.apply.saved");
            return "redirect:/my/bundles/" + id + "/form";
        }
        // The summary names each field by the merged form's own label (the bundles know no label of a declared form),
        // and lists what is wrong outside the form — a missing material, a gap in the bundle's definition — after it.
        ApplicationForms.BundleCheck check = forms.check(bundle, answers.getValues());
        List<ApplicationFormCheck.FieldProblem> others = new ArrayList<>();
        for (List<String> gap : check.gaps()) {
            others.add(new ApplicationFormCheck.FieldProblem("", "cases.bundle.gap", List.copyOf(gap)));
        }
        for (BundlePages.BundleSlot slot :
                bundlePages.slots(bundle, draft, check.merged().values())) {
            if (slot.missing()) {
                others.add(new ApplicationFormCheck.FieldProblem(
                        "",
                        "cases.submit.material-missing",
                        List.of(slot.material().name())));
            }
        }
        if (!check.problems().isEmpty() || !others.isEmpty()) {
            model.addAttribute(
                    "checked", new ApplicationFormCheck.Result(check.merged().values(), check.problems()));
            model.addAttribute("otherProblems", others);
            return form(id, model);
        }
        return "redirect:/my/bundles/" + id + "/review";
    }

    @PostMapping("/my/bundles/{id}/materials")
    String upload(
            @PathVariable long id,
            @RequestParam int material,
            @RequestParam(required = false) MultipartFile file,
            RedirectAttributes redirect)
            throws IOException {
        Actor actor = person();
        MaterialUpload.receive(
                file, material, redirect, (name, content) -> uploads.add(actor, id, material, name, content));
        return "redirect:/my/bundles/" + id + "/form#material-" + material;
    }

    @PostMapping("/my/bundles/{id}/materials/{materialId}/remove")
    String removeMaterial(@PathVariable long id, @PathVariable long materialId, RedirectAttributes redirect) {
        uploads.remove(person(), id, materialId);
        redirect.addFlashAttribute("notice", "cases.material.removed");
        return "redirect:/my/bundles/" + id + "/form";
    }

    @GetMapping("/my/bundles/{id}/review")
    String review(@PathVariable long id, Model model) {
        BundleRow draft = draft(id);
        PublishedBundle bundle = bundles.applicable(draft.bundleCode());
        ApplicationForms.BundleCheck check = forms.check(bundle, bundles.values(draft));
        model.addAttribute("draft", draft);
        model.addAttribute("bundle", bundle);
        model.addAttribute("applicationForm", bundle.bundle().form());
        model.addAttribute("values", check.merged().values());
        model.addAttribute("taking", bundle.taking(check.merged().values()));
        model.addAttribute(
                "slots", bundlePages.slots(bundle, draft, check.merged().values()));
        model.addAttribute("submissionKey", UUID.randomUUID());
        return "cases/apply/bundle-review";
    }

    @PostMapping("/my/bundles/{id}/submit")
    String submit(
            @PathVariable long id, @RequestParam(required = false) String submissionKey, RedirectAttributes redirect) {
        Actor actor = person();
        UUID key;
        try {
            key = UUID.fromString(submissionKey == null ? "" : submissionKey);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(HttpStatus.BAD_REQUEST, "cases.submit.key-missing");
        }
        long submitted;
        try {
            submitted = bundles.submit(actor, id, key, bundlePages::requireComplete);
        } catch (CaseConflictException e) {
            // Submitted already by another request without this key (another tab): show that bundle.
            if (!bundles.own(actor, id).draft()) {
                return "redirect:/my/bundles/" + id + "/receipt";
            }
            throw e;
        } catch (UserFacingException e) {
            if (e.status() == HttpStatus.UNPROCESSABLE_CONTENT) {
                redirect.addFlashAttribute("problem", e.messageKey());
                redirect.addFlashAttribute("problemArguments", e.arguments());
                return "redirect:/my/bundles/" + id + "/form";
            }
            throw e;
        }
        return "redirect:/my/bundles/" + submitted + "/receipt";
    }

    @GetMapping("/my/bundles/{id}/receipt")
    String receipt(@PathVariable long id, Model model) {
        BundleRow b = bundles.own(person(), id);
        if (b.draft()) {
            return "redirect:/my/bundles/" + id + "/form";
        }
        model.addAttribute("bundle", b);
        model.addAttribute("number", new CaseNumber(b.bundleNumber()));
        model.addAttribute("branches", branches(b, false));
        return "cases/apply/bundle-receipt";
    }

    @GetMapping("/my/bundles/{id}")
    String mine(@PathVariable long id, Model model) {
        BundleRow b = bundles.own(person(), id);
        if (b.draft()) {
            return "redirect:/my/bundles/" + id + "/form";
        }
        model.addAttribute("bundle", b);
        model.addAttribute("number", new CaseNumber(b.bundleNumber()));
        model.addAttribute("branches", branches(b, true));
        return "cases/apply/bundle";
    }

    private List<Branch> branches(BundleRow b, boolean withSteps) {
        List<Branch> branches = new ArrayList<>();
        for (CaseRow c : bundles.branches(b)) {
            PublishedItem item = pages.item(c);
            branches.add(new Branch(
                    c,
                    item.organisation().name(),
                    new CaseNumber(c.caseNumber()),
                    withSteps ? records.steps(c.id()) : List.of()));
        }
        return branches;
    }

    private BundleRow draft(long id) {
        BundleRow b = bundles.own(person(), id);
        if (!b.draft()) {
            throw new CaseConflictException(
                    "cases.draft.already-submitted-as", new CaseNumber(b.bundleNumber()).grouped());
        }
        return b;
    }

    /** A person, fully signed in. */
    private Actor person() {
        Actor actor = actors.current()
                .orElseThrow(() -> new UserFacingException(HttpStatus.UNAUTHORIZED, "cases.api.sign-in"));
        if (actor.type() != AccountType.PERSON) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "cases.apply.persons-only");
        }
        return actor;
    }
}
