package org.zhengwu.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** One place where every controller failure becomes a page or a problem detail; never a stack trace. */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ErrorHandlingAdvice {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandlingAdvice.class);

    private final ErrorResponses responses;
    private final UploadLimits uploadLimits;

    ErrorHandlingAdvice(ErrorResponses responses, UploadLimits uploadLimits) {
        this.responses = responses;
        this.uploadLimits = uploadLimits;
    }

    @ExceptionHandler(BadParameterException.class)
    Object badParameter(BadParameterException e, HttpServletRequest request, Locale locale) {
        return responses.respond(
                request, path(request), e.status(), e.messageKey(), e.arguments(), e.parameter(), locale);
    }

    @ExceptionHandler(UserFacingException.class)
    Object userFacing(UserFacingException e, HttpServletRequest request, Locale locale) {
        return responses.respond(
                request, path(request), e.status(), e.messageKey(), e.arguments(), null, e.problemProperties(), locale);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    Object typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request, Locale locale) {
        return responses.respond(
                request,
                path(request),
                HttpStatus.BAD_REQUEST,
                "error.parameter.type",
                new Object[] {e.getName(), String.valueOf(e.getValue())},
                e.getName(),
                locale);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    Object missing(MissingServletRequestParameterException e, HttpServletRequest request, Locale locale) {
        return responses.respond(
                request,
                path(request),
                HttpStatus.BAD_REQUEST,
                "error.parameter.missing",
                new Object[] {e.getParameterName()},
                e.getParameterName(),
                locale);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    Object methodValidation(HandlerMethodValidationException e, HttpServletRequest request, Locale locale) {
        var first = e.getParameterValidationResults().get(0);
        String name = first.getMethodParameter().getParameterName();
        String reason = first.getResolvableErrors().get(0).getDefaultMessage();
        return responses.respond(
                request,
                path(request),
                HttpStatus.BAD_REQUEST,
                "error.parameter.invalid",
                new Object[] {name, reason},
                name,
                locale);
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    Object noResource(Exception e, HttpServletRequest request, Locale locale) {
        return responses.respond(
                request, path(request), HttpStatus.NOT_FOUND, "error.not-found.page", new Object[0], null, locale);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object method(HttpRequestMethodNotSupportedException e, HttpServletRequest request, Locale locale) {
        return responses.respond(
                request,
                path(request),
                HttpStatus.METHOD_NOT_ALLOWED,
                "error.method",
                new Object[] {e.getMethod()},
                null,
                locale);
    }

    @ExceptionHandler({HttpMediaTypeNotSupportedException.class, HttpMediaTypeNotAcceptableException.class})
    Object mediaType(Exception e, HttpServletRequest request, Locale locale) {
        return responses.respond(
                request,
                path(request),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "error.media-type",
                new Object[0],
                null,
                locale);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(Exception e, HttpServletRequest request, Locale locale) {
        UploadLimits.Refusal refusal = uploadLimits.refusal(e);
        return responses.respond(
                request,
                path(request),
                HttpStatus.CONTENT_TOO_LARGE,
                refusal.messageKey(),
                refusal.arguments(),
                null,
                refusal.problemProperties(),
                locale);
    }

    /** The container could not read the parameters: a body over the upload limits, or a malformed one. */
    @ExceptionHandler(InvalidParameterException.class)
    Object unreadableParameters(InvalidParameterException e, HttpServletRequest request, Locale locale) {
        if (UploadLimits.exceeded(e)) {
            return tooLarge(e, request, locale);
        }
        return responses.respond(
                request, path(request), HttpStatus.BAD_REQUEST, "error.bad-request", new Object[0], null, locale);
    }

    /**
     * Two people created the same thing at the same moment and the database kept the first: the second is told so,
     * where its create path does not already turn this into an error on the form.
     */
    @ExceptionHandler(DuplicateKeyException.class)
    Object duplicate(DuplicateKeyException e, HttpServletRequest request, Locale locale) {
        log.info(
                "Refused a duplicate on {} {}: {}",
                request.getMethod(),
                path(request),
                e.getMostSpecificCause().getMessage());
        return responses.respond(
                request, path(request), HttpStatus.CONFLICT, "error.conflict.duplicate", new Object[0], null, locale);
    }

    /** Left to Spring Security's handlers, which know whether to ask for sign-in or refuse. */
    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void security(RuntimeException e) {
        throw e;
    }

    @ExceptionHandler(Exception.class)
    Object unexpected(Exception e, HttpServletRequest request, HttpServletResponse response, Locale locale)
            throws Exception {
        if (response.isCommitted()) {
            // Part of the answer has gone out (a streamed page or export): an error answer cannot follow it. Left to
            // the container, which cuts the connection, so that the client sees a broken transfer, not an answer
            // that looks complete.
            log.error(
                    "Failure on {} {} after the answer began; the connection is cut",
                    request.getMethod(),
                    path(request),
                    e);
            throw e;
        }
        // Whatever the handler began in the buffer (a page, a streamed list) gives way to the error answer.
        response.resetBuffer();
        if (DatabaseUnavailable.causedBy(e)) {
            return responses.databaseUnavailable(request, response, path(request), e, locale);
        }
        log.error("Unexpected failure on {} {}", request.getMethod(), path(request), e);
        return responses.respond(
                request, path(request), HttpStatus.INTERNAL_SERVER_ERROR, "error.server", new Object[0], null, locale);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
