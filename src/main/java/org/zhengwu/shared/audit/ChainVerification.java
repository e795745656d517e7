package org.zhengwu.shared.audit;

/**
 * The result of walking the chain.
 *
 * @param checked   entries checked
 * @param firstBad  the sequence number of the first entry that is altered or missing, or null when the chain holds
 * @param problem   what is wrong with it, or null
 */
public record ChainVerification(long checked, Long firstBad, Problem problem) {

    public enum Problem {
        /** The entry's content or hash does not match what was chained. */
        ALTERED,
        /** An entry between its neighbours is gone. */
        MISSING,
        /** Entries after the last one the chain head records are gone. */
        TRUNCATED
    }

    public boolean intact() {
        return firstBad == null;
    }
}
