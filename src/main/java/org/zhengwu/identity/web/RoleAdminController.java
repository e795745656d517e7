package org.zhengwu.identity.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.zhengwu.identity.AccessRegistry;
import org.zhengwu.identity.account.AccountRepository;

/**
 * 角色与权限: every module's permissions and the roles it suggests, as the modules declare them, and the retired
 * roles some accounts still hold. Read only: modules decide what a role grants, the security administrator
 * ({@code account.grant}) decides who holds it.
 */
@Controller
@PreAuthorize("hasAuthority('account.grant')")
class RoleAdminController {

    private final AccessRegistry registry;
    private final AccountRepository accounts;

    RoleAdminController(AccessRegistry registry, AccountRepository accounts) {
        this.registry = registry;
        this.accounts = accounts;
    }

    @GetMapping("/admin/roles")
    String roles(Model model) {
        model.addAttribute("modules", registry.modules());
        model.addAttribute("declaredPermissions", registry.permissions());
        model.addAttribute("retiredRoles", accounts.retiredRoles());
        return "identity/admin-roles";
    }
}
