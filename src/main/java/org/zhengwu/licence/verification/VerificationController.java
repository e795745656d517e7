package org.zhengwu.licence.verification;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.zhengwu.shared.web.UserFacingException;

/** 电子证照核验, the public page: type or scan an identifier (the QR code leads here), or upload the OFD file. */
@Controller
@RequestMapping("/licences/verification")
class VerificationController {

    private final LicenceVerification verification;
    private final VerificationLimits limits;

    VerificationController(LicenceVerification verification, VerificationLimits limits) {
        this.verification = verification;
        this.limits = limits;
    }

    @GetMapping
    String byIdentifier(
            @RequestParam(required = false) String identifier,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        model.addAttribute("identifier", identifier == null ? "" : identifier);
        if (identifier != null && !identifier.isBlank()) {
            answer(model, response, () -> {
                limits.take(request.getRemoteAddr(), identifier);
                return verification.byIdentifier(identifier);
            });
        } else if (identifier != null) {
            model.addAttribute("identifierMissing", true);
        }
        return "licence/verification";
    }

    @PostMapping
    String byFile(
            @RequestParam(required = false) MultipartFile file,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        model.addAttribute("identifier", "");
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileMissing", true);
            return "licence/verification";
        }
        byte[] content = file.getBytes();
        answer(model, response, () -> {
            limits.take(request.getRemoteAddr(), "file");
            return verification.byFile(content);
        });
        model.addAttribute("fileName", file.getOriginalFilename());
        return "licence/verification";
    }

    private static void answer(
            Model model, HttpServletResponse response, java.util.function.Supplier<VerificationResult> check) {
        try {
            model.addAttribute("result", check.get());
        } catch (UserFacingException e) {
            response.setStatus(e.status().value());
            model.addAttribute("problem", e.messageKey());
        }
    }
}
