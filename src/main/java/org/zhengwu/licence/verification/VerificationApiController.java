package org.zhengwu.licence.verification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.zhengwu.shared.web.BadParameterException;

/** Public verification for other systems: the same answers as the page, as JSON. */
@RestController
@RequestMapping("/api/v1/licences/verification")
@Tag(name = "电子证照 Licences", description = "Licence verification")
class VerificationApiController {

    private final LicenceVerification verification;
    private final VerificationLimits limits;

    VerificationApiController(LicenceVerification verification, VerificationLimits limits) {
        this.verification = verification;
        this.limits = limits;
    }

    @GetMapping
    @Operation(
            summary = "Verify a licence by its GB/T 36904 identifier",
            description = "result: VALID, REVOKED, EXPIRED, SUPERSEDED, MALFORMED (broken structure or check"
                    + " character) or NOT_FOUND (well-formed, never issued here). A person's name and 公民身份号码 are"
                    + " masked.")
    VerificationResult byIdentifier(@RequestParam(required = false) String identifier, HttpServletRequest request) {
        if (identifier == null || identifier.isBlank()) {
            throw new BadParameterException("identifier", "validation.required");
        }
        limits.take(request.getRemoteAddr(), identifier);
        return verification.byIdentifier(identifier);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Verify a licence's OFD file",
            description = "Checks the GB/T 38540 seal and the signed content, then the licence's status. result:"
                    + " SIGNATURE_INVALID (tampered; reason UNSIGNED or CERTIFICATE_EXPIRED where that is why),"
                    + " ISSUER_UNTRUSTED, MALFORMED (reason FILE: not a readable OFD), or the status as for GET.")
    VerificationResult byFile(@RequestParam(required = false) MultipartFile file, HttpServletRequest request)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw new BadParameterException("file", "validation.required");
        }
        limits.take(request.getRemoteAddr(), "file");
        return verification.byFile(file.getBytes());
    }
}
