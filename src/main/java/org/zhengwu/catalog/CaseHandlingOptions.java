package org.zhengwu.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.zhengwu.shared.access.Bilingual;

/**
 * What a catalogue entry's {@link CaseHandling} may name: the process definitions deployed and the staff roles that
 * can take a case step. Offered by the module that runs the processes (cases), asked by the catalogue when an entry is
 * edited, imported or submitted, so that the catalogue need not know the process engine.
 */
public interface CaseHandlingOptions {

    /**
     * A deployed process definition (its latest version).
     *
     * @param key          the process key the entry names
     * @param version      its latest deployed version
     * @param name         its name as the definition gives it (the editor shows the bundles' {@code
     *                     handling.process.<key>} where there is one)
     * @param reviewStages the review stages it has, in order ({@link CaseHandling#STAGES}); empty for a process that
     *                     decides at acceptance (即办件)
     */
    record Process(String key, int version, String name, List<String> reviewStages) {
        public Process {
            reviewStages = List.copyOf(reviewStages);
        }

        /** Decided at acceptance, without review stages: the process of a 即办件. */
        public boolean decidesAtAcceptance() {
            return reviewStages.isEmpty();
        }
    }

    /** A staff role that may be named for a review stage: it grants a permission to handle cases. */
    record Role(String code, Bilingual name) {
        public String label(Locale locale) {
            return name.in(locale) + " (" + code + ")";
        }
    }

    /** Every process an entry may name, by key. */
    List<Process> processes();

    /** Every role a review stage may name, by code. */
    List<Role> roles();

    default Optional<Process> process(String key) {
        return processes().stream().filter(p -> p.key().equals(key)).findFirst();
    }

    default boolean isRole(String code) {
        return roles().stream().anyMatch(r -> r.code().equals(code));
    }
}
