package org.zhengwu.basedata.organisation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.zhengwu.basedata.Divisions;
import org.zhengwu.basedata.Organisation;
import org.zhengwu.basedata.Organisations;
import org.zhengwu.shared.codes.CodeCheck;
import org.zhengwu.shared.codes.UnifiedSocialCreditCode;
import org.zhengwu.shared.web.BadParameterException;
import org.zhengwu.shared.web.CodeLabels;
import org.zhengwu.shared.web.NotFoundException;

@RestController
@RequestMapping("/api/v1/organisations")
@Tag(name = "实施主体 Organisations", description = "Organisations that implement services, by 统一社会信用代码")
class OrganisationApiController {

    private final Organisations organisations;
    private final Divisions divisions;
    private final CodeLabels labels;

    OrganisationApiController(Organisations organisations, Divisions divisions, CodeLabels labels) {
        this.organisations = organisations;
        this.divisions = divisions;
        this.labels = labels;
    }

    record OrganisationView(
            String uscc,
            String name,
            String divisionCode,
            String divisionName,
            CodeLabels.CodeLabel exerciseLevel,
            CodeLabels.CodeLabel nature,
            String parentUscc,
            String address,
            String phone,
            boolean legacyCode) {}

    @GetMapping("/{uscc}")
    @Operation(
            summary = "An organisation by 统一社会信用代码",
            description =
                    "A registered legacy code is returned as registered; otherwise a malformed code or one failing "
                            + "its check character is a 400 naming the reason, and a well-formed unknown code a 404.")
    OrganisationView organisation(@PathVariable String uscc, Locale locale) {
        Organisation organisation = organisations.find(uscc).orElseThrow(() -> {
            CodeCheck check = UnifiedSocialCreditCode.check(uscc);
            if (!check.isValid()) {
                return new BadParameterException("uscc", check.defect().messageKey(), check.argumentArray());
            }
            return new NotFoundException("organisation.not-found", check.normalised());
        });
        String divisionName = divisions
                .current(organisation.divisionCode())
                .map(d -> d.name())
                .orElse(null);
        return new OrganisationView(
                organisation.uscc(),
                organisation.name(),
                organisation.divisionCode(),
                divisionName,
                labels.of(organisation.exerciseLevel(), locale),
                labels.of(organisation.nature(), locale),
                organisation.parentUscc(),
                organisation.address(),
                organisation.phone(),
                organisation.legacyCode());
    }
}
