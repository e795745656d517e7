package org.zhengwu.catalog.entry;

import org.springframework.http.HttpStatus;
import org.zhengwu.shared.web.UserFacingException;

/** The action does not fit the entry's current state — usually because someone else acted first. */
public class CatalogConflictException extends UserFacingException {

    public CatalogConflictException(String messageKey, Object... arguments) {
        super(HttpStatus.CONFLICT, messageKey, arguments);
    }
}
