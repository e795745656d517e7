package org.zhengwu.portal;

import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.view.RedirectView;
import org.zhengwu.basedata.Division;
import org.zhengwu.basedata.Divisions;
import org.zhengwu.catalog.CatalogCodes;
import org.zhengwu.catalog.PublishedCatalog;
import org.zhengwu.catalog.PublishedItem;
import org.zhengwu.identity.AccountType;
import org.zhengwu.identity.Actor;
import org.zhengwu.identity.Actors;
import org.zhengwu.shared.codes.CodeCheck;
import org.zhengwu.shared.database.ReplicaRead;
import org.zhengwu.shared.web.NotFoundException;
import org.zhengwu.shared.web.UserFacingException;

/**
 * 办事指南: the guide of one entry at its stable address {@code /items/{实施编码}}, a printable version, and the
 * public history of its published versions.
 */
@Controller
@ReplicaRead
class GuidePageController {

    private final PublishedCatalog catalog;
    private final CatalogCodes codes;
    private final Divisions divisions;
    private final Actors actors;

    GuidePageController(PublishedCatalog catalog, CatalogCodes codes, Divisions divisions, Actors actors) {
        this.catalog = catalog;
        this.codes = codes;
        this.divisions = divisions;
        this.actors = actors;
    }

    @GetMapping("/items/{code}")
    Object guide(@PathVariable String code, Model model) {
        Optional<String> moved = catalog.movedTo(code);
        if (moved.isPresent()) {
            RedirectView redirect = new RedirectView("/items/" + moved.get());
            redirect.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
            return redirect;
        }
        return show(live(code), "portal/guide", model);
    }

    @GetMapping("/items/{code}/print")
    String print(@PathVariable String code, Model model) {
        return show(live(code), "portal/guide-print", model);
    }

    @GetMapping("/items/{code}/versions")
    String history(@PathVariable String code, Model model) {
        PublishedItem item = live(code);
        model.addAttribute("item", item);
        model.addAttribute("history", catalog.history(item.implementationCode()));
        return "portal/guide-history";
    }

    @GetMapping("/items/{code}/versions/{versionNo}")
    String version(@PathVariable String code, @PathVariable String versionNo, Model model) {
        String normalised = normalised(code);
        int number;
        try {
            number = Integer.parseInt(versionNo);
        } catch (NumberFormatException e) {
            throw new NotFoundException("catalog.item.version-not-found", code, versionNo);
        }
        PublishedItem item = catalog.version(normalised, number)
                .orElseThrow(() -> new NotFoundException("catalog.item.version-not-found", normalised, versionNo));
        return show(item, "portal/guide", model);
    }

    private String show(PublishedItem item, String view, Model model) {
        List<Division> path = divisions.pathFromTop(item.divisionCode());
        model.addAttribute("item", item);
        model.addAttribute("guide", item.guide());
        model.addAttribute("regionPath", path);
        // A signed-in person learns at once whether their account may apply online, and how to get there if not.
        model.addAttribute(
                "applicantLevel",
                actors.current()
                        .filter(a -> a.type() == AccountType.PERSON)
                        .map(Actor::realNameLevel)
                        .orElse(null));
        return view;
    }

    private PublishedItem live(String code) {
        String normalised = normalised(code);
        PublishedCatalog.Lookup lookup = catalog.find(normalised);
        if (lookup instanceof PublishedCatalog.Lookup.Live live) {
            return live.item();
        }
        if (lookup instanceof PublishedCatalog.Lookup.Withdrawn withdrawn) {
            throw new UserFacingException(
                    HttpStatus.GONE,
                    "catalog.item.withdrawn.page",
                    withdrawn.name(),
                    withdrawn.organisationName(),
                    withdrawn.reason());
        }
        throw new NotFoundException("catalog.item.not-found", normalised);
    }

    /** A code that cannot be an implementation code is simply not found: the page says so in plain words. */
    private String normalised(String code) {
        CodeCheck check = codes.checkImplementationCode(code);
        if (!check.isValid()) {
            throw new NotFoundException(
                    "catalog.item.not-found", code.length() > 40 ? code.substring(0, 40) + "…" : code);
        }
        return check.normalised();
    }
}
