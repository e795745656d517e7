package org.zhengwu.shared.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A failure the user caused or can act on. Rendered as a localised error page for browsers and as a problem
 * detail for the API; {@link #messageKey()} names the message in the bundles, never free text.
 */
public class UserFacingException extends RuntimeException {

    private final HttpStatus status;
    private final String messageKey;
    private final List<Object> arguments;

    public UserFacingException(HttpStatus status, String messageKey, Object... arguments) {
        super(messageKey);
        this.status = status;
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public HttpStatus status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }

    /** Members a problem detail adds for programs (a reason code, say); pages show only the message. */
    public Map<String, Object> problemProperties() {
        return Map.of();
    }
}
