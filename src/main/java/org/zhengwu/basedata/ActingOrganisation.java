package org.zhengwu.basedata;

import java.util.Optional;

/**
 * The organisation on whose behalf the signed-in member of staff acts, for the records the base libraries keep of
 * each lookup of a person (which department looked, shown to the person on their data-use page). The identity module,
 * which knows who is signed in, provides it; base data cannot ask identity itself without a dependency cycle.
 */
public interface ActingOrganisation {

    /** The 统一社会信用代码 of the signed-in staff member's organisation, empty for none or no staff member. */
    Optional<String> uscc();
}
