package org.zhengwu.portal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The administration home: links to the work each staff role can do. */
@Controller
class AdminHomeController {

    @GetMapping("/admin")
    @PreAuthorize("hasAuthority('ACCOUNT_STAFF')")
    String home() {
        return "portal/admin-home";
    }
}
