package org.zhengwu.portal;

import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.zhengwu.catalog.ItemSearch;
import org.zhengwu.catalog.ServiceTheme;
import org.zhengwu.shared.database.ReplicaRead;
import org.zhengwu.shared.web.BadParameterException;

/** 首页 and the theme pages (个人服务 / 法人服务 by life and business event). */
@Controller
@ReplicaRead
class HomeController {

    private final ItemSearch search;

    HomeController(ItemSearch search) {
        this.search = search;
    }

    /** {@code ?signedOut} is where signing out ends: the page confirms it. */
    @GetMapping("/")
    String home(@RequestParam(required = false) String signedOut, Model model) {
        model.addAttribute("signedOut", signedOut != null);
        Map<ServiceTheme, Long> counts = search.countByTheme();
        model.addAttribute("personalThemes", ServiceTheme.of(ServiceTheme.Audience.PERSONAL));
        model.addAttribute("enterpriseThemes", ServiceTheme.of(ServiceTheme.Audience.ENTERPRISE));
        model.addAttribute("themeCounts", counts);
        return "portal/home";
    }

    @GetMapping("/themes")
    String themes(@RequestParam(defaultValue = "personal") String audience, Model model) {
        ServiceTheme.Audience chosen = switch (audience) {
            case "personal" -> ServiceTheme.Audience.PERSONAL;
            case "enterprise" -> ServiceTheme.Audience.ENTERPRISE;
            default -> throw new BadParameterException("audience", "portal.problem.audience", audience);
        };
        model.addAttribute("audience", chosen);
        model.addAttribute("themes", ServiceTheme.of(chosen));
        model.addAttribute("themeCounts", search.countByTheme());
        return "portal/themes";
    }
}
