package org.zhengwu.identity.web;

import java.security.Principal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhengwu.shared.crypto.FieldKeyRotation;
import org.zhengwu.shared.crypto.PlatformKeys;

/**
 * 数据加密密钥: the field keys configured, where the sealed columns stand, and the re-encryption that ends a rotation
 * of the field key — the 安全管理员's ({@code crypto.keys}). The keys themselves are never shown, only their
 * identifiers.
 */
@Controller
@RequestMapping("/admin/keys")
@PreAuthorize("hasAuthority('crypto.keys')")
class KeyAdminController {

    private final PlatformKeys keys;
    private final FieldKeyRotation rotation;

    KeyAdminController(PlatformKeys keys, FieldKeyRotation rotation) {
        this.keys = keys;
        this.rotation = rotation;
    }

    @GetMapping
    String keys(Model model) {
        model.addAttribute("currentKey", keys.fieldKeyId());
        model.addAttribute(
                "previousKeys",
                keys.readableFieldKeyIds().subList(1, keys.readableFieldKeyIds().size()));
        model.addAttribute("running", rotation.runningHere().orElse(null));
        model.addAttribute("last", rotation.lastReport().orElse(null));
        return "identity/keys";
    }

    @PostMapping("/census")
    String census(Model model) {
        model.addAttribute("census", rotation.census());
        return keys(model);
    }

    @PostMapping("/reseal")
    String reseal(Principal principal, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", rotation.start(principal.getName()) ? "started" : "busy");
        return "redirect:/admin/keys";
    }
}
