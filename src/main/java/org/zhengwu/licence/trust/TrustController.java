package org.zhengwu.licence.trust;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhengwu.identity.Actor;
import org.zhengwu.identity.Actors;
import org.zhengwu.licence.document.IssuerTrust;
import org.zhengwu.licence.register.LicenceRow;
import org.zhengwu.shared.web.UserFacingException;

/**
 * 互认: the issuer roots the platform trusts (its own first), adding and removing other platforms' roots, the
 * platform's own root to hand to them, and the import of a licence another platform issued.
 */
@Controller
class TrustController {

    static final int NAME_LIMIT = 100;

    private final IssuerTrust trust;
    private final LicenceImport imports;
    private final Actors actors;

    TrustController(IssuerTrust trust, LicenceImport imports, Actors actors) {
        this.trust = trust;
        this.imports = imports;
        this.actors = actors;
    }

    @GetMapping("/licences/trust")
    @PreAuthorize("hasAuthority('licence.trust')")
    String list(Model model) {
        model.addAttribute("roots", trust.list());
        return "licence/trust/trust";
    }

    @PostMapping("/licences/trust")
    @PreAuthorize("hasAuthority('licence.trust')")
    String add(
            @RequestParam(required = false) String name,
            @RequestParam(required = false) MultipartFile certificate,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect)
            throws IOException {
        Actor staff = actors.require();
        String problem = null;
        if (name == null || name.isBlank() || name.strip().length() > NAME_LIMIT) {
            problem = "licence.trust.name.required";
        } else if (certificate == null || certificate.isEmpty()) {
            problem = "licence.trust.certificate.required";
        } else if (certificate.getSize() > 64 * 1024) {
            problem = "licence.trust.certificate.invalid";
        }
        if (problem == null) {
            try {
                trust.trust(name.strip(), Certificates.der(certificate.getBytes()), staff.username());
                redirect.addFlashAttribute("notice", "licence.trust.added");
                return "redirect:/licences/trust";
            } catch (IllegalArgumentException e) {
                problem = "licence.trust.certificate.invalid";
            }
        }
        response.setStatus(HttpServletResponse.SC_OK);
        model.addAttribute("problem", problem);
        model.addAttribute("name", name);
        return list(model);
    }

    @PostMapping("/licences/trust/{fingerprint}/remove")
    @PreAuthorize("hasAuthority('licence.trust')")
    String remove(@PathVariable String fingerprint, RedirectAttributes redirect) {
        if (!fingerprint.matches("[0-9a-f]{64}")
                || !trust.untrust(fingerprint, actors.require().username())) {
            throw new org.zhengwu.shared.web.NotFoundException("licence.trust.not-found");
        }
        redirect.addFlashAttribute("notice", "licence.trust.removed");
        return "redirect:/licences/trust";
    }

    /** The platform's own issuer root, for other platforms to trust (a public certificate). */
    @GetMapping("/licences/trust/platform-root.cer")
    ResponseEntity<byte[]> platformRoot() {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/pkix-cert"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("zhengwu-licence-root.cer")
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(trust.platformRoot());
    }

    @GetMapping("/licences/import")
    @PreAuthorize("hasAuthority('licence.trust')")
    String importForm() {
        return "licence/trust/import";
    }

    @PostMapping("/licences/import")
    @PreAuthorize("hasAuthority('licence.trust')")
    String importFile(@RequestParam(required = false) MultipartFile file, Model model, HttpServletResponse response)
            throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("problem", "licence.verification.file.required");
            return "licence/trust/import";
        }
        try {
            LicenceRow imported = imports.importFile(actors.require(), file.getBytes());
            model.addAttribute("imported", imported);
        } catch (UserFacingException e) {
            response.setStatus(e.status().value());
            model.addAttribute("problem", e.messageKey());
        }
        return "licence/trust/import";
    }
}
