package org.zhengwu.cases.apply;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
import org.zhengwu.cases.CaseStatus;
import org.zhengwu.cases.lifecycle.BundleRecords;
import org.zhengwu.cases.lifecycle.CaseConflictException;
import org.zhengwu.cases.lifecycle.CaseLifecycle;
import org.zhengwu.cases.lifecycle.CaseRecords;
import org.zhengwu.cases.lifecycle.CaseRow;
import org.zhengwu.cases.lifecycle.MaterialDownloads;
import org.zhengwu.cases.notice.CaseNotice;
import org.zhengwu.catalog.ApplicationFormCheck;
import org.zhengwu.catalog.PublishedItem;
import org.zhengwu.identity.AccountType;
import org.zhengwu.identity.Actor;
import org.zhengwu.identity.Actors;
import org.zhengwu.identity.Applicants;
import org.zhengwu.shared.files.FileStore;
import org.zhengwu.shared.web.BadParameterException;
import org.zhengwu.shared.web.UserFacingException;

/**
 * 在线办理 for a person: start from a guide, fill in the item's form, upload each material, review, submit, keep the
 * receipt; then 我的办件 — the list, one case's timeline, 补正 and withdrawal. Every page works without JavaScript;
 * every case is found through its owner, so another person's case id is a 404.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class ApplyController {

    /** The form's answers, bound as values[key]. */
    public static class ValuesForm {
        private Map<String, String> values = new HashMap<>();

        public Map<String, String> getValues() {
            return values;
        }

        public void setValues(Map<String, String> values) {
            this.values = values;
        }
    }

    private final CaseLifecycle lifecycle;
    private final CaseRecords records;
    private final BundleRecords bundleRecords;
    private final ApplicationPages pages;
    private final CaseUploads uploads;
    private final FileStore store;
    private final Applicants applicants;
    private final Actors actors;

    ApplyController(
            CaseLifecycle lifecycle,
            CaseRecords records,
            BundleRecords bundleRecords,
            ApplicationPages pages,
            CaseUploads uploads,
            FileStore store,
            Applicants applicants,
            Actors actors) {
        this.lifecycle = lifecycle;
        this.records = records;
        this.bundleRecords = bundleRecords;
        this.pages = pages;
        this.uploads = uploads;
        this.store = store;
        this.applicants = applicants;
        this.actors = actors;
    }

    // ------------------------------------------------------------------ starting

    @GetMapping("/apply/{code}")
    String start(@PathVariable String code, Model model) {
        Actor actor = person();
        PublishedItem item = lifecycle.applicable(code);
        model.addAttribute("item", item);
        model.addAttribute(
                "levelEnough", actor.realNameLevel().atLeast(item.guide().realNameLevel()));
        model.addAttribute("enterprises", applicants.mayApplyFor(actor.accountId()));
        return "cases/apply/start";
    }

    @PostMapping("/apply/{code}")
    String begin(@PathVariable String code, @RequestParam(required = false) String actingFor) {
        Actor actor = person();
        PublishedItem item = lifecycle.applicable(code);
        Applicants.Represented enterprise = null;
        if (actingFor != null && !actingFor.isBlank()) {
            enterprise = applicants.mayApplyFor(actor.accountId()).stream()
                    .filter(e -> e.uscc().equals(actingFor))
                    .findFirst()
                    .orElseThrow(() -> new UserFacingException(HttpStatus.FORBIDDEN, "cases.apply.not-representing"));
        }
        long id = lifecycle.startDraft(
                actor,
                code,
                enterprise == null ? null : enterprise.uscc(),
                pages.prefilled(pages.form(item), actor, enterprise));
        return "redirect:/my/cases/" + id + "/form";
    }

    // ------------------------------------------------------------------ the draft

    @GetMapping("/my/cases/{id}/form")
    String form(@PathVariable long id, Model model) {
        CaseRow draft = draft(id);
        PublishedItem item = pages.item(draft);
        if (!model.containsAttribute("answers")) {
            ValuesForm answers = new ValuesForm();
            answers.setValues(new HashMap<>(lifecycle.values(draft)));
            model.addAttribute("answers", answers);
        }
        model.addAttribute("case", draft);
        model.addAttribute("item", item);
        model.addAttribute("applicationForm", pages.form(item));
        model.addAttribute("slots", pages.slots(item, draft));
        model.addAttribute("onceOnly", true);
        return "cases/apply/form";
    }

    @PostMapping("/my/cases/{id}/form")
    String saveForm(
            @PathVariable long id,
            @ModelAttribute("answers") ValuesForm answers,
            BindingResult binding,
            @RequestParam(defaultValue = "save") String next,
            Model model,
            RedirectAttributes redirect) {
        Actor actor = person();
        CaseRow draft = draft(id);
        PublishedItem item = pages.item(draft);
        lifecycle.saveDraft(actor, id, answers.getValues());
        if (!"review".equals(next)) {
            redirect.addFlashAttribute("notice", "cases.apply.saved");
            return "redirect:/my/cases/" + id + "/form";
        }
        ApplicationFormCheck.Result result = pages.checkForReview(item, draft, answers.getValues(), binding);
        if (binding.hasErrors()) {
            model.addAttribute("checked", result);
            return form(id, model);
        }
        return "redirect:/my/cases/" + id + "/review";
    }

    @PostMapping("/my/cases/{id}/materials")
    String upload(
            @PathVariable long id,
            @RequestParam int material,
            @RequestParam(required = false) MultipartFile file,
            RedirectAttributes redirect)
            throws IOException {
        Actor actor = person();
        CaseRow c = lifecycle.own(actor, id);
        String back =
                c.status() == CaseStatus.DRAFT ? "redirect:/my/cases/" + id + "/form" : "redirect:/my/cases/" + id;
        MaterialUpload.receive(
                file, material, redirect, (name, content) -> uploads.add(actor, id, material, name, content));
        return back + "#material-" + material;
    }

    @PostMapping("/my/cases/{id}/materials/{materialId}/remove")
    String removeMaterial(@PathVariable long id, @PathVariable long materialId, RedirectAttributes redirect) {
        Actor actor = person();
        CaseRow c = lifecycle.own(actor, id);
        uploads.remove(actor, id, materialId);
        redirect.addFlashAttribute("notice", "cases.material.removed");
        return c.status() == CaseStatus.DRAFT ? "redirect:/my/cases/" + id + "/form" : "redirect:/my/cases/" + id;
    }

    /**
     * 使用我的电子证照: with the applicant's consent, one of their valid licences stands in for the material and no
     * upload is asked. Without the consent box ticked nothing changes and the material says why.
     */
    @PostMapping("/my/cases/{id}/materials/{material}/licence")
    String useLicence(
            @PathVariable long id,
            @PathVariable int material,
            @RequestParam(required = false) String licence,
            @RequestParam(defaultValue = "false") boolean consent,
            RedirectAttributes redirect) {
        Actor actor = person();
        draft(id);
        if (!consent) {
            redirect.addFlashAttribute("licenceProblem", "cases.licence.consent-required");
            redirect.addFlashAttribute("licenceMaterial", material);
        } else {
            uploads.useLicence(actor, id, material, licence == null ? "" : licence.strip());
            redirect.addFlashAttribute("notice", "cases.licence.used");
        }
        return "redirect:/my/cases/" + id + "/form#material-" + material;
    }

    @PostMapping("/my/cases/{id}/materials/{material}/licence/remove")
    String stopUsingLicence(@PathVariable long id, @PathVariable int material, RedirectAttributes redirect) {
        uploads.stopUsingLicence(person(), id, material);
        redirect.addFlashAttribute("notice", "cases.licence.removed");
        return "redirect:/my/cases/" + id + "/form#material-" + material;
    }

    @GetMapping("/my/cases/{id}/review")
    String review(@PathVariable long id, Model model) {
        CaseRow draft = draft(id);
        PublishedItem item = pages.item(draft);
        model.addAttribute("case", draft);
        model.addAttribute("item", item);
        model.addAttribute("applicationForm", pages.form(item));
        model.addAttribute("values", lifecycle.values(draft));
        model.addAttribute("slots", pages.slots(item, draft));
        model.addAttribute("submissionKey", UUID.randomUUID());
        return "cases/apply/review";
    }

    @PostMapping("/my/cases/{id}/submit")
    String submit(
            @PathVariable long id, @RequestParam(required = false) String submissionKey, RedirectAttributes redirect) {
        Actor actor = person();
        UUID key;
        try {
            key = UUID.fromString(submissionKey == null ? "" : submissionKey);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(HttpStatus.BAD_REQUEST, "cases.submit.key-missing");
        }
        CaseLifecycle.Receipt receipt;
        try {
            receipt = lifecycle.submit(actor, id, key, pages::requireComplete);
        } catch (CaseConflictException e) {
            // Submitted already by another request without this key (another tab): show that case.
            CaseRow c = lifecycle.own(actor, id);
            if (c.caseNumber() != null) {
                return "redirect:/my/cases/" + id + "/receipt";
            }
            throw e;
        } catch (UserFacingException e) {
            if (e.status() == HttpStatus.UNPROCESSABLE_CONTENT) {
                redirect.addFlashAttribute("problem", e.messageKey());
                redirect.addFlashAttribute("problemArguments", e.arguments());
                return "redirect:/my/cases/" + id + "/form";
            }
            throw e;
        }
        return "redirect:/my/cases/" + receipt.caseId() + "/receipt";
    }

    @GetMapping("/my/cases/{id}/receipt")
    String receipt(@PathVariable long id, Model model) {
        CaseRow c = lifecycle.own(person(), id);
        if (c.caseNumber() == null) {
            return "redirect:/my/cases/" + id + "/form";
        }
        model.addAttribute("case", c);
        model.addAttribute("receipt", lifecycle.receipt(c));
        return "cases/apply/receipt";
    }

    // ------------------------------------------------------------------ 我的办件

    /** Cases on one page of 我的办件: an enterprise may have thousands, all reachable page by page. */
    static final int MY_CASES_PAGE = 50;

    @GetMapping("/my/cases")
    String mine(@RequestParam(defaultValue = "1") int page, Model model) {
        if (page < 1 || page > 10_000) {
            throw new BadParameterException("page", "search.problem.number", 1, 10_000);
        }
        long me = person().accountId();
        CaseRecords.OwnCases mine = records.ofApplicant(me, MY_CASES_PAGE, (long) (page - 1) * MY_CASES_PAGE);
        model.addAttribute("cases", mine.cases());
        model.addAttribute("page", page);
        model.addAttribute("pages", Math.max(1, (mine.total() + MY_CASES_PAGE - 1) / MY_CASES_PAGE));
        model.addAttribute("total", mine.total());
        model.addAttribute("bundles", bundleRecords.ofApplicant(me));
        return "cases/apply/mine";
    }

    @GetMapping("/my/cases/{id}")
    String mineOne(@PathVariable long id, Model model) {
        CaseRow c = lifecycle.own(person(), id);
        if (c.status() == CaseStatus.DRAFT) {
            return "redirect:/my/cases/" + id + "/form";
        }
        model.addAttribute("case", c);
        model.addAttribute("number", new CaseNumber(c.caseNumber()));
        model.addAttribute("queryCode", lifecycle.queryCode(new CaseNumber(c.caseNumber())));
        model.addAttribute(
                "bundle",
                c.bundleId() == null ? null : bundleRecords.find(c.bundleId()).orElse(null));
        model.addAttribute("steps", records.steps(id));
        List<CaseRecords.Correction> corrections = records.corrections(id);
        model.addAttribute("corrections", corrections);
        model.addAttribute("notices", CaseNotice.of(c, corrections));
        model.addAttribute("licensing", CaseNotice.licensing(c));
        model.addAttribute("materials", records.materials(id));
        // The guide's materials only while the applicant has something to upload: a case stays readable after its
        // item is withdrawn.
        model.addAttribute(
                "slots", c.status() == CaseStatus.CORRECTION_REQUESTED ? pages.slots(pages.item(c), c) : List.of());
        model.addAttribute(
                "mayWithdraw", c.status() == CaseStatus.SUBMITTED || c.status() == CaseStatus.CORRECTION_REQUESTED);
        return "cases/apply/case";
    }

    @PostMapping("/my/cases/{id}/withdraw")
    String withdraw(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        lifecycle.withdraw(person(), id, version);
        redirect.addFlashAttribute("notice", "cases.apply.withdrawn");
        return "redirect:/my/cases/" + id;
    }

    @PostMapping("/my/cases/{id}/correction")
    String answerCorrection(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        Actor actor = person();
        try {
            lifecycle.answerCorrection(actor, id, version);
            redirect.addFlashAttribute("notice", "cases.apply.corrected");
        } catch (UserFacingException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("problem", e.messageKey());
            redirect.addFlashAttribute("problemArguments", e.arguments());
        }
        return "redirect:/my/cases/" + id;
    }

    @GetMapping("/my/cases/{id}/materials/{materialId}")
    ResponseEntity<InputStreamResource> file(@PathVariable long id, @PathVariable long materialId) throws IOException {
        CaseRow c = lifecycle.own(person(), id);
        return MaterialDownloads.download(records, store, c.id(), materialId);
    }

    private CaseRow draft(long id) {
        CaseRow c = lifecycle.own(person(), id);
        if (c.status() != CaseStatus.DRAFT) {
            throw new CaseConflictException(
                    "cases.draft.already-submitted-as", new CaseNumber(c.caseNumber()).grouped());
        }
        return c;
    }

    /** A person, fully signed in; staff apply through the counter registration instead. */
    private Actor person() {
        Actor actor = actors.current()
                .orElseThrow(() -> new UserFacingException(HttpStatus.UNAUTHORIZED, "cases.api.sign-in"));
        if (actor.type() != AccountType.PERSON) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "cases.apply.persons-only");
        }
        return actor;
    }
}
