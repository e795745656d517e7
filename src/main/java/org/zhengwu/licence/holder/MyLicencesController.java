package org.zhengwu.licence.holder;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhengwu.basedata.Organisations;
import org.zhengwu.cases.CaseNumber;
import org.zhengwu.identity.AccountType;
import org.zhengwu.identity.Actor;
import org.zhengwu.identity.Actors;
import org.zhengwu.licence.LicenceTypes;
import org.zhengwu.licence.document.LicenceDocuments;
import org.zhengwu.licence.register.LicenceFiles;
import org.zhengwu.licence.register.LicenceRecords;
import org.zhengwu.licence.register.LicenceRow;
import org.zhengwu.licence.register.LicenceStatus;
import org.zhengwu.licence.register.SealedFields;
import org.zhengwu.licence.use.Authorisation;
import org.zhengwu.licence.use.AuthorisedUse;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;
import org.zhengwu.shared.time.BusinessTime;
import org.zhengwu.shared.web.FormChoices;
import org.zhengwu.shared.web.UserFacingException;

/**
 * 我的证照: the holder's licences, each with its fields, versions and 加注件, the OFD file and a picture of it, the
 * departments it is authorised to (用证授权, granted and withdrawn here) and every use they made of it.
 */
@Controller
@PreAuthorize("hasAuthority('ACCOUNT_PERSON')")
class MyLicencesController {

    /** What the authorisation form posts. */
    public static class AuthoriseForm {
        private String grantee;
        private String caseNumber;
        private String scope = Authorisation.UseScope.FIELDS.name();

        @org.springframework.format.annotation.DateTimeFormat(
                iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
        private LocalDate validUntil;

        public String getGrantee() {
            return grantee;
        }

        public void setGrantee(String grantee) {
            this.grantee = grantee;
        }

        public String getCaseNumber() {
            return caseNumber;
        }

        public void setCaseNumber(String caseNumber) {
            this.caseNumber = caseNumber;
        }

        public String getScope() {
            return scope;
        }

        public void setScope(String scope) {
            this.scope = scope;
        }

        public LocalDate getValidUntil() {
            return validUntil;
        }

        public void setValidUntil(LocalDate validUntil) {
            this.validUntil = validUntil;
        }
    }

    private final HeldLicences held;
    private final LicenceRecords records;
    private final LicenceTypes types;
    private final SealedFields sealed;
    private final LicenceFiles licenceFiles;
    private final LicenceDocuments documents;
    private final Actors actors;
    private final AccountabilityLog audit;
    private final AuthorisedUse use;
    private final Organisations organisations;
    private final FormChoices choices;
    private final Clock clock;

    MyLicencesController(
            HeldLicences held,
            LicenceRecords records,
            LicenceTypes types,
            SealedFields sealed,
            LicenceFiles licenceFiles,
            LicenceDocuments documents,
            Actors actors,
            AccountabilityLog audit,
            AuthorisedUse use,
            Organisations organisations,
            FormChoices choices,
            Clock clock) {
        this.held = held;
        this.records = records;
        this.types = types;
        this.sealed = sealed;
        this.licenceFiles = licenceFiles;
        this.documents = documents;
        this.actors = actors;
        this.audit = audit;
        this.use = use;
        this.organisations = organisations;
        this.choices = choices;
        this.clock = clock;
    }

    @GetMapping("/my/licences")
    String mine(Model model) {
        model.addAttribute("licences", held.of(person()));
        model.addAttribute("today", today());
        return "licence/mine";
    }

    @GetMapping("/my/licences/{id}")
    String one(@PathVariable long id, Model model) {
        return page(held.own(person(), id), model);
    }

    @PostMapping("/my/licences/{id}/authorisations")
    String authorise(
            @PathVariable long id,
            @ModelAttribute("authorise") AuthoriseForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        Actor person = person();
        LicenceRow l = held.own(person, id);
        LocalDate today = today();
        if (form.getGrantee() == null || form.getGrantee().isBlank()) {
            binding.rejectValue("grantee", "validation.choose");
        } else if (organisations.find(form.getGrantee()).isEmpty()) {
            binding.rejectValue("grantee", "licence.use.no-department");
        }
        String caseNumber = null;
        if (form.getCaseNumber() != null && !form.getCaseNumber().isBlank()) {
            CaseNumber parsed = CaseNumber.parseOrNull(form.getCaseNumber());
            if (parsed == null) {
                binding.rejectValue("caseNumber", "cases.number.malformed");
            } else {
                caseNumber = parsed.value();
            }
        }
        Authorisation.UseScope scope = null;
        try {
            scope = Authorisation.UseScope.valueOf(String.valueOf(form.getScope()));
        } catch (IllegalArgumentException e) {
            binding.rejectValue("scope", "validation.choose");
        }
        if (form.getValidUntil() == null) {
            if (!binding.hasFieldErrors("validUntil")) {
                binding.rejectValue("validUntil", "validation.required");
            }
        } else if (form.getValidUntil().isBefore(today)) {
            binding.rejectValue("validUntil", "licence.use.valid-until.past");
        } else if (form.getValidUntil().isAfter(today.plusYears(AuthorisedUse.MAX_YEARS))) {
            binding.rejectValue(
                    "validUntil", "licence.use.valid-until.too-far", new Object[] {AuthorisedUse.MAX_YEARS}, null);
        }
        if (l.status(today) != LicenceStatus.VALID) {
            binding.reject("licence.use.not-in-force");
        }
        if (binding.hasErrors()) {
            return page(l, model);
        }
        use.grant(person, l, form.getGrantee(), caseNumber, scope, form.getValidUntil());
        redirect.addFlashAttribute("notice", "licence.use.granted");
        return "redirect:/my/licences/" + l.id();
    }

    @PostMapping("/my/licences/{id}/authorisations/{authorisation}/withdraw")
    String withdraw(@PathVariable long id, @PathVariable long authorisation, RedirectAttributes redirect) {
        Actor person = person();
        LicenceRow l = held.own(person, id);
        use.withdraw(person, l, authorisation);
        redirect.addFlashAttribute("notice", "licence.use.withdrawn");
        return "redirect:/my/licences/" + l.id();
    }

    private String page(LicenceRow l, Model model) {
        model.addAttribute("licence", l);
        model.addAttribute("status", l.status(today()));
        model.addAttribute("holderName", sealed.holderName(l));
        model.addAttribute("holderCode", sealed.holderCode(l));
        model.addAttribute("values", sealed.values(l));
        model.addAttribute("type", types.find(l.typeCode()).orElseThrow());
        model.addAttribute("versions", records.versions(l));
        model.addAttribute("annotations", records.annotations(l.id()));
        model.addAttribute("authorisations", use.of(l));
        model.addAttribute("uses", use.uses(l));
        model.addAttribute("today", today());
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        model.addAttribute(
                "departments",
                organisations.all().stream()
                        .map(o -> FormChoices.Choice.of(o.uscc(), o.name()))
                        .toList());
        model.addAttribute(
                "scopes",
                choices.named(java.util.List.of(Authorisation.UseScope.values()), "licence.use.scope.", locale));
        if (!model.containsAttribute("authorise")) {
            AuthoriseForm form = new AuthoriseForm();
            form.setValidUntil(today().plusDays(30));
            model.addAttribute("authorise", form);
        }
        return "licence/licence";
    }

    @GetMapping("/my/licences/{id}/file")
    ResponseEntity<InputStreamResource> file(@PathVariable long id) throws IOException {
        Actor person = person();
        LicenceRow l = held.own(person, id);
        audit.record(AuditEvent.success(person.username(), "licence.download", "licence", l.identifier()));
        return licenceFiles.download(l);
    }

    /** The licence's page as a picture, drawn from its OFD file. */
    @GetMapping("/my/licences/{id}/page.png")
    ResponseEntity<byte[]> picture(@PathVariable long id) throws IOException {
        LicenceRow l = held.own(person(), id);
        byte[] ofd = licenceFiles.read(l);
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=300")
                .header("X-Content-Type-Options", "nosniff")
                .body(documents.render(ofd, 96));
    }

    private Actor person() {
        Actor actor =
                actors.current().orElseThrow(() -> new UserFacingException(HttpStatus.UNAUTHORIZED, "licence.sign-in"));
        if (actor.type() != AccountType.PERSON) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "licence.persons-only");
        }
        return actor;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(BusinessTime.ZONE));
    }
}
