package org.zhengwu.shared.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers what the servlet container refuses before any of our code runs — a request line or header it cannot parse
 * (an encoded slash, broken percent-encoding, a character not allowed in a URL, headers or a URL too long, a method
 * that is not a token, a bad {@code Host}), an unsupported HTTP version or transfer coding — with the platform's own
 * page, or with an RFC 9457 problem detail under {@code /api/}, instead of Tomcat's "HTTP Status 400" page. It
 * takes the place of Tomcat's {@link ErrorReportValve} in the host, so it also answers any error the application
 * left without a body. Spring MVC is not there for these requests: the page is rendered from its own template with
 * a plain context, in Chinese and English (the language cookie may not even have been read), and the request gets
 * a request id and an access-log line of its own.
 */
class ContainerErrorReportValve extends ErrorReportValve {

    private static final Logger accessLog = LoggerFactory.getLogger("org.zhengwu.access");

    private final PlainErrorPages pages;

    ContainerErrorReportValve(PlainErrorPages pages) {
        this.pages = pages;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // As Tomcat's own valve: nothing to add to a success or to an answer that has a body, and each error once.
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String path = path(request);
        String requestId = UUID.randomUUID().toString();
        try {
            response.resetBuffer();
            response.setHeader(RequestIdFilter.HEADER, requestId);
            SecurityHeaders.write(response, null);
            String body = pages.prepare(request, response, status, path, requestId);
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | RuntimeException e) {
            // The connection is going away or the answer cannot be written: nothing left to tell the client.
        }
        accessLog
                .atInfo()
                .addKeyValue("http.request.method", request.getMethod())
                .addKeyValue("url.path", path)
                .addKeyValue("http.response.status_code", status)
                .addKeyValue("client.ip", request.getRemoteAddr())
                .addKeyValue("request.id", requestId)
                .log("{} {} {} (refused by the container)", request.getMethod(), path, status);
    }

    /** The request target as sent (not decoded); empty when the request line could not be read at all. */
    private static String path(Request request) {
        String uri = request.getCoyoteRequest().requestURI().toString();
        return uri == null ? "" : uri;
    }
}
