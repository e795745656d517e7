package org.zhengwu.basedata;

import org.springframework.http.HttpStatus;
import org.zhengwu.shared.web.UserFacingException;

/** An organisation with this code is already registered. */
public class OrganisationExistsException extends UserFacingException {

    public OrganisationExistsException(String uscc) {
        super(HttpStatus.CONFLICT, "organisation.uscc.taken", uscc);
    }
}
