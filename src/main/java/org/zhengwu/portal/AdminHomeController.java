package org.zhengwu.portal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The administration home: links to the work each staff role can do. */
@Controller
class AdminHomeController {

    private final java.util.List<org.zhengwu.shared.web.StaffLink> links;

    AdminHomeController(java.util.List<org.zhengwu.shared.web.StaffLink> links) {
        this.links = links.stream()
                .sorted(java.util.Comparator.comparingInt(org.zhengwu.shared.web.StaffLink::order))
                .toList();
    }

    @GetMapping("/admin")
    @PreAuthorize("hasAuthority('ACCOUNT_STAFF')")
    String home(org.springframework.security.core.Authentication authentication, org.springframework.ui.Model model) {
        java.util.Set<String> held = new java.util.HashSet<>();
        authentication.getAuthorities().forEach(a -> held.add(a.getAuthority()));
        model.addAttribute(
                "moduleLinks", links.stream().filter(l -> l.shownTo(held)).toList());
        return "portal/admin-home";
    }
}
