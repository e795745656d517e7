package org.zhengwu.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors raised outside controllers (security filters, the servlet container) arrive here; they get the same page
 * or problem detail as those inside.
 */
@Controller
class PlatformErrorController implements ErrorController {

    private final ErrorResponses responses;
    private final UploadLimits uploadLimits;

    PlatformErrorController(ErrorResponses responses, UploadLimits uploadLimits) {
        this.responses = responses;
        this.uploadLimits = uploadLimits;
    }

    @RequestMapping("/error")
    Object error(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null
                ? "/error"
                : uri.toString().substring(request.getContextPath().length());
        // A body the container refused to read fails in the first filter that reads a parameter, as a 500.
        Throwable failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t ? t : null;
        if (failure != null && DatabaseUnavailable.causedBy(failure)) {
            return responses.databaseUnavailable(request, response, path, failure, locale);
        }
        if (UploadLimits.exceeded(failure)) {
            UploadLimits.Refusal refusal = uploadLimits.refusal(failure);
            return responses.respond(
                    request,
                    path,
                    HttpStatus.CONTENT_TOO_LARGE,
                    refusal.messageKey(),
                    refusal.arguments(),
                    null,
                    refusal.problemProperties(),
                    locale);
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (uri == null && code == null && failure == null) {
            // Asked for by its address, not reached through a failure: there is no such page.
            return responses.respond(
                    request, path, HttpStatus.NOT_FOUND, "error.not-found.page", new Object[0], null, locale);
        }
        HttpStatus status = UploadLimits.unreadableParameters(failure)
                ? HttpStatus.BAD_REQUEST
                : code instanceof Integer value && HttpStatus.resolve(value) != null
                        ? HttpStatus.valueOf(value)
                        : HttpStatus.INTERNAL_SERVER_ERROR;
        String messageKey = switch (status.value()) {
            case 400 -> "error.bad-request";
            case 401 -> "error.unauthorized";
            case 403 -> "error.forbidden";
            case 404 -> "error.not-found.page";
            case 405 -> "error.method.generic";
            default -> status.is5xxServerError() ? "error.server" : "error.bad-request";
        };
        return responses.respond(request, path, status, messageKey, new Object[0], null, locale);
    }
}
