package org.zhengwu.identity.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhengwu.identity.account.Account;
import org.zhengwu.identity.account.AccountDirectory;
import org.zhengwu.identity.account.Enrolment;
import org.zhengwu.identity.account.Passwords;
import org.zhengwu.identity.account.SecondFactor;
import org.zhengwu.identity.account.Totp;

/**
 * Enrolling a first second factor, required of every member of staff before anything else: an authenticator app — a
 * QR code (and the secret in text, for typing), one code to prove it works — or a security key or passkey
 * ({@link SecurityKeyController}, which needs JavaScript); then the recovery codes, shown once. A fully signed-in
 * member of staff who uses keys only may add an authenticator app here too.
 */
@Controller
@RequestMapping("/account/mfa/setup")
class SecondFactorSetupController {

    static final String SECRET = SecondFactorSetupController.class.getName() + ".secret";
    static final String ENROLMENT = SecondFactorSetupController.class.getName() + ".enrolment";

    private final AccountDirectory directory;
    private final SecondFactor secondFactor;
    private final SignInCompletion completion;
    private final MessageSource messages;
    private final Clock clock;
    private final Passwords passwords;

    SecondFactorSetupController(
            AccountDirectory directory,
            SecondFactor secondFactor,
            SignInCompletion completion,
            MessageSource messages,
            Clock clock,
            Passwords passwords) {
        this.clock = clock;
        this.passwords = passwords;
        this.directory = directory;
        this.secondFactor = secondFactor;
        this.completion = completion;
        this.messages = messages;
    }

    @InitBinder("enrolment")
    void codeRules(WebDataBinder binder) {
        binder.addValidators(OneTimeCodeForm.RULES);
    }

    @GetMapping
    String form(Authentication authentication, HttpSession session, Model model, java.util.Locale locale) {
        Account account = directory.find(authentication.getName()).orElseThrow();
        boolean firstEnrolment = authentication instanceof SecondFactorPending;
        if (firstEnrolment && FirstPasswordController.due(account, passwords)) {
            return "redirect:/login/new-password";
        }
        Enrolment done = session.getAttribute(ENROLMENT) instanceof Enrolment e ? e : null;
        boolean nothingToEnrol = firstEnrolment ? account.secondFactorEnrolled() : account.authenticatorAppEnrolled();
        if (nothingToEnrol && done == null) {
            return "redirect:/account";
        }
        byte[] secret = (byte[]) session.getAttribute(SECRET);
        if (secret == null) {
            secret = Totp.newSecret();
            session.setAttribute(SECRET, secret);
        }
        String uri = secondFactor.provisioningUri(
                account.username(), secret, messages.getMessage("layout.brand", null, locale));
        model.addAttribute("qr", qrDataUri(uri));
        model.addAttribute(
                "secret", Totp.base32(secret).replaceAll("(.{4})", "$1 ").strip());
        model.addAttribute("recoveryCodes", done == null ? null : done.recoveryCodes());
        // A key's enrolment proves nothing yet: the key is used next, to finish signing in.
        model.addAttribute("keyEnrolled", done != null && done.factor() == null);
        model.addAttribute("offerSecurityKey", firstEnrolment);
        if (!model.containsAttribute("enrolment")) {
            model.addAttribute("enrolment", new OneTimeCodeForm());
        }
        if (!model.containsAttribute("securityKey")) {
            model.addAttribute("securityKey", new SecurityKeyForm());
        }
        return "identity/mfa-setup";
    }

    @PostMapping
    String confirm(
            @Validated @ModelAttribute("enrolment") OneTimeCodeForm enrolment,
            BindingResult binding,
            Authentication authentication,
            HttpSession session,
            Model model,
            java.util.Locale locale) {
        Account account = directory.find(authentication.getName()).orElseThrow();
        byte[] secret = (byte[]) session.getAttribute(SECRET);
        boolean firstEnrolment = authentication instanceof SecondFactorPending;
        // The second check is a stolen password's attempt to enrol its own app for an account that has keys.
        if (secret == null
                || account.authenticatorAppEnrolled()
                || (firstEnrolment && account.secondFactorEnrolled())) {
            return "redirect:/account/mfa/setup";
        }
        if (binding.hasErrors()) {
            return form(authentication, session, model, locale);
        }
        Optional<Enrolment> enrolled = secondFactor.enrol(
                account,
                firstEnrolment ? SecondFactor.Stage.FIRST_ENROLMENT : SecondFactor.Stage.SIGNED_IN,
                secret,
                enrolment.getCode());
        if (enrolled.isEmpty()) {
            binding.rejectValue("code", "mfa.wrong");
            return form(authentication, session, model, locale);
        }
        session.removeAttribute(SECRET);
        session.setAttribute(ENROLMENT, enrolled.get());
        return "redirect:/account/mfa/setup";
    }

    /**
     * The recovery codes have been seen: the sign-in completes with the factor this session's enrolment proved. Without
     * one (an account enrolled earlier, in another session, or long ago — or a security key just registered, which is
     * now to be used), the code page asks for the factor.
     */
    @PostMapping("/done")
    String done(
            Authentication authentication,
            HttpSession session,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect)
            throws IOException {
        Enrolment enrolment = session.getAttribute(ENROLMENT) instanceof Enrolment e ? e : null;
        session.removeAttribute(ENROLMENT);
        if (!(authentication instanceof SecondFactorPending pending)) {
            return "redirect:/account";
        }
        Account account = directory.find(pending.getName()).orElseThrow();
        if (enrolment == null || !enrolment.proves(account.username(), clock.instant())) {
            if (enrolment != null && enrolment.factor() == null && account.securityKeys()) {
                redirect.addFlashAttribute("notice", "mfa.key.useNew");
            }
            return account.secondFactorEnrolled() ? "redirect:/login/mfa" : "redirect:/account/mfa/setup";
        }
        completion.complete(account, pending, enrolment.factor(), request, response);
        return null;
    }

    static String qrDataUri(String text) {
        try {
            Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
            hints.put(EncodeHintType.MARGIN, 2);
            hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
            BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 240, 240, hints);
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(
                    matrix.getWidth(), matrix.getHeight(), java.awt.image.BufferedImage.TYPE_BYTE_BINARY);
            for (int x = 0; x < matrix.getWidth(); x++) {
                for (int y = 0; y < matrix.getHeight(); y++) {
                    image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
                }
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "png", png);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
        } catch (WriterException | IOException e) {
            throw new IllegalStateException("could not draw the QR code", e);
        }
    }
}
