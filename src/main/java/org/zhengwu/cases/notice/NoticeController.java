package org.zhengwu.cases.notice;

import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.zhengwu.cases.CaseNumber;
import org.zhengwu.cases.lifecycle.CaseLifecycle;
import org.zhengwu.cases.lifecycle.CaseRecords;
import org.zhengwu.cases.lifecycle.CaseRow;
import org.zhengwu.catalog.PublishedCatalog;
import org.zhengwu.catalog.PublishedItem;
import org.zhengwu.identity.AccountType;
import org.zhengwu.identity.Actor;
import org.zhengwu.identity.Actors;
import org.zhengwu.shared.time.BusinessTime;
import org.zhengwu.shared.web.NotFoundException;
import org.zhengwu.shared.web.UserFacingException;

/**
 * A case's notices as printable documents, filled from the case record: for the department at
 * {@code /workbench/cases/{id}/notices/{kind}}, for the applicant at {@code /my/cases/{id}/notices/{kind}}. A notice
 * whose step has not been taken is a 404, as is a case out of the reader's reach.
 */
@Controller
class NoticeController {

    private final Actors actors;
    private final CaseLifecycle lifecycle;
    private final CaseRecords records;
    private final PublishedCatalog catalog;

    NoticeController(Actors actors, CaseLifecycle lifecycle, CaseRecords records, PublishedCatalog catalog) {
        this.actors = actors;
        this.lifecycle = lifecycle;
        this.records = records;
        this.catalog = catalog;
    }

    @GetMapping("/workbench/cases/{id}/notices/{kind}")
    @PreAuthorize("hasAnyAuthority('cases.accept', 'cases.review', 'cases.approve', 'cases.supervise')")
    String forDepartment(@PathVariable long id, @PathVariable String kind, Model model) {
        CaseRow c = lifecycle.reachable(actors.require(), id);
        model.addAttribute("back", "/workbench/cases/" + id);
        return show(c, kind, model);
    }

    @GetMapping("/my/cases/{id}/notices/{kind}")
    @PreAuthorize("isAuthenticated()")
    String forApplicant(@PathVariable long id, @PathVariable String kind, Model model) {
        Actor actor = actors.current()
                .orElseThrow(() -> new UserFacingException(HttpStatus.UNAUTHORIZED, "cases.api.sign-in"));
        if (actor.type() != AccountType.PERSON) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "cases.apply.persons-only");
        }
        CaseRow c = lifecycle.own(actor, id);
        model.addAttribute("back", "/my/cases/" + id);
        return show(c, kind, model);
    }

    private String show(CaseRow c, String kind, Model model) {
        List<CaseRecords.Correction> corrections = records.corrections(c.id());
        CaseNotice notice = CaseNotice.bySlug(kind)
                .filter(n -> n.issuedAt(c, corrections).isPresent())
                .orElseThrow(() -> new NotFoundException("cases.notice.not-found"));
        LocalDate issuedOn = notice.issuedAt(c, corrections)
                .orElseThrow()
                .atZone(BusinessTime.ZONE)
                .toLocalDate();
        PublishedItem item =
                catalog.version(c.implementationCode(), c.itemVersion()).orElse(null);
        CaseNumber number = new CaseNumber(c.caseNumber());
        model.addAttribute("notice", notice.name());
        model.addAttribute("noticeNumber", notice.number(number.grouped()));
        model.addAttribute("titleKey", notice.titleKey(CaseNotice.licensing(c)));
        model.addAttribute("case", c);
        model.addAttribute("number", number);
        model.addAttribute("applicantName", lifecycle.applicantName(c));
        model.addAttribute("issuedOn", issuedOn);
        model.addAttribute("item", item);
        model.addAttribute("organisation", item == null ? null : item.organisation());
        model.addAttribute(
                "correction", notice == CaseNotice.CORRECTION ? corrections.get(corrections.size() - 1) : null);
        model.addAttribute(
                "deemed",
                notice == CaseNotice.ACCEPTANCE
                        && records.steps(c.id()).stream().anyMatch(s -> "deemed-accept".equals(s.step())));
        return "cases/notice/notice";
    }
}
