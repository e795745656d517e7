package org.zhengwu.licence.use;

import java.io.IOException;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.zhengwu.cases.CaseNumber;
import org.zhengwu.identity.Actor;
import org.zhengwu.identity.Actors;
import org.zhengwu.licence.LicenceTypes;
import org.zhengwu.licence.register.LicenceFiles;
import org.zhengwu.licence.register.SealedFields;
import org.zhengwu.shared.web.BadParameterException;

/**
 * The licences holders have authorised the staff member's organisation to use: a list, and each licence opened for a
 * case (recorded as a use the holder sees), with its file where the holder allowed that.
 */
@Controller
@PreAuthorize("hasAuthority('licence.use')")
class AuthorisedController {

    private final AuthorisedUse use;
    private final LicenceTypes types;
    private final SealedFields sealed;
    private final LicenceFiles licenceFiles;
    private final Actors actors;

    AuthorisedController(
            AuthorisedUse use, LicenceTypes types, SealedFields sealed, LicenceFiles licenceFiles, Actors actors) {
        this.use = use;
        this.types = types;
        this.sealed = sealed;
        this.licenceFiles = licenceFiles;
        this.actors = actors;
    }

    @GetMapping("/licences/authorised")
    String list(Model model) {
        model.addAttribute("authorised", use.authorisedTo(actors.require()));
        return "licence/authorised/list";
    }

    @GetMapping("/licences/authorised/{authorisation}")
    String one(
            @PathVariable long authorisation,
            @RequestParam(name = "case", required = false) String caseNumber,
            Model model) {
        Actor staff = actors.require();
        AuthorisedUse.Authorised opened =
                use.use(staff, authorisation, caseNumber(caseNumber), Authorisation.UseScope.FIELDS);
        model.addAttribute("licence", opened.licence());
        model.addAttribute("authorisation", opened.authorisation());
        model.addAttribute("holderName", sealed.holderName(opened.licence()));
        model.addAttribute("holderCode", opened.licence().holderCodeMasked());
        model.addAttribute("values", sealed.values(opened.licence()));
        model.addAttribute("type", types.find(opened.licence().typeCode()).orElseThrow());
        model.addAttribute("caseNumber", caseNumber(caseNumber));
        return "licence/authorised/licence";
    }

    @GetMapping("/licences/authorised/{authorisation}/file")
    ResponseEntity<InputStreamResource> file(
            @PathVariable long authorisation, @RequestParam(name = "case", required = false) String caseNumber)
            throws IOException {
        AuthorisedUse.Authorised opened =
                use.use(actors.require(), authorisation, caseNumber(caseNumber), Authorisation.UseScope.FILE);
        return licenceFiles.download(opened.licence());
    }

    /** The case a use is for, as typed: empty is none; a mistyped number is refused, never matched. */
    private static String caseNumber(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        CaseNumber number = CaseNumber.parseOrNull(typed);
        if (number == null) {
            throw new BadParameterException("case", "cases.number.malformed");
        }
        return number.value();
    }
}
