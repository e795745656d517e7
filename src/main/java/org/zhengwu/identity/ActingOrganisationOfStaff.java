package org.zhengwu.identity;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.zhengwu.basedata.ActingOrganisation;

/** The signed-in staff member's organisation, for base data's records of who looked a person up. */
@Component
class ActingOrganisationOfStaff implements ActingOrganisation {

    private final Actors actors;

    ActingOrganisationOfStaff(Actors actors) {
        this.actors = actors;
    }

    @Override
    public Optional<String> uscc() {
        return actors.current()
                .filter(actor -> actor.type() == AccountType.STAFF)
                .map(actor -> actor.scope().organisationUscc());
    }
}
