package org.zhengwu.exchange.tracker;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.zhengwu.identity.AccountType;
import org.zhengwu.identity.Actor;
import org.zhengwu.identity.Actors;
import org.zhengwu.identity.Applicants;
import org.zhengwu.shared.web.UserFacingException;

/**
 * 谁用了我的数据, linked from 个人中心: the signed-in person's own record of uses, found by the 公民身份号码 of their
 * account (never by a request parameter), newest first, a page at a time.
 */
@Controller
class TrackerController {

    static final int PAGE = 50;

    private final DataTracker tracker;
    private final Actors actors;
    private final Applicants applicants;

    TrackerController(DataTracker tracker, Actors actors, Applicants applicants) {
        this.tracker = tracker;
        this.actors = actors;
        this.applicants = applicants;
    }

    @GetMapping("/my/data-uses")
    @PreAuthorize("hasAuthority('ACCOUNT_PERSON')")
    String uses(@RequestParam(defaultValue = "0") int page, Model model) {
        Actor person = actors.require();
        if (person.type() != AccountType.PERSON) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "exchange.tracker.persons-only");
        }
        int p = Math.max(0, Math.min(page, 10_000));
        String idNumber = applicants
                .particulars(person.accountId())
                .map(Applicants.Particulars::idNumber)
                .filter(n -> n != null && !n.isBlank())
                .orElse(null);
        List<DataTracker.Use> uses = idNumber == null ? List.of() : tracker.uses(idNumber, p, PAGE);
        model.addAttribute("uses", uses.size() > PAGE ? uses.subList(0, PAGE) : uses);
        model.addAttribute("more", uses.size() > PAGE);
        model.addAttribute("page", p);
        model.addAttribute("identified", idNumber != null);
        return "exchange/tracker";
    }
}
