package org.zhengwu.cases.apply;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.ValidationUtils;
import org.springframework.validation.Validator;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhengwu.cases.CaseNumber;
import org.zhengwu.cases.CaseStatus;
import org.zhengwu.cases.lifecycle.CaseConflictException;
import org.zhengwu.cases.lifecycle.CaseLifecycle;
import org.zhengwu.cases.lifecycle.CaseRow;
import org.zhengwu.catalog.ApplicationFormCheck;
import org.zhengwu.catalog.PublishedCatalog;
import org.zhengwu.catalog.PublishedItem;
import org.zhengwu.identity.AccountType;
import org.zhengwu.identity.Actor;
import org.zhengwu.identity.Actors;
import org.zhengwu.identity.Applicants;
import org.zhengwu.shared.codes.CitizenIdNumber;
import org.zhengwu.shared.codes.UnifiedSocialCreditCode;
import org.zhengwu.shared.web.FormErrors;
import org.zhengwu.shared.web.UserFacingException;

/**
 * 窗口收件 (GB/T 39046 A.5): a clerk registers an application for the person at the counter, for one of their
 * organisation's entries — the applicant identified, the item's form filled in, the scanned materials uploaded, reviewed
 * and registered. The case is the same record an online application makes (channel 窗口, registered by the clerk) and
 * goes through the same process; the receipt is printed for the applicant. The form, uploads and checks are those of
 * applying online ({@link ApplicationPages}, {@link CaseUploads}). A draft is found only through the clerk who
 * registers it: another clerk's draft, and another organisation's entry, are 404s.
 */
@Controller
@RequestMapping("/workbench/counter")
@PreAuthorize("hasAuthority('cases.accept')")
class CounterController {

    static final int MAX_NAME = 50;
    static final int MAX_ENTERPRISE_NAME = 200;
    static final int MAX_LISTED = 100;

    /** Whether the application is a person's own or an enterprise's. */
    enum ApplicantKind {
        PERSON,
        ENTERPRISE
    }

    /** Who the application is for: a person, or an enterprise and the person handling it (经办人). */
    public static class ApplicantForm {
        static final Validator RULES = Validator.forInstanceOf(ApplicantForm.class, (form, errors) -> {
            if (form.applicantKind() == null) {
                errors.rejectValue("kind", "validation.choose");
            }
            ValidationUtils.rejectIfEmpty(errors, "name", "validation.required");
            if (form.name != null && form.name.length() > MAX_NAME) {
                FormErrors.reject(errors, "name", "validation.too-long", MAX_NAME);
            }
            ValidationUtils.rejectIfEmpty(errors, "mobile", "validation.required");
            if (form.mobile != null && !form.mobile.matches("1[3-9][0-9]{9}")) {
                errors.rejectValue("mobile", "cases.counter.mobile.invalid");
            }
            if (form.applicantKind() == ApplicantKind.ENTERPRISE) {
                FormErrors.rejectIfInvalid(errors, "uscc", UnifiedSocialCreditCode.check(form.uscc));
                ValidationUtils.rejectIfEmpty(errors, "enterpriseName", "validation.required");
                if (form.enterpriseName != null && form.enterpriseName.length() > MAX_ENTERPRISE_NAME) {
                    FormErrors.reject(errors, "enterpriseName", "validation.too-long", MAX_ENTERPRISE_NAME);
                }
            }
        });

        private String kind;
        private String name;
        private String idNumber;
        private String mobile;
        private String uscc;
        private String enterpriseName;

        ApplicantKind applicantKind() {
            try {
                return kind == null ? null : ApplicantKind.valueOf(kind);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        public String getKind() {
            return kind;
        }

        public void setKind(String kind) {
            this.kind = kind;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getIdNumber() {
            return idNumber;
        }

        public void setIdNumber(String idNumber) {
            this.idNumber = idNumber;
        }

        public String getMobile() {
            return mobile;
        }

        public void setMobile(String mobile) {
            this.mobile = mobile;
        }

        public String getUscc() {
            return uscc;
        }

        public void setUscc(String uscc) {
            this.uscc = uscc;
        }

        public String getEnterpriseName() {
            return enterpriseName;
        }

        public void setEnterpriseName(String enterpriseName) {
            this.enterpriseName = enterpriseName;
        }
    }

    private final CaseLifecycle lifecycle;
    private final PublishedCatalog catalog;
    private final ApplicationPages pages;
    private final CaseUploads uploads;
    private final Applicants applicants;
    private final Actors actors;
    private final Clock clock;

    CounterController(
            CaseLifecycle lifecycle,
            PublishedCatalog catalog,
            ApplicationPages pages,
            CaseUploads uploads,
            Applicants applicants,
            Actors actors,
            Clock clock) {
        this.lifecycle = lifecycle;
        this.catalog = catalog;
        this.pages = pages;
        this.uploads = uploads;
        this.applicants = applicants;
        this.actors = actors;
        this.clock = clock;
    }

    @InitBinder("applicant")
    void applicantRules(WebDataBinder binder) {
        binder.addValidators(ApplicantForm.RULES);
    }

    // ------------------------------------------------------------------ the entry

    @GetMapping
    String items(@RequestParam(required = false) String q, Model model) {
        Actor clerk = clerk();
        String wanted = q == null ? "" : q.strip().toUpperCase(Locale.ROOT);
        List<PublishedItem> items = catalog.all().stream()
                .filter(item -> CaseLifecycle.mayRegister(clerk, item))
                .filter(item -> wanted.isEmpty()
                        || item.name().toUpperCase(Locale.ROOT).contains(wanted)
                        || item.implementationCode().contains(wanted))
                .sorted(java.util.Comparator.comparing(PublishedItem::name))
                .limit(MAX_LISTED + 1L)
                .toList();
        model.addAttribute("q", q);
        model.addAttribute("items", items.stream().limit(MAX_LISTED).toList());
        model.addAttribute("more", items.size() > MAX_LISTED);
        return "cases/counter/items";
    }

    // ------------------------------------------------------------------ the applicant

    @GetMapping("/items/{code}")
    String applicant(@PathVariable String code, Model model) {
        PublishedItem item = lifecycle.receivable(clerk(), code);
        if (!model.containsAttribute("applicant")) {
            ApplicantForm form = new ApplicantForm();
            form.setKind(ApplicantKind.PERSON.name());
            model.addAttribute("applicant", form);
        }
        model.addAttribute("item", item);
        model.addAttribute("kinds", List.of(ApplicantKind.values()));
        return "cases/counter/applicant";
    }

    @PostMapping("/items/{code}")
    String begin(
            @PathVariable String code,
            @Validated @ModelAttribute("applicant") ApplicantForm form,
            BindingResult binding,
            Model model) {
        Actor clerk = clerk();
        PublishedItem item = lifecycle.receivable(clerk, code);
        LocalDate today = LocalDate.now(clock.withZone(org.zhengwu.shared.time.BusinessTime.ZONE));
        var idCheck = CitizenIdNumber.check(form.getIdNumber(), today);
        FormErrors.rejectIfInvalid(binding, "idNumber", idCheck);
        Optional<Applicants.Holder> holder = Optional.empty();
        if (idCheck.isValid()) {
            holder = applicants.holderOf(idCheck.normalised());
            // The account's real name must be the one on the card shown at the counter.
            if (holder.isPresent()
                    && form.getName() != null
                    && !holder.get().name().equals(form.getName())) {
                binding.rejectValue("name", "cases.counter.name-mismatch");
            }
        }
        if (binding.hasErrors()) {
            return applicant(code, model);
        }
        boolean enterprise = form.applicantKind() == ApplicantKind.ENTERPRISE;
        String uscc = enterprise ? UnifiedSocialCreditCode.check(form.getUscc()).normalised() : null;
        // A person's case is theirs to follow when they have an account; an enterprise's is its handling person's only
        // when the platform already lets them apply for it (as representative or agent), as online.
        Long account = holder.map(Applicants.Holder::accountId)
                .filter(id -> !enterprise
                        || applicants.mayApplyFor(id).stream()
                                .anyMatch(r -> r.uscc().equals(uscc)))
                .orElse(null);
        CaseLifecycle.CounterApplicant who = new CaseLifecycle.CounterApplicant(
                form.getName(),
                idCheck.normalised(),
                form.getMobile(),
                uscc,
                enterprise ? form.getEnterpriseName() : null);
        long id = lifecycle.startCounterDraft(
                clerk,
                code,
                who,
                account,
                pages.prefilled(
                        pages.form(item),
                        Optional.of(new Applicants.Particulars(who.name(), who.idNumber(), who.mobile(), null)),
                        enterprise ? new Applicants.Represented(uscc, who.enterpriseName(), false) : null));
        return "redirect:/workbench/counter/" + id + "/form";
    }

    // ------------------------------------------------------------------ the form and the materials

    @GetMapping("/{id}/form")
    String form(@PathVariable long id, Model model) {
        CaseRow draft = draft(id);
        PublishedItem item = pages.item(draft);
        if (!model.containsAttribute("answers")) {
            ApplyController.ValuesForm answers = new ApplyController.ValuesForm();
            answers.setValues(new HashMap<>(lifecycle.values(draft)));
            model.addAttribute("answers", answers);
        }
        model.addAttribute("case", draft);
        model.addAttribute("item", item);
        model.addAttribute("counterApplicant", lifecycle.counterApplicant(draft).orElseThrow());
        model.addAttribute("applicationForm", pages.form(item));
        model.addAttribute("slots", pages.slots(item, draft));
        return "cases/counter/form";
    }

    @PostMapping("/{id}/form")
    String saveForm(
            @PathVariable long id,
            @ModelAttribute("answers") ApplyController.ValuesForm answers,
            BindingResult binding,
            @RequestParam(defaultValue = "save") String next,
            Model model,
            RedirectAttributes redirect) {
        Actor clerk = clerk();
        CaseRow draft = draft(id);
        PublishedItem item = pages.item(draft);
        lifecycle.saveCounterDraft(clerk, id, answers.getValues());
        if (!"review".equals(next)) {
            redirect.addFlashAttribute("notice", "cases.apply.saved");
            return "redirect:/workbench/counter/" + id + "/form";
        }
        ApplicationFormCheck.Result result = pages.checkForReview(item, draft, answers.getValues(), binding);
        if (binding.hasErrors()) {
            model.addAttribute("checked", result);
            return form(id, model);
        }
        return "redirect:/workbench/counter/" + id + "/review";
    }

    @PostMapping("/{id}/materials")
    String upload(
            @PathVariable long id,
            @RequestParam int material,
            @RequestParam(required = false) MultipartFile file,
            RedirectAttributes redirect)
            throws IOException {
        Actor clerk = clerk();
        CaseRow c = draft(id);
        MaterialUpload.receive(
                file, material, redirect, (name, content) -> uploads.add(clerk, c, material, name, content));
        return "redirect:/workbench/counter/" + id + "/form#material-" + material;
    }

    @PostMapping("/{id}/materials/{materialId}/remove")
    String removeMaterial(@PathVariable long id, @PathVariable long materialId, RedirectAttributes redirect) {
        Actor clerk = clerk();
        draft(id);
        uploads.remove(clerk, id, materialId, row -> CaseLifecycle.registeredBy(clerk, row));
        redirect.addFlashAttribute("notice", "cases.material.removed");
        return "redirect:/workbench/counter/" + id + "/form";
    }

    // ------------------------------------------------------------------ review, registration, receipt

    @GetMapping("/{id}/review")
    String review(@PathVariable long id, Model model) {
        CaseRow draft = draft(id);
        PublishedItem item = pages.item(draft);
        model.addAttribute("case", draft);
        model.addAttribute("item", item);
        model.addAttribute("counterApplicant", lifecycle.counterApplicant(draft).orElseThrow());
        model.addAttribute("applicationForm", pages.form(item));
        model.addAttribute("values", lifecycle.values(draft));
        model.addAttribute("slots", pages.slots(item, draft));
        model.addAttribute("submissionKey", UUID.randomUUID());
        return "cases/counter/review";
    }

    @PostMapping("/{id}/submit")
    String register(
            @PathVariable long id, @RequestParam(required = false) String submissionKey, RedirectAttributes redirect) {
        Actor clerk = clerk();
        UUID key;
        try {
            key = UUID.fromString(submissionKey == null ? "" : submissionKey);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(HttpStatus.BAD_REQUEST, "cases.submit.key-missing");
        }
        CaseLifecycle.Receipt receipt;
        try {
            receipt = lifecycle.register(clerk, id, key, pages::requireComplete);
        } catch (CaseConflictException e) {
            // Registered already by another request without this key (another tab): show that case's receipt.
            if (lifecycle.counterDraft(clerk, id).caseNumber() != null) {
                return "redirect:/workbench/counter/" + id + "/receipt";
            }
            throw e;
        } catch (UserFacingException e) {
            if (e.status() == HttpStatus.UNPROCESSABLE_CONTENT) {
                redirect.addFlashAttribute("problem", e.messageKey());
                redirect.addFlashAttribute("problemArguments", e.arguments());
                return "redirect:/workbench/counter/" + id + "/form";
            }
            throw e;
        }
        return "redirect:/workbench/counter/" + receipt.caseId() + "/receipt";
    }

    /** The receipt to print and hand to the applicant: the case number and the query code for the progress lookup. */
    @GetMapping("/{id}/receipt")
    String receipt(@PathVariable long id, Model model) {
        CaseRow c = lifecycle.counterDraft(clerk(), id);
        if (c.caseNumber() == null) {
            return "redirect:/workbench/counter/" + id + "/form";
        }
        model.addAttribute("case", c);
        model.addAttribute("receipt", lifecycle.receipt(c));
        model.addAttribute("counterApplicant", lifecycle.counterApplicant(c).orElseThrow());
        model.addAttribute("organisation", pages.item(c).organisation().name());
        return "cases/counter/receipt";
    }

    private CaseRow draft(long id) {
        CaseRow c = lifecycle.counterDraft(clerk(), id);
        if (c.status() != CaseStatus.DRAFT) {
            throw new CaseConflictException(
                    "cases.draft.already-submitted-as", new CaseNumber(c.caseNumber()).grouped());
        }
        return c;
    }

    private Actor clerk() {
        Actor actor = actors.require();
        if (actor.type() != AccountType.STAFF) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "cases.action.not-permitted");
        }
        return actor;
    }
}
