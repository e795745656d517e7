package org.zhengwu.identity.web;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Validator;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.zhengwu.identity.AccountType;
import org.zhengwu.identity.RealNameLevel;
import org.zhengwu.identity.account.Account;
import org.zhengwu.identity.account.AccountDirectory;
import org.zhengwu.identity.account.CitizenAccounts;
import org.zhengwu.identity.account.Enterprises;
import org.zhengwu.shared.codes.CitizenIdNumber;
import org.zhengwu.shared.codes.UnifiedSocialCreditCode;
import org.zhengwu.shared.time.BusinessTime;
import org.zhengwu.shared.web.FormErrors;

/**
 * 法人代表身份核验: a clerk who has seen an enterprise's business licence and its legal representative with their
 * identity card confirms that this person represents it. Until then a claim made online is unverified and tokens do
 * not name the enterprise. (Checking against the legal-person library replaces the visit once that library exists.)
 */
@Controller
@RequestMapping("/admin/identity/enterprises")
@PreAuthorize("hasAuthority('identity.verify-in-person')")
class EnterpriseVerificationController {

    /** What the clerk reads off the licence and the identity card. */
    public static class RepresentativeForm {
        private String uscc;
        private String name;
        private String idNumber;

        public String getUscc() {
            return uscc;
        }

        public void setUscc(String uscc) {
            this.uscc = uscc;
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
    }

    private final AccountDirectory directory;
    private final CitizenAccounts citizens;
    private final Enterprises enterprises;
    private final Clock clock;

    EnterpriseVerificationController(
            AccountDirectory directory, CitizenAccounts citizens, Enterprises enterprises, Clock clock) {
        this.directory = directory;
        this.citizens = citizens;
        this.enterprises = enterprises;
        this.clock = clock;
    }

    @InitBinder("representative")
    void rules(WebDataBinder binder) {
        binder.addValidators(Validator.forInstanceOf(RepresentativeForm.class, (form, errors) -> {
            FormErrors.rejectIfInvalid(errors, "uscc", UnifiedSocialCreditCode.check(form.getUscc()));
            FormErrors.rejectIfInvalid(
                    errors,
                    "idNumber",
                    CitizenIdNumber.check(form.getIdNumber(), LocalDate.now(clock.withZone(BusinessTime.ZONE))));
        }));
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("representative", new RepresentativeForm());
        return "identity/enterprise-verify";
    }

    /** Shows the enterprise as registered (if it is) and the person found, for the clerk to compare. */
    @PostMapping
    String find(
            @Validated @ModelAttribute("representative") RepresentativeForm form, BindingResult binding, Model model) {
        Optional<Account> person = person(form, binding);
        if (person.isEmpty()) {
            return "identity/enterprise-verify";
        }
        show(form, person.get(), model);
        return "identity/enterprise-verify";
    }

    @PostMapping("/confirm")
    String confirm(
            @Validated @ModelAttribute("representative") RepresentativeForm form,
            BindingResult binding,
            Principal clerk,
            Model model) {
        Optional<Account> person = person(form, binding);
        if (person.isEmpty()) {
            return "identity/enterprise-verify";
        }
        String uscc = UnifiedSocialCreditCode.check(form.getUscc()).normalised();
        Optional<Enterprises.Enterprise> registered = enterprises.findByUscc(uscc);
        if (registered.isEmpty() && (form.getName() == null || form.getName().isBlank())) {
            binding.rejectValue("name", "enterprise.verify.name-required");
            show(form, person.get(), model);
            return "identity/enterprise-verify";
        }
        String name = registered
                .map(Enterprises.Enterprise::name)
                .orElseGet(() -> form.getName().strip());
        enterprises.confirmAtCounter(uscc, name, person.get(), clerk.getName());
        model.addAttribute("notice", "enterprise.verify.done");
        model.addAttribute("representative", new RepresentativeForm());
        return "identity/enterprise-verify";
    }

    private void show(RepresentativeForm form, Account person, Model model) {
        String uscc = UnifiedSocialCreditCode.check(form.getUscc()).normalised();
        Optional<Enterprises.Enterprise> registered = enterprises.findByUscc(uscc);
        model.addAttribute("person", person);
        model.addAttribute("maskedIdNumber", citizens.maskedIdNumber(person));
        model.addAttribute("enterprise", registered.orElse(null));
        model.addAttribute(
                "claimedByAnother",
                registered.map(e -> e.representativeId() != person.id()).orElse(false));
    }

    /** The representative's account: a person at 实名三级 or above, as registering an enterprise online requires. */
    private Optional<Account> person(RepresentativeForm form, BindingResult binding) {
        if (binding.hasErrors()) {
            return Optional.empty();
        }
        Optional<Account> account = directory.find(form.getIdNumber()).filter(a -> a.type() == AccountType.PERSON);
        if (account.isEmpty()) {
            binding.rejectValue("idNumber", "in-person.no-account");
        } else if (!account.get().realNameLevel().atLeast(RealNameLevel.MOBILE_VERIFIED)) {
            binding.rejectValue("idNumber", "enterprise.verify.level");
            return Optional.empty();
        }
        return account;
    }
}
