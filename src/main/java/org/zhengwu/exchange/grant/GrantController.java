package org.zhengwu.exchange.grant;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhengwu.exchange.resource.Resource;
import org.zhengwu.exchange.resource.Resources;
import org.zhengwu.identity.Actor;
import org.zhengwu.identity.Actors;
import org.zhengwu.shared.web.FormChoices;
import org.zhengwu.shared.web.NotFoundException;
import org.zhengwu.shared.web.UserFacingException;

/**
 * Governed sharing for staff: the request form of a resource, the organisation's requests, the requests waiting for
 * a decision, a grant's page with its decision, withdrawal and revocation, and the supervisors' list of overdue
 * requests.
 */
@Controller
class GrantController {

    static final int TEXT_LIMIT = 1000;

    /** What a consumer asks for. */
    public static class RequestForm {
        private String purpose;
        private String legalBasis;
        private List<String> fields = new ArrayList<>();

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate validFrom;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate validUntil;

        public String getPurpose() {
            return purpose;
        }

        public void setPurpose(String purpose) {
            this.purpose = purpose;
        }

        public String getLegalBasis() {
            return legalBasis;
        }

        public void setLegalBasis(String legalBasis) {
            this.legalBasis = legalBasis;
        }

        public List<String> getFields() {
            return fields;
        }

        public void setFields(List<String> fields) {
            this.fields = fields == null ? new ArrayList<>() : fields;
        }

        public LocalDate getValidFrom() {
            return validFrom;
        }

        public void setValidFrom(LocalDate validFrom) {
            this.validFrom = validFrom;
        }

        public LocalDate getValidUntil() {
            return validUntil;
        }

        public void setValidUntil(LocalDate validUntil) {
            this.validUntil = validUntil;
        }
    }

    /** What a provider grants, or why it refuses or revokes. */
    public static class DecisionForm {
        private List<String> fields = new ArrayList<>();
        private List<String> clearFields = new ArrayList<>();

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate validUntil;

        private String reason;

        public List<String> getFields() {
            return fields;
        }

        public void setFields(List<String> fields) {
            this.fields = fields == null ? new ArrayList<>() : fields;
        }

        public List<String> getClearFields() {
            return clearFields;
        }

        public void setClearFields(List<String> clearFields) {
            this.clearFields = clearFields == null ? new ArrayList<>() : clearFields;
        }

        public LocalDate getValidUntil() {
            return validUntil;
        }

        public void setValidUntil(LocalDate validUntil) {
            this.validUntil = validUntil;
        }

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
        }
    }

    /** The provider's steps: the state each starts from, what a grant in another state is told, what is shown. */
    enum Decision {
        APPROVE(Grant::requested, "exchange.grant.decided", "exchange.grant.approved"),
        REFUSE(Grant::requested, "exchange.grant.decided", "exchange.grant.refused"),
        REVOKE(Grant::approved, "exchange.grant.not-approved", "exchange.grant.revoked");

        private final Predicate<Grant> from;
        private final String conflict;
        private final String done;

        Decision(Predicate<Grant> from, String conflict, String done) {
            this.from = from;
            this.conflict = conflict;
            this.done = done;
        }

        Predicate<Grant> from() {
            return from;
        }

        String conflict() {
            return conflict;
        }

        String done() {
            return done;
        }
    }

    private final Grants grants;
    private final Resources resources;
    private final Actors actors;

    GrantController(Grants grants, Resources resources, Actors actors) {
        this.grants = grants;
        this.resources = resources;
        this.actors = actors;
    }

    @GetMapping("/exchange/resources/{ref}/request")
    @PreAuthorize("hasAuthority('exchange.request')")
    String requestForm(@PathVariable String ref, Model model) {
        if (actors.require().scope().organisationUscc() == null) {
            // Said before the form is filled, as the request itself would say after (Grants.request).
            throw new UserFacingException(HttpStatus.FORBIDDEN, "exchange.grant.no-organisation");
        }
        Resource r = requestable(ref);
        if (!model.containsAttribute("request")) {
            RequestForm form = new RequestForm();
            form.setValidFrom(grants.today());
            form.setValidUntil(grants.today().plusYears(1).minusDays(1));
            form.setFields(r.items().stream().map(Resource.Item::field).toList());
            model.addAttribute("request", form);
        }
        return requestPage(r, ref, model);
    }

    @PostMapping("/exchange/resources/{ref}/request")
    @PreAuthorize("hasAuthority('exchange.request')")
    String request(
            @PathVariable String ref,
            @ModelAttribute("request") RequestForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        Actor staff = actors.require();
        Resource r = requestable(ref);
        text(binding, "purpose", form.getPurpose());
        text(binding, "legalBasis", form.getLegalBasis());
        List<String> known = r.items().stream().map(Resource.Item::field).toList();
        if (form.getFields().isEmpty()) {
            binding.rejectValue("fields", "exchange.grant.fields.required");
        } else if (!known.containsAll(form.getFields())) {
            binding.rejectValue("fields", "exchange.grant.fields.unknown");
        }
        if (form.getValidFrom() == null) {
            binding.rejectValue("validFrom", "validation.required");
        } else if (form.getValidFrom().isBefore(grants.today())) {
            binding.rejectValue("validFrom", "exchange.grant.valid-from.past");
        }
        if (form.getValidUntil() == null) {
            binding.rejectValue("validUntil", "validation.required");
        } else if (form.getValidFrom() != null
                && (form.getValidUntil().isBefore(form.getValidFrom())
                        || form.getValidUntil().isAfter(form.getValidFrom().plusYears(5)))) {
            binding.rejectValue("validUntil", "exchange.grant.valid-until.range");
        }
        if (binding.hasErrors()) {
            return requestPage(r, ref, model);
        }
        Grant g = grants.request(
                staff,
                r,
                new Grants.Request(
                        form.getPurpose(),
                        form.getLegalBasis(),
                        form.getFields(),
                        form.getValidFrom(),
                        form.getValidUntil()));
        return done(redirect, g.id(), g.approved() ? "exchange.grant.granted" : "exchange.grant.requested");
    }

    @GetMapping("/exchange/grants/mine")
    @PreAuthorize("hasAuthority('exchange.request')")
    String mine(Model model) {
        model.addAttribute("grants", grants.ofConsumer(actors.require()));
        model.addAttribute("heading", "exchange.grant.mine");
        model.addAttribute("today", grants.today());
        return "exchange/grants";
    }

    @GetMapping("/exchange/grants/waiting")
    @PreAuthorize("hasAuthority('exchange.decide')")
    String waiting(Model model) {
        Actor staff = actors.require();
        List<Grant> list = new ArrayList<>(grants.waiting(staff));
        list.addAll(grants.ofProvider(staff));
        model.addAttribute("grants", list);
        model.addAttribute("heading", "exchange.grant.waiting");
        model.addAttribute("today", grants.today());
        return "exchange/grants";
    }

    @GetMapping("/exchange/supervision")
    @PreAuthorize("hasAuthority('exchange.supervise')")
    String supervision(Model model) {
        model.addAttribute("grants", grants.escalated(actors.require()));
        model.addAttribute("heading", "exchange.grant.escalated");
        model.addAttribute("today", grants.today());
        return "exchange/grants";
    }

    @GetMapping("/exchange/grants/{id}")
    @PreAuthorize("hasAnyAuthority('exchange.request','exchange.decide','exchange.supervise')")
    String one(@PathVariable long id, Model model) {
        Actor staff = actors.require();
        Grant g = grants.visible(staff, id);
        Resource r = resources.find(g.resourceCode()).orElseThrow();
        model.addAttribute("g", g);
        model.addAttribute("r", r);
        model.addAttribute("today", grants.today());
        model.addAttribute("mayDecide", grants.mayDecide(staff, g));
        model.addAttribute("mayWithdraw", grants.mayRequest(staff, g));
        model.addAttribute(
                "fieldChoices",
                r.items().stream()
                        .filter(i -> g.fieldsRequested().contains(i.field()))
                        .map(GrantController::choice)
                        .toList());
        model.addAttribute(
                "clearChoices",
                r.items().stream()
                        .filter(i -> i.sensitive() && g.fieldsRequested().contains(i.field()))
                        .map(GrantController::choice)
                        .toList());
        if (!model.containsAttribute("decision")) {
            DecisionForm form = new DecisionForm();
            form.setFields(g.fieldsRequested());
            form.setValidUntil(g.validUntil());
            model.addAttribute("decision", form);
        }
        return "exchange/grant";
    }

    @PostMapping("/exchange/grants/{id}/approve")
    @PreAuthorize("hasAuthority('exchange.decide')")
    String approve(
            @PathVariable long id,
            @ModelAttribute("decision") DecisionForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return decide(
                id,
                binding,
                model,
                redirect,
                Decision.APPROVE,
                g -> {
                    if (form.getFields().isEmpty()) {
                        binding.rejectValue("fields", "exchange.grant.fields.required");
                    } else if (!g.fieldsRequested().containsAll(form.getFields())) {
                        binding.rejectValue("fields", "exchange.grant.fields.more-than-asked");
                    }
                    if (!form.getFields().containsAll(form.getClearFields())) {
                        binding.rejectValue("clearFields", "exchange.grant.clear.not-granted");
                    }
                    if (form.getValidUntil() == null) {
                        binding.rejectValue("validUntil", "validation.required");
                    } else if (form.getValidUntil().isAfter(g.validUntil())
                            || form.getValidUntil().isBefore(g.validFrom())) {
                        binding.rejectValue("validUntil", "exchange.grant.valid-until.shorter");
                    }
                },
                (staff, g) -> grants.approve(
                        staff,
                        id,
                        resources.find(g.resourceCode()).orElseThrow(),
                        new Grants.Approval(form.getFields(), form.getClearFields(), form.getValidUntil())));
    }

    @PostMapping("/exchange/grants/{id}/refuse")
    @PreAuthorize("hasAuthority('exchange.decide')")
    String refuse(
            @PathVariable long id,
            @ModelAttribute("decision") DecisionForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return decide(
                id,
                binding,
                model,
                redirect,
                Decision.REFUSE,
                g -> text(binding, "reason", form.getReason()),
                (staff, g) -> grants.refuse(staff, id, form.getReason()));
    }

    @PostMapping("/exchange/grants/{id}/revoke")
    @PreAuthorize("hasAuthority('exchange.decide')")
    String revoke(
            @PathVariable long id,
            @ModelAttribute("decision") DecisionForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return decide(
                id,
                binding,
                model,
                redirect,
                Decision.REVOKE,
                g -> text(binding, "reason", form.getReason()),
                (staff, g) -> grants.revoke(staff, id, form.getReason()));
    }

    @PostMapping("/exchange/grants/{id}/withdraw")
    @PreAuthorize("hasAuthority('exchange.request')")
    String withdraw(@PathVariable long id, RedirectAttributes redirect) {
        grants.withdraw(actors.require(), id);
        return done(redirect, id, "exchange.grant.withdrawn");
    }

    /**
     * The provider's three decisions share their frame: the grant must be the staff member's to decide (else 404) and
     * in the state the step starts from (else 409), the form is checked against it (errors shown on the grant's page),
     * then the step is taken and the page shown again with what was done.
     */
    private String decide(
            long id,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect,
            Decision decision,
            Consumer<Grant> check,
            BiConsumer<Actor, Grant> step) {
        Actor staff = actors.require();
        Grant g = grants.decidable(staff, id);
        if (!decision.from().test(g)) {
            // A form sent again after the grant moved on (decided, withdrawn, revoked) is told so, whatever it holds,
            // rather than shown its errors on a decision it can no longer take.
            throw new UserFacingException(HttpStatus.CONFLICT, decision.conflict());
        }
        check.accept(g);
        if (binding.hasErrors()) {
            return one(id, model);
        }
        step.accept(staff, g);
        return done(redirect, id, decision.done());
    }

    private static String done(RedirectAttributes redirect, long id, String message) {
        redirect.addFlashAttribute("done", message);
        return "redirect:/exchange/grants/" + id;
    }

    private Resource requestable(String ref) {
        return resources
                .find(ref.replace('-', '/'))
                .filter(Grants::requestable)
                .orElseThrow(() -> new NotFoundException("exchange.resource.not-found"));
    }

    private String requestPage(Resource r, String ref, Model model) {
        model.addAttribute("r", r);
        model.addAttribute("ref", ref);
        model.addAttribute("dueOn", grants.dueOn(grants.today()));
        model.addAttribute(
                "fieldChoices", r.items().stream().map(GrantController::choice).toList());
        return "exchange/request";
    }

    private static FormChoices.Choice choice(Resource.Item item) {
        return FormChoices.Choice.of(item.field(), item.name() + " (" + item.field() + ")");
    }

    private static void text(BindingResult binding, String field, String value) {
        if (value == null) {
            binding.rejectValue(field, "validation.required");
        } else if (value.length() > TEXT_LIMIT) {
            binding.rejectValue(field, "exchange.grant.too-long", new Object[] {TEXT_LIMIT}, null);
        }
    }
}
